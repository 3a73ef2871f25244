/**
 * The dataset run as a user drives it: the CLI in a child process, headless Chromium rendering.
 * Laws: resume after a kill equals the uninterrupted run; same seed -> byte-identical labels;
 * bad output folders are refused before any work; failing samples are recorded, the run goes on.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from './cli.js';
import { differences, HALF_FAILING_YAML, isLabelFile, snapshot, STREET_YAML, writeScenario } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'roadsynth-run-'));
const street = writeScenario(work, 'street.yaml', STREET_YAML);
const common = ['--count', '3', '--frames', '3', '--fps', '5', '--resolution', '160x96', '--seed', '11'];
const reference = join(work, 'reference');

function recordsIn(dir: string): number {
  const d = join(dir, 'records');
  return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.json')).length : 0;
}

/** Starts a run and SIGKILLs it once `frames` frame records exist. */
async function killAfter(out: string, frames: number, resume: boolean): Promise<void> {
  const { child, done } = startCli(['run', street, '--out', out, ...common, ...(resume ? ['--resume'] : [])]);
  const timer = setInterval(() => {
    if (recordsIn(out) >= frames) child.kill('SIGKILL');
  }, 20);
  const result = await done;
  clearInterval(timer);
  expect(result.signal === 'SIGKILL' || result.code === 0, result.stderr).toBe(true);
}

describe('roadsynth run', () => {
  beforeAll(async () => {
    const r = await runCli(['run', street, '--out', reference, ...common]);
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);

  it('writes every frame with KITTI, COCO and YOLO labels and all passes', () => {
    const files = snapshot(reference);
    for (const dir of ['images', 'kitti/training/image_2', 'kitti/training/label_2', 'kitti/training/calib', 'labels', 'instance', 'semantic', 'depth', 'cameras']) {
      expect([...files.keys()].filter((f) => f.startsWith(dir + '/')).length, dir).toBe(9);
    }
    expect(readFileSync(join(reference, 'manifest.jsonl'), 'utf8').trim().split('\n')).toHaveLength(9);
    const coco = JSON.parse(readFileSync(join(reference, 'coco.json'), 'utf8')) as { images: unknown[]; annotations: unknown[] };
    expect(coco.images).toHaveLength(9);
    expect(coco.annotations.length).toBeGreaterThan(0);
  });

  it('resumed after SIGKILLs at two points, gives byte-identical labels to the uninterrupted run', async () => {
    const out = join(work, 'killed');
    await killAfter(out, 2, false);
    await killAfter(out, 6, true);
    const r = await runCli(['run', street, '--out', out, ...common, '--resume']);
    expect(r.code, r.stderr).toBe(0);
    const a = snapshot(reference, isLabelFile);
    const b = snapshot(out, isLabelFile);
    expect(a.size).toBeGreaterThan(40);
    expect(differences(a, b)).toEqual([]);
    // No temp files of the killed runs are left behind.
    expect([...snapshot(out).keys()].filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 300_000);

  it('merging three shards gives byte-identical labels to the one-process run', async () => {
    const shards = [0, 1, 2].map((k) => join(work, `shard-${k}`));
    const runs = await Promise.all(shards.map((out, k) => runCli(['run', street, '--out', out, ...common, '--shard', `${k}/3`])));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const merged = join(work, 'merged');
    const m = await runCli(['merge', ...shards, '--out', merged]);
    expect(m.code, m.stderr).toBe(0);
    expect(differences(snapshot(reference, isLabelFile), snapshot(merged, isLabelFile))).toEqual([]);
  }, 300_000);

  it('refuses a folder that already has frames unless asked to resume', async () => {
    const r = await runCli(['run', street, '--out', reference, ...common]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--resume');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a folder that holds another dataset, naming the differing setting', async () => {
    const r = await runCli(['run', street, '--out', reference, ...common.slice(0, -2), '--seed', '12', '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/seed: folder has 11, this run 12/);
  });

  it('refuses an output path it cannot write, before any work', async () => {
    // A folder below a regular file can never be created.
    const r = await runCli(['run', street, '--out', join(street, 'out'), ...common]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write here');
    // Below /proc, Node's recursive mkdir would spin forever instead of failing.
    const proc = await runCli(['run', street, '--out', '/proc/roadsynth-cannot-write/out', ...common]);
    expect(proc.code).toBe(2);
    expect(proc.stderr).toContain('cannot write here');
  });

  it('records failing samples in failures.jsonl and renders the others', async () => {
    const file = writeScenario(work, 'half.yaml', HALF_FAILING_YAML);
    const out = join(work, 'half');
    const r = await runCli(['run', file, '--out', out, '--count', '6', '--frames', '1', '--resolution', '160x96', '--design', 'random', '--seed', '3']);
    expect(r.code, r.stderr).toBe(1);
    const failures = readFileSync(join(out, 'failures.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; stage: string; reason: string });
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.length).toBeLessThan(6);
    for (const f of failures) {
      expect(f.stage).toBe('sample');
      expect(f.reason).toContain('pedSpeedMps > 1.5');
    }
    const written = readdirSync(join(out, 'kitti', 'training', 'label_2')).length;
    expect(written + failures.length).toBe(6);
  }, 300_000);
});
