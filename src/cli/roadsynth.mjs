#!/usr/bin/env node
// Runs the TypeScript CLI straight from source, so `npx roadsynth` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
