/**
 * `roadsynth studio [DIR]`: the scenario editor with live preview in a browser. Serves the
 * studio page on 127.0.0.1 at a random port with a random access token, prints the URL and
 * opens it (unless --no-open). The desktop app (Electron) shows the same page.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { startStudio } from '../../studio/server/startStudio.js';
import { UserError } from '../runCli.js';

interface StudioFlags {
  port: number;
  open: boolean;
  out?: string;
}

function port(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new InvalidArgumentError(`expected a port from 0 to 65535, got "${text}"`);
  return n;
}

/** Opens a URL in the user's browser; a failure only costs a message. */
function openInBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`could not open a browser (${cmd}); open the URL above yourself\n`));
    child.unref();
  } catch {
    process.stderr.write('could not open a browser; open the URL above yourself\n');
  }
}

async function run(dir: string | undefined, flags: StudioFlags): Promise<void> {
  const folder = path.resolve(dir ?? 'scenarios');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserError(`${dir ?? 'scenarios'}: no such folder; give the folder holding your scenario files (roadsynth studio scenarios/)`);
  }
  const studio = await startStudio({
    dir: folder,
    outDir: flags.out,
    port: flags.port,
    launchFile: flags.open,
    log: (l) => process.stderr.write(l + '\n'),
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new UserError(`port ${flags.port} is in use; pick another with --port or leave it out for a free one`);
    throw err;
  });
  process.stdout.write(`roadsynth studio: ${studio.url}\n  scenarios: ${folder}\n  press Ctrl+C to stop\n`);
  // The browser gets the path of a private redirect file, never the tokened URL (argv is public).
  if (flags.open && studio.launchPath) openInBrowser(studio.launchPath);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void studio.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function register(program: Command): void {
  program
    .command('studio')
    .description('Open the scenario editor with a live 3D preview in your browser (served on 127.0.0.1).')
    .argument('[dir]', 'scenario folder to open', 'scenarios')
    .option('--port <n>', 'port to listen on (default: a free one)', port, 0)
    .option('--no-open', 'print the URL without opening a browser')
    .option('--out <dir>', 'folder exports may be written into (default: out/studio)')
    .addHelpText(
      'after',
      `
The URL carries a random access token; API calls without it are refused. The browser is
opened on a private (0600) file that redirects to the URL, so the token never appears in a
process list; the first load trades it for an HttpOnly cookie and drops it from the address
bar. Only files inside the opened scenario folder and the export folder can be read, and
only scenario files in the scenario folder written.

Examples:
  roadsynth studio
  roadsynth studio my-scenarios/ --no-open --port 8080`,
    )
    .action((dir: string | undefined, flags: StudioFlags) => run(dir, flags));
}
