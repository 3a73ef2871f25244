/**
 * The desktop app's rules that need no Electron: whether DevTools are on, the application
 * menu, how often a crashed page is reloaded, and which files may be handed to the system's
 * opener (shell.openPath). Main applies them; test/gui/electronMain.test.ts checks them through
 * main.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemOptions } from './electronTypes.js';

/** The command-line flag that turns DevTools on in a packaged app. */
export const DEVTOOLS_FLAG = '--devtools';

/** DevTools only when run from source (`electron .`, electron-vite dev) or with --devtools. */
export function devToolsAllowed(isPackaged: boolean, argv: readonly string[]): boolean {
  return !isPackaged || argv.includes(DEVTOOLS_FLAG);
}

/**
 * The application menu. Electron's default menu has "Toggle Developer Tools" and "Force
 * Reload"; the studio sets its own, with them only when DevTools are allowed.
 */
export function appMenuTemplate(devTools: boolean, platform: NodeJS.Platform = process.platform): MenuItemOptions[] {
  const view: MenuItemOptions[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }];
  if (devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' }] : []),
    { label: 'File', submenu: [platform === 'darwin' ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

/** Every role in a menu template, submenus included. */
export function menuRoles(template: readonly MenuItemOptions[]): string[] {
  return template.flatMap((item) => [...(item.role ? [item.role] : []), ...menuRoles(item.submenu ?? [])]);
}

/** A crashed page is reloaded at most this many times ... */
export const MAX_CRASH_RELOADS = 3;
/** ... within this window [ms]; after that main shows a message instead of reloading again. */
export const CRASH_WINDOW_MS = 60_000;

/** Counts crash reloads in a sliding window, so a page that crashes on load does not loop forever. */
export class CrashReloads {
  private times: number[] = [];

  /** Records a crash at `nowMs`: true when the page may be reloaded, false when the limit is reached. */
  crashed(nowMs: number): boolean {
    this.times = this.times.filter((t) => nowMs - t < CRASH_WINDOW_MS);
    if (this.times.length >= MAX_CRASH_RELOADS) return false;
    this.times.push(nowMs);
    return true;
  }

  /** Forgets the crashes (the user asked for one more try). */
  reset(): void {
    this.times = [];
  }
}

/**
 * Files the studio may hand to the system's opener: what an export or a scenario folder holds
 * (images, labels, reports, text). Anything else, above all what the opener may run (.desktop,
 * .sh, .exe, .AppImage, a file with an execute bit), is refused; folders open in the file manager.
 */
export const OPENABLE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.json', '.jsonl', '.txt', '.html', '.md', '.yaml', '.yml', '.csv']);

/** Why `real` (a resolved real path) may not be opened (404: missing, 403: refused), or null when it may. */
export function openPathProblem(real: string): { message: string; status: 403 | 404 } | null {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(real);
  } catch {
    return { message: `${real}: no such file or folder`, status: 404 };
  }
  if (st.isDirectory()) return null;
  const refuse = (message: string) => ({ message: `${real}: ${message}`, status: 403 as const });
  if (!st.isFile()) return refuse('not a file or folder; the studio opens only files and folders');
  const ext = path.extname(real).toLowerCase();
  if (!OPENABLE_EXTENSIONS.has(ext)) {
    return refuse(`the studio opens only folders and ${[...OPENABLE_EXTENSIONS].join(' ')} files, not ${ext || 'files without an extension'}`);
  }
  if (process.platform !== 'win32' && (st.mode & 0o111) !== 0) return refuse('an executable file; the studio does not open it');
  return null;
}
