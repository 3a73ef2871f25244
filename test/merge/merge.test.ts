import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetWriter } from '../../src/export/datasetWriter.js';
import type { DatasetOptions } from '../../src/export/types.js';
import { FailureLog } from '../../src/dataset/failureLog.js';
import { MergeError, mergeDatasets, unshardedCommand } from '../../src/dataset/merge.js';
import { shardRange } from '../../src/dataset/shard.js';
import { datasetOptions, frameContext, makeFrame, snapshotDir } from '../export/fixtures.js';

const SAMPLES = 6;
const FRAMES = 2;

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'roadsynth-merge-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function options(out: string, extra: string, overrides: Partial<DatasetOptions> = {}): DatasetOptions {
  const base = datasetOptions();
  return {
    ...base,
    run: { ...base.run, count: SAMPLES, framesPerInstance: FRAMES, command: `roadsynth run scenarios/fixture.yaml --out ${out} --count ${SAMPLES}${extra}` },
    ...overrides,
  };
}

/** Writes samples [from, to) x FRAMES frames into `dir` and finishes it, like one run would. */
function writeRun(dir: string, from: number, to: number, opts: DatasetOptions, failed: ReadonlySet<number> = new Set()): void {
  const w = DatasetWriter.open(dir, opts);
  for (let s = from; s < to; s++) {
    if (failed.has(s)) continue;
    for (let f = 0; f < FRAMES; f++) w.writeFrame(frameContext(s, f), makeFrame(f + s, f));
  }
  w.finish();
}

/** Writes n shards of the sweep; samples in `failed` are left out, as a run leaves out instances that failed. */
function writeShards(n: number, failed: ReadonlySet<number> = new Set()): string[] {
  const dirs: string[] = [];
  for (let k = 0; k < n; k++) {
    const dir = join(tmp, `shard-${k}`);
    const { from, to } = shardRange(SAMPLES, { index: k, of: n });
    writeRun(dir, from, to, options(dir, ` --shard ${k}/${n}`), failed);
    dirs.push(dir);
  }
  return dirs;
}

describe('mergeDatasets', () => {
  it('merging 3 shards gives the same files as one run over all samples', () => {
    const single = join(tmp, 'single');
    writeRun(single, 0, SAMPLES, options(single, ''));
    const merged = join(tmp, 'merged');
    const result = mergeDatasets(writeShards(3), merged);
    expect(result.framesCopied).toBe(SAMPLES * FRAMES);

    const a = snapshotDir(single);
    const b = snapshotDir(merged);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const labelFiles = [...a.keys()].filter((k) => /^(kitti\/training\/(label_2|calib)|labels)\//.test(k));
    expect(labelFiles.length).toBe(3 * SAMPLES * FRAMES);
    // data.yaml holds the absolute folder path; README.md the command with --out.
    for (const [k, v] of a) {
      if (k === 'data.yaml' || k === 'README.md' || k === 'roadsynth-run.json') continue;
      expect(b.get(k)?.equals(v), k).toBe(true);
    }
    const withSingle = (s: string | undefined): string | undefined => s?.replaceAll(merged, single);
    expect(withSingle(b.get('README.md')?.toString())).toBe(a.get('README.md')?.toString());
    expect(withSingle(b.get('data.yaml')?.toString())).toBe(a.get('data.yaml')?.toString());
  });

  it('refuses a folder of another sweep, naming the setting and both values, before writing anything', () => {
    const [s0, s1] = writeShards(2);
    const other = join(tmp, 'other');
    writeRun(other, 0, 1, options(other, '', { run: { ...options(other, '').run, seed: 8 } }));
    const merged = join(tmp, 'merged');
    expect(() => mergeDatasets([s0, s1, other], merged)).toThrow(MergeError);
    expect(() => mergeDatasets([s0, s1, other], merged)).toThrow(/seed is 8, but .*shard-0 has 7/);
    expect(existsSync(merged)).toBe(false);
  });

  it('refuses a folder with other formats', () => {
    const [s0] = writeShards(2);
    const other = join(tmp, 'other');
    writeRun(other, 4, 5, options(other, '', { formats: ['kitti'] }));
    expect(() => mergeDatasets([s0, other], join(tmp, 'merged'))).toThrow(/formats is \["kitti"\], but .* has \["coco","kitti","yolo"\]/);
  });

  it('refuses a frame id held twice with different content', () => {
    const [s0] = writeShards(3);
    const clash = join(tmp, 'clash');
    writeRun(clash, 0, 1, options(clash, ''));
    writeFileSync(join(clash, 'labels', '000000_0001.txt'), '0 0.5 0.5 0.1 0.1\n');
    expect(() => mergeDatasets([s0, clash], join(tmp, 'merged'))).toThrow(/frame 000000_0001 is in both .* labels\/000000_0001.txt differs/);
    expect(existsSync(join(tmp, 'merged'))).toBe(false);
  });

  it('copies a frame held twice with identical files once', () => {
    const [s0, s1] = writeShards(2);
    const again = join(tmp, 'again');
    writeRun(again, 0, 1, options(again, ''));
    const result = mergeDatasets([s0, s1, again], join(tmp, 'merged'));
    expect(result.duplicatesSkipped).toBe(FRAMES);
    expect(result.summary.frames).toBe(SAMPLES * FRAMES);
  });

  it('refuses a folder that is not a roadsynth dataset', () => {
    const [s0] = writeShards(2);
    expect(() => mergeDatasets([s0, tmp], join(tmp, 'merged'))).toThrow(/not a roadsynth dataset/);
  });

  it('refuses a run that never finished', () => {
    const [s0] = writeShards(2);
    const partial = join(tmp, 'partial');
    const w = DatasetWriter.open(partial, options(partial, ''));
    w.writeFrame(frameContext(5, 0), makeFrame(0, 0));
    expect(() => mergeDatasets([s0, partial], join(tmp, 'merged'))).toThrow(/never finished .*--resume/);
  });

  it('joins the failures of all shards in sample order', () => {
    const dirs = writeShards(3, new Set([1, 5]));
    new FailureLog(dirs[2]).record(5, 'render', 'browser crashed twice');
    new FailureLog(dirs[2]).assemble();
    new FailureLog(dirs[0]).record(1, 'sample', 'requirement never held');
    new FailureLog(dirs[0]).assemble();
    const merged = join(tmp, 'merged');
    expect(mergeDatasets(dirs, merged).failures).toBe(2);
    const lines = readFileSync(join(merged, 'failures.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { index: number }).index)).toEqual([1, 5]);
  });

  it('drops a failure whose instance another input rendered', () => {
    const dirs = writeShards(3);
    new FailureLog(dirs[0]).record(4, 'render', 'browser crashed twice');
    new FailureLog(dirs[0]).assemble();
    const merged = join(tmp, 'merged');
    expect(mergeDatasets(dirs, merged).failures).toBe(0);
    expect(existsSync(join(merged, 'failures.jsonl'))).toBe(false);
  });
});

describe('unshardedCommand', () => {
  it('drops --shard and points --out at the merged folder', () => {
    expect(unshardedCommand('roadsynth run s.yaml --out /data/shard-3 --count 100 --shard 3/8 --workers 2', '/data/all')).toBe(
      'roadsynth run s.yaml --out /data/all --count 100 --workers 2',
    );
  });
});
