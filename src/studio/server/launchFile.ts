/**
 * The launch file: how `roadsynth studio` hands the tokened URL to the browser without putting
 * it in argv (readable by every local user through /proc). A small HTML page that redirects to
 * the URL is written into a private folder (0700) as a 0600 file, and only its path goes to
 * xdg-open / open. The server removes it once the page has loaded.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LaunchFile {
  path: string;
  remove(): void;
}

export function writeLaunchFile(url: string, folder = path.join(os.tmpdir(), `roadsynth-studio-${process.getuid?.() ?? 'user'}`)): LaunchFile {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(folder, 0o700);
  const file = path.join(folder, `open-${process.pid}.html`);
  const safe = url.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  writeFileSync(file, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${safe}"><title>roadsynth studio</title>\n`, { mode: 0o600 });
  return { path: file, remove: () => rmSync(file, { force: true }) };
}
