#!/usr/bin/env node
// Starts the CLI from its esbuild bundle (see bundle.mjs), rebuilt first when the source is
// newer. Where the package folder is read-only and the bundle stale or missing, it runs the
// TypeScript source through tsx instead: slower to start, same behaviour.
import { pathToFileURL } from 'node:url';
import { BUNDLE_ENTRY, buildCli, bundleIsFresh } from './bundle.mjs';

let entry = null;
if (bundleIsFresh()) entry = BUNDLE_ENTRY;
else {
  try {
    entry = await buildCli();
  } catch {
    entry = null;
  }
}
if (entry) await import(pathToFileURL(entry).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
