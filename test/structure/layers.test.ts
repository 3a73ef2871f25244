/**
 * The layer order of src/: a module may import from its own folder and from folders earlier
 * in LAYERS, never from a later one. docs/architecture.md explains each layer; this list is
 * the rule. The check reads every import specifier (static, dynamic and type-only) of every
 * source file, so a new import against the order fails here with its file and line.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Pipeline order first, then the hosts and the front doors that compose it. */
const LAYERS = [
  'math', // angle and camera helpers every layer shares
  'scenario', // grammar: parse, validate, types
  'sampling', // designs and distributions -> instances
  'road', // lane networks from the road spec
  'sim', // physics and behaviours -> trajectories
  'scene', // three.js world of an instance at a tick
  'render', // passes and labels of one frame (runs in the page)
  'export', // KITTI, COCO, YOLO, manifest, card
  'dataset', // runs: sweep, render host, resume, shards, merge, search rollouts
  'report', // report.html on a dataset
  'studio', // the editor's host service and its API (started by cli and by main)
  'cli', // `roadsynth` front door
  'main', // Electron main process
  'preload', // Electron preload bridge
  'renderer', // the studio's web page
] as const;

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|mts|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every import of one src/ folder into a later one, as "file:line imports target". */
function layerViolations(src = SRC): string[] {
  const rank = new Map<string, number>(LAYERS.map((l, i) => [l, i]));
  const out: string[] = [];
  for (const file of sourceFiles(src)) {
    const from = relative(src, file).split('/')[0] as string;
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(IMPORT)) {
        const target = relative(src, normalize(join(dirname(file), m[1] as string)));
        if (target.startsWith('..')) continue;
        const to = target.split('/')[0] as string;
        if (to === from) continue;
        if ((rank.get(to) ?? -1) > (rank.get(from) ?? -1)) out.push(`src/${relative(src, file)}:${i + 1} (${from}) imports ${m[1]} (${to})`);
      }
    });
  }
  return out;
}

/** Layers that run alike in Node, a worker or a page: no file system, process, DOM or Electron. */
const PURE = ['math', 'scenario', 'sampling', 'road', 'sim'] as const;
const HOST_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](node:[^'"]+|fs|path|os|child_process|worker_threads|electron)['"]/g;

/** Every import of a Node built-in or Electron in a pure layer, as "file:line imports module". */
function hostImports(src = SRC): string[] {
  const out: string[] = [];
  for (const layer of PURE) {
    for (const file of sourceFiles(join(src, layer))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(HOST_IMPORT)) out.push(`src/${relative(src, file)}:${i + 1} imports ${m[1]}`);
        });
    }
  }
  return out;
}

describe('pure layers of src/', () => {
  it('import no Node built-in and no Electron (build scripts live in cli)', () => {
    expect(hostImports()).toEqual([]);
  });

  it('catches one: a scenario module importing node:fs is reported with its file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pure-'));
    try {
      for (const layer of PURE) mkdirSync(join(dir, layer));
      writeFileSync(join(dir, 'scenario/ok.ts'), "import { x } from './x.js';\n");
      writeFileSync(join(dir, 'scenario/bad.ts'), "\nimport { readFileSync } from 'node:fs';\n");
      expect(hostImports(dir)).toEqual(['src/scenario/bad.ts:2 imports node:fs']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('layer order of src/', () => {
  it('names every top-level folder of src/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !(LAYERS as readonly string[]).includes(f))).toEqual([]);
  });

  it('has no import against the order', () => {
    expect(layerViolations()).toEqual([]);
  });

  it('catches one: a scene module importing render is reported with its file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layers-'));
    try {
      mkdirSync(join(dir, 'scene'));
      mkdirSync(join(dir, 'render'));
      writeFileSync(join(dir, 'render/types.ts'), 'export type X = 1;\n');
      writeFileSync(join(dir, 'scene/ok.ts'), "import type { Y } from './y.js';\n");
      writeFileSync(join(dir, 'scene/bad.ts'), "// a comment\nimport type { X } from '../render/types.js';\n");
      writeFileSync(join(dir, 'render/up.ts'), "export const f = () => import('../scene/ok.js');\n");
      expect(layerViolations(dir)).toEqual(['src/scene/bad.ts:2 (scene) imports ../render/types.js (render)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
