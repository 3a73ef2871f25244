/**
 * The Vite build of the studio renderer, shared by electron-vite (the desktop app) and
 * `roadsynth studio` (which builds on demand into a cache), so both hosts serve the same page.
 */
import path from 'node:path';
import type { InlineConfig } from 'vite';

export function rendererViteConfig(packageRoot: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    root: path.join(packageRoot, 'src/renderer'),
    // Relative asset URLs: the Electron app loads the page from file://.
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: path.join(packageRoot, 'src/renderer/index.html') },
    },
  };
}
