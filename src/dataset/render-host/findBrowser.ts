/**
 * Finds a Chromium-family browser to render with: an explicit path (--browser flag), the
 * ROADSYNTH_BROWSER environment variable, then the usual install places of Chromium and Chrome
 * on Linux, macOS and Windows, then the Electron binary of the optional `electron` package.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface FoundBrowser {
  executablePath: string;
  kind: 'chromium' | 'electron';
  /** Where it was found, for messages. */
  source: string;
}

/** No usable browser; the message says how to install one or point at it. */
export class BrowserNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }
}

function candidatePaths(env: NodeJS.ProcessEnv): string[] {
  const local = env.LOCALAPPDATA ?? '';
  const programFiles = [env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((p): p is string => !!p);
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ...programFiles.map((p) => path.join(p, 'Google', 'Chrome', 'Application', 'chrome.exe')),
    ...(local ? [path.join(local, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(local, 'Chromium', 'Application', 'chrome.exe')] : []),
  ];
}

function electronBinary(): string | null {
  try {
    // The electron package's main export is the path of its binary.
    const p: unknown = createRequire(import.meta.url)('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function kindOf(executablePath: string): FoundBrowser['kind'] {
  return /electron(\.exe)?$/i.test(path.basename(executablePath)) ? 'electron' : 'chromium';
}

/**
 * @param explicitPath  the --browser flag
 * @param places        install places to try (default: the usual ones for this OS)
 * @param electron      finds the Electron binary (default: the optional electron package)
 */
export function findBrowser(
  explicitPath?: string,
  env: NodeJS.ProcessEnv = process.env,
  places: readonly string[] = candidatePaths(env),
  electron: () => string | null = electronBinary,
): FoundBrowser {
  for (const [given, source] of [
    [explicitPath, '--browser'],
    [env.ROADSYNTH_BROWSER, 'ROADSYNTH_BROWSER'],
  ] as const) {
    if (!given) continue;
    if (!existsSync(given)) {
      throw new BrowserNotFoundError(`${source}: no browser at ${given}. Give the path of a Chromium, Chrome or Electron executable.`);
    }
    return { executablePath: given, kind: kindOf(given), source };
  }
  for (const p of places) {
    if (existsSync(p)) return { executablePath: p, kind: 'chromium', source: p };
  }
  const electronPath = electron();
  if (electronPath) return { executablePath: electronPath, kind: 'electron', source: 'the electron package' };
  throw new BrowserNotFoundError(
    'No Chromium-family browser found to render frames with.\n' +
      '  Install one:    apt-get install chromium   (Debian/Ubuntu; macOS/Windows: install Google Chrome)\n' +
      '  or point at it: --browser /path/to/chrome   or   ROADSYNTH_BROWSER=/path/to/chrome',
  );
}
