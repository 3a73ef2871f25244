import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetWriter } from '../../src/export/datasetWriter.js';
import { collectReport, pickPairs, ReportInputError } from '../../src/report/collectReport.js';
import type { ReportData } from '../../src/report/collectReport.js';
import { writeReport } from '../../src/report/writeReport.js';
import { contentHash } from '../../src/sampling/hash.js';
import { createSampler } from '../../src/sampling/sample.js';
import { checkScenario } from '../../src/scenario/load.js';
import { datasetOptions, makeFrame, metrics } from '../export/fixtures.js';

const SCENARIO = `version: 1
name: Report fixture
parameters:
  egoSpeedMps: { uniform: [8, 14] }
  crossTimeS: { uniform: [1.5, 4.0] }
  walkSpeedMps: { uniform: [0.8, 2.0] }
simulation: { durationS: 10, dtS: 0.02 }
road:
  lanes: { forward: 1, backward: 1, widthM: 3.5 }
  sidewalks: { left: true, right: true, widthM: 2.0 }
  blocks:
    - { kind: straight, lengthM: 200 }
weather:
  rain: { uniform: [0, 0.5] }
light:
  timeOfDayH: { uniform: [7, 19] }
ego:
  kind: car
  place: { lane: 1, s: 10 }
  speedMps: $egoSpeedMps
  behaviours:
    - { do: keepLane, speedMps: $egoSpeedMps }
actors:
  - id: pedestrian
    kind: pedestrian
    place: { lane: sidewalk-right, s: 95 }
    person:
      ageGroup: { choice: [child, adult, elderly], weights: [0.2, 0.6, 0.2] }
      skinTone: { choice: [I, II, III, IV, V, VI] }
      topColour: { choice: [black, white, red, blue, grey] }
    behaviours:
      - do: cross
        speedMps: $walkSpeedMps
        trigger: { egoWithinM: "=egoSpeedMps * crossTimeS" }
`;

const COUNT = 12;
let tmp: string;
let dir: string;
let data: ReportData;

