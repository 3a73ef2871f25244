/**
 * Start time of the CLI: `roadsynth --help` and `roadsynth validate FILE`, median of 5 runs of
 * each as a new process (the launcher, the esbuild bundle and the one command's chunk), against
 * a bare `node -e ""` in the same run: what Node itself costs to start here.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'src/cli/roadsynth.mjs');
const RUNS = 5;

function medianStartMs(args: string[]): number {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    ms.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(RUNS / 2)] as number;
}

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  medianStartMs([BIN, '--version']); // builds the bundle if the source is newer
  const node = medianStartMs(['-e', '']);
  const help = medianStartMs([BIN, '--help']);
  const validate = medianStartMs([BIN, 'validate', 'scenarios/07-cyclist-door-swerve.yaml']);
  log(`start, median of ${RUNS}: node -e "" ${node.toFixed(0)} ms | roadsynth --help ${help.toFixed(0)} ms | roadsynth validate FILE ${validate.toFixed(0)} ms`);
  return { nodeStartMs: node, helpStartMs: help, validateStartMs: validate };
}
