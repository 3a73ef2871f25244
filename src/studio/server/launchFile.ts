/**
 * The launch file: how `roadsynth studio` hands the tokened URL to the browser without putting
 * it in argv (readable by every local user through /proc). A small HTML page that redirects to
 * the URL is written as a 0600 file into a fresh private folder (mkdtemp: a new random name,
 * made 0700 by this process, so no other user can have made it or a link in its place), and
 * only its path goes to xdg-open / open. The server removes it once the page has loaded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LaunchFile {
  path: string;
  remove(): void;
}

export function writeLaunchFile(url: string, parent = os.tmpdir()): LaunchFile {
  const folder = mkdtempSync(path.join(parent, 'roadsynth-studio-'));
  const file = path.join(folder, 'open.html');
  const safe = url.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  writeFileSync(file, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${safe}"><title>roadsynth studio</title>\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  return { path: file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