/** A dataset of COUNT real sampled instances (one code-made frame each); instance 5 collides. */
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'roadsynth-report-'));
  const file = join(tmp, 'fixture.yaml');
  writeFileSync(file, SCENARIO);
  const { spec, errors } = checkScenario(SCENARIO, file);
  if (!spec) throw new Error(errors.map((e) => e.message).join('\n'));
  const base = datasetOptions();
  const opts = {
    ...base,
    scenario: { file, hash: contentHash(spec), name: 'Report fixture' },
    run: { ...base.run, seed: 3, design: 'random' as const, count: COUNT, framesPerInstance: 1 },
  };
  dir = join(tmp, 'ds');
  const w = DatasetWriter.open(dir, opts);
  const sampler = createSampler(spec, { seed: 3, design: 'random', count: COUNT });
  for (let i = 0; i < COUNT; i++) {
    const m = { ...metrics, minTtcS: 0.5 + i * 0.25, minDistanceM: 1 + i, collisions: i === 5 ? 1 : 0, nearMiss: i < 3 };
    w.writeFrame({ sample: sampler.sample(i), metrics: m, frameIndexInInstance: 0, globalFrameId: i, tick: 0, timeS: 0 }, makeFrame(i % 4, 0));
  }
  w.finish();
  data = collectReport(dir);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('collectReport', () => {
  it('counts frames, instances and labeled objects', () => {
    expect(data.dataset.frames).toBe(COUNT);
    expect(data.dataset.instances).toBe(COUNT);
    expect(data.classes.Car).toBe(COUNT);
    expect(data.labels?.frames).toBe(COUNT);
    expect(data.labels?.source).toMatch(/^kitti\/training\/label_2 of /);
  });

  it('draws each swept parameter against its declared distribution', () => {
    const ego = data.parameters.find((p) => p.key === 'egoSpeedMps');
    expect(ego?.declaredAs).toBe('{"uniform":[8,14]}');
    expect(ego?.counts.reduce((a, b) => a + b, 0)).toBe(COUNT);
    expect(ego?.declared?.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    const age = data.parameters.find((p) => p.key === '/actors/0/person/ageGroup');
    expect(age?.labels).toEqual(['adult', 'child', 'elderly']);
    expect(age?.declared?.[0]).toBeCloseTo(0.6, 3);
  });

  it('pairs weather with light for the coverage heatmaps', () => {
    expect(data.pairs[0].x).toBe('/weather/rain');
    expect(data.pairs[0].y).toBe('/light/timeOfDayH');
    const filled = data.pairs[0].counts.flat().reduce((a, b) => a + b, 0);
    expect(filled).toBe(COUNT);
  });

  it('puts the colliding instance first among the worst', () => {
    expect(data.criticality.withCollision).toBe(1);
    expect(data.criticality.nearMisses).toBe(3);
    expect(data.criticality.worst[0].sampleIndex).toBe(5);
    expect(data.criticality.worst[1].sampleIndex).toBe(0);
  });

  it('counts people by re-sampling instances that match the manifest', () => {
    const d = data.diversity;
    expect(d?.method).toContain(`${COUNT} of ${COUNT} gave exactly the recorded parameters`);
    expect(d?.people).toBe(COUNT);
    expect(Object.values(d?.ageGroup ?? {}).reduce((a, b) => a + b, 0)).toBe(COUNT);
    expect(Object.values(d?.clothing ?? {}).reduce((a, b) => a + b, 0)).toBe(2 * COUNT);
    expect(d?.clothing.other ?? 0).toBe(0);
  });

  it('finds no distance between a dataset and its own labels as reference', () => {
    const withRef = collectReport(dir, { reference: join(dir, 'kitti', 'training', 'label_2') });
    for (const x of withRef.reference?.comparison.distributions ?? []) {
      expect(x.ks, x.statistic).toBe(0);
      expect(x.wasserstein1, x.statistic).toBe(0);
    }
    for (const c of withRef.reference?.comparison.classes ?? []) expect(c.difference).toBe(0);
  });

  it('accepts its own --json output as a reference', () => {
    const json = join(tmp, 'stats.json');
    writeFileSync(json, JSON.stringify(data));
    const fromJson = collectReport(dir, { reference: json });
    const fromDir = collectReport(dir, { reference: dir });
    expect(fromJson.reference?.comparison).toEqual(fromDir.reference?.comparison);
  });

  it('refuses a folder that is not a dataset', () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expect(() => collectReport(empty)).toThrow(ReportInputError);
    expect(() => collectReport(dir, { reference: join(tmp, 'nope') })).toThrow(/--reference .*no such file/);
  });
});

describe('writeReport', () => {
  it('writes one self-contained page with every figure and no external script', () => {
    const { path } = writeReport(dir, { outFile: join(tmp, 'r.html') });
    const html = readFileSync(path, 'utf8');
    expect(/<script[^>]+src=/i.test(html)).toBe(false);
    expect(/<link[^>]+href=/i.test(html)).toBe(false);
    expect(html.includes('Plotly.newPlot(f.id')).toBe(true);
    expect(html.length).toBeGreaterThan(3_000_000); // the inlined plotting library
    const figures = html.match(/"id":"plot\d+"/g) ?? [];
    expect(figures.length).toBe(1 + 5 + data.parameters.length + data.pairs.length + 2 + 5);
  });
});

describe('pickPairs', () => {
  it('pairs weather with light first, then spreads over the other parameters', () => {
    const pairs = pickPairs(['a', 'b', '/weather/rain', 'c', '/light/timeOfDayH', 'd']);
    expect(pairs[0]).toEqual(['/weather/rain', '/light/timeOfDayH']);
    expect(pairs.slice(1, 3)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(new Set(pairs.map((p) => p.join())).size).toBe(pairs.length);
  });
});
