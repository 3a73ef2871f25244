/**
 * Root of the roadsynth package (the folder holding package.json, src/ and scenarios/).
 * Found by walking up from this module to the package.json named "roadsynth", so it holds
 * when the module runs from source (tsx) and when it is bundled into out/main by electron-vite;
 * ROADSYNTH_ROOT overrides it (a packaged app sets it to its unpacked resources).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'roadsynth') return dir;
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find the roadsynth package above ${start}; set ROADSYNTH_ROOT to the folder holding its package.json`);
  }
}

export const PACKAGE_ROOT = process.env.ROADSYNTH_ROOT ?? findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** roadsynth's version: package.json's, its one definition. */
export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
