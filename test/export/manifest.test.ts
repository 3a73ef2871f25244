import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestEntry, manifestLine } from '../../src/export/manifest.js';
import type { ManifestEntry } from '../../src/export/manifest.js';
import { FIXTURE_FRAMES, datasetOptions, frameContext, makeFrame, writeFixtureDataset } from './fixtures.js';

let out: string;
let lines: string[];
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'roadsynth-manifest-'));
  writeFixtureDataset(out);
  lines = readFileSync(join(out, 'manifest.jsonl'), 'utf8').split('\n');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('manifest.jsonl', () => {
  it('has one line per frame, in frame-id order', () => {
    expect(lines.pop()).toBe(''); // file ends with a newline
    expect(lines).toHaveLength(FIXTURE_FRAMES.length);
    const ids = lines.map((l) => (JSON.parse(l) as ManifestEntry).frameId);
    expect(ids).toEqual(FIXTURE_FRAMES.map(([s, f]) => `${String(s).padStart(6, '0')}_${String(f).padStart(4, '0')}`));
  });

  it('writes its keys in a fixed order and the parameters sorted by name', () => {
    const e = JSON.parse(lines[0]) as ManifestEntry;
    expect(Object.keys(e)).toEqual([
      'frameId',
      'globalFrameId',
      'scenarioFile',
      'scenarioHash',
      'instanceHash',
      'sampleIndex',
      'seed',
      'design',
      'tries',
      'parameters',
      'frameIndex',
      'tick',
      'timeS',
      'metrics',
      'counts',
      'objects',
      'focusActors',
      'focusLabeled',
    ]);
    expect(Object.keys(e.parameters)).toEqual(['/actors/0/speedMps', 'gap', 'kind', 'night', 'rain']);
    expect(e.metrics).toEqual({ minTtcS: 2.3457, minDistanceM: 3.5, collisions: 0, hardBrakes: 1, nearMiss: false, nearMissTtcS: 1.5 });
  });

  it('counts visible objects per class', () => {
    const e = JSON.parse(lines[0]) as ManifestEntry;
    expect(e.counts).toEqual({ Car: 1, Van: 0, Truck: 0, Bus: 0, Motorcycle: 0, Cyclist: 0, Pedestrian: 1, Animal: 1, Object: 1 });
  });

  it('writes a TTC that never closed in as null', () => {
    const ctx = frameContext(0, 0);
    ctx.metrics = { ...ctx.metrics, minTtcS: Infinity };
    const line = manifestLine(manifestEntry(ctx, datasetOptions().scenario, '000000_0000', makeFrame().labels.objects));
    expect((JSON.parse(line) as ManifestEntry).metrics.minTtcS).toBeNull();
  });
});
