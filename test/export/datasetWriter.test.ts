import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTempName, writeTemp } from '../../src/export/atomicWrite.js';
import { DatasetWriter } from '../../src/export/datasetWriter.js';
import { DatasetMismatchError } from '../../src/export/datasetIdentity.js';
import { FIXTURE_FRAMES, datasetOptions, frameContext, makeFrame, snapshotDir, writeFixtureDataset } from './fixtures.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'roadsynth-writer-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

function rewrite(run: () => void): Map<string, Buffer> {
  rmSync(out, { recursive: true, force: true });
  run();
  return snapshotDir(out);
}

function expectSameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [k, v] of a) expect(b.get(k)?.equals(v), k).toBe(true);
}

describe('DatasetWriter', () => {
  it('writing the same frames twice gives byte-identical files', () => {
    const first = rewrite(() => writeFixtureDataset(out));
    const second = rewrite(() => writeFixtureDataset(out));
    expect(first.size).toBeGreaterThan(50);
    expectSameFiles(first, second);
  });

  it('an interrupted run resumed into the same folder ends with the same files as an uninterrupted one', () => {
    const whole = rewrite(() => writeFixtureDataset(out));
    const resumed = rewrite(() => {
      const w1 = DatasetWriter.open(out, datasetOptions());
      for (const [s, f] of FIXTURE_FRAMES.slice(0, 4)) w1.writeFrame(frameContext(s, f), makeFrame(f, f));
      // crash: no finish(), and a half-written label left as a temp file
      writeTemp(join(out, 'labels', '000001_0001.txt'), '0 0.5');
      const w2 = DatasetWriter.open(out, datasetOptions());
      for (const [s, f] of FIXTURE_FRAMES) {
        if (!w2.hasFrame(s, f)) w2.writeFrame(frameContext(s, f), makeFrame(f, f));
      }
      expect(w2.framesWritten).toBe(2);
      w2.finish();
    });
    expectSameFiles(whole, resumed);
  });

  it('the run-wide files do not depend on the order frames were written in', () => {
    const inOrder = rewrite(() => writeFixtureDataset(out));
    const reversed = rewrite(() => writeFixtureDataset(out, {}, [...FIXTURE_FRAMES].reverse()));
    expectSameFiles(inOrder, reversed);
  });

  it('leaves no temp files behind', () => {
    const files = rewrite(() => writeFixtureDataset(out));
    const temps = [...files.keys()].filter((k) => isTempName(k.split('/').pop() ?? ''));
    expect(temps).toEqual([]);
  });

  it('writes each requested pass as given', () => {
    writeFixtureDataset(out);
    const frame = makeFrame(2, 2);
    expect(readFileSync(join(out, 'depth', '000001_0002.png')).equals(Buffer.from(frame.depth!))).toBe(true);
    expect(readFileSync(join(out, 'instance', '000001_0002.png')).equals(Buffer.from(frame.instance!))).toBe(true);
    expect(readFileSync(join(out, 'semantic', '000001_0002.png')).equals(Buffer.from(frame.semantic!))).toBe(true);
    const cam = JSON.parse(readFileSync(join(out, 'cameras', '000001_0002.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(cam)).toEqual(['imageSize', 'K', 'P', 'worldToCamera', 'worldToRect', 'rectToCamera']);
  });

  it('refuses a frame that lacks a requested pass', () => {
    const w = DatasetWriter.open(out, datasetOptions());
    const frame = makeFrame();
    delete frame.depth;
    expect(() => w.writeFrame(frameContext(0, 0), frame)).toThrow(/pass "depth" was requested/);
    expect([...snapshotDir(out).keys()]).toEqual(['roadsynth-dataset.json']); // nothing of the frame written
  });

  it('refuses to mix frames of another dataset into a folder, naming what differs', () => {
    writeFixtureDataset(out, {}, FIXTURE_FRAMES.slice(0, 1));
    const other = datasetOptions({ scenario: { file: 'scenarios/other.yaml', hash: 'fff999', name: 'other' } });
    expect(() => DatasetWriter.open(out, other)).toThrow(DatasetMismatchError);
    expect(() => DatasetWriter.open(out, other)).toThrow(/scenarioHash: folder has "abc123", this run "fff999"/);
    // A run with more instances of the same dataset may continue in the folder.
    const more = datasetOptions();
    more.run = { ...more.run, count: 10, command: 'roadsynth run scenarios/fixture.yaml --count 10' };
    expect(() => DatasetWriter.open(out, more)).not.toThrow();
  });

  it('refuses options without the rgb pass, which every format points at', () => {
    expect(() => DatasetWriter.open(out, datasetOptions({ passes: ['instance'] }))).toThrow(/need the rgb pass/);
  });

  it('writes only the requested formats', () => {
    const summary = writeFixtureDataset(out, { formats: ['coco'], passes: ['rgb'] });
    const files = [...snapshotDir(out).keys()];
    expect(files.some((f) => f.startsWith('kitti/') || f.startsWith('labels/'))).toBe(false);
    expect(files.filter((f) => f.startsWith('images/'))).toHaveLength(6);
    expect(summary.files).toEqual(['manifest.jsonl', 'coco.json', 'focus-warnings.jsonl', 'README.md']);
    const coco = JSON.parse(readFileSync(join(out, 'coco.json'), 'utf8')) as { images: { file_name: string }[] };
    expect(coco.images[0].file_name).toBe('images/000000_0000.png');
  });

  it('reports frames, objects and counts per class', () => {
    const s = writeFixtureDataset(out);
    expect(s.frames).toBe(6);
    expect(s.objects).toBe(24);
    expect(s.perClass).toMatchObject({ Car: 6, Pedestrian: 6, Animal: 6, Object: 6, Van: 0 });
  });

  it('ignores files in records/ that are not frame records', () => {
    writeFixtureDataset(out, {}, FIXTURE_FRAMES.slice(0, 2));
    writeFileSync(join(out, 'records', 'notes.txt'), 'x');
    const s = DatasetWriter.open(out, datasetOptions()).finish();
    expect(s.frames).toBe(2);
  });

  it('rejects writes after finish', () => {
    const w = DatasetWriter.open(out, datasetOptions());
    w.finish();
    expect(() => w.writeFrame(frameContext(0, 0), makeFrame())).toThrow(/after finish/);
  });
});

describe('dataset card', () => {
  it('says the data is synthetic, how to reproduce it and what it contains', () => {
    writeFixtureDataset(out);
    const card = readFileSync(join(out, 'README.md'), 'utf8');
    expect(card).toMatch(/\*\*This dataset is synthetic\.\*\*/);
    expect(card).toContain('roadsynth run scenarios/fixture.yaml --out out/fixture --count 2 --frames 3 --seed 7');
    expect(card).toContain('design `lhs`, seed 7, 2 instances requested, 2 written');
    expect(card).toContain('- Resolution: 64x48');
    expect(card).toContain('| Car | 6 | 0 | 0 | 0 | 6 | 0 |'); // under 25 px high: beyond KITTI hard
    expect(card).toContain('| Animal | 6 | 0 | 0 | 0 | 0 | 6 |');
    expect(card).toContain('| day (>= 6 deg) | 6 |');
    expect(card).toContain('| rain | 6 |');
    expect(card).toContain('kitti/training/{image_2,label_2,calib}/NNNNNN');
  });

  it('shows a creation time only in README.md', () => {
    const withTime = datasetOptions();
    withTime.run = { ...withTime.run, createdAt: '2026-11-24T04:00:00Z' };
    const a = rewrite(() => writeFixtureDataset(out));
    const b = rewrite(() => writeFixtureDataset(out, withTime));
    expect(b.get('README.md')?.toString()).toContain('Created: 2026-11-24T04:00:00Z');
    for (const [k, v] of a) if (k !== 'README.md') expect(b.get(k)?.equals(v), k).toBe(true);
  });
});
