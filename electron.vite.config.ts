/**
 * electron-vite build of the desktop studio: main (ESM), preload (CommonJS: sandboxed preloads
 * cannot be ES modules) and the renderer (the same Vite build `roadsynth studio` serves).
 *
 * electron-vite reads the Electron version from electron/package.json; electron is an optional
 * dependency that cannot be installed everywhere, so without it the major version comes from
 * the optionalDependencies range in package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererViteConfig } from './src/studio/server/rendererViteConfig.js';

const root = path.dirname(fileURLToPath(import.meta.url));

function electronInstalled(): boolean {
  try {
    return existsSync(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return false;
  }
}

if (!process.env.ELECTRON_MAJOR_VER && !electronInstalled()) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
  const major = /\d+/.exec(pkg.optionalDependencies?.electron ?? '')?.[0];
  if (!major) throw new Error('electron.vite.config.ts: no electron version in package.json optionalDependencies');
  process.env.ELECTRON_MAJOR_VER = major;
}

const renderer = rendererViteConfig(root, path.join(root, 'out/renderer'));

export default defineConfig({
  main: {
    build: {
      outDir: path.join(root, 'out/main'),
      rollupOptions: { input: { index: path.join(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: path.join(root, 'out/preload'),
      rollupOptions: {
        input: { index: path.join(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: renderer.root,
    base: renderer.base,
    build: renderer.build,
  },
});
