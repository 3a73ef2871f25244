/**
 * deploy/slurm end to end on a real Slurm: deploy/slurm/submit.sh submits an array of 3 shards
 * and the merge job; one shard is requeued (Slurm stops it with SIGTERM, then starts it again)
 * while it is rendering; the merged dataset must equal what one uninterrupted process writes.
 *
 * Needs a running cluster whose node can run 3 tasks of 2 CPUs at once: `.ci/slurm-setup`
 * makes a single-node one on this machine (`.ci/run` does so and sets ROADSYNTH_REQUIRE_SLURM=1,
 * so that in CI a missing cluster fails this test instead of skipping it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, TEST_CODE_REVISION } from '../dataset/cli.js';
import { differences, snapshot, STREET_YAML, writeScenario } from '../dataset/fixtures.js';

/** Why Slurm cannot be used here, or null when a cluster answers and has an idle node. */
function slurmUnavailable(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v sbatch && command -v scontrol && command -v sinfo'], { encoding: 'utf8' });
  if (which.status !== 0) return 'sbatch, scontrol or sinfo not installed (run .ci/slurm-setup)';
  const info = spawnSync('sinfo', ['-h', '-o', '%t'], { encoding: 'utf8', timeout: 10_000 });
  if (info.status !== 0) return `sinfo failed: ${(info.stderr || info.stdout).trim()} (run .ci/slurm-setup)`;
  if (!/^(idle|mix)/m.test(info.stdout)) return `no idle node: sinfo says "${info.stdout.trim()}"`;
  return null;
}

const unavailable = slurmUnavailable();
const required = process.env.ROADSYNTH_REQUIRE_SLURM === '1';
if (unavailable && !required) console.warn(`skipping the Slurm end-to-end test: ${unavailable}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One field of `scontrol show job`, e.g. JobState or Restarts. */
function jobField(jobId: string, field: string): string | null {
  const r = spawnSync('scontrol', ['-o', 'show', 'job', jobId], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return new RegExp(`(?:^|\\s)${field}=(\\S*)`).exec(r.stdout)?.[1] ?? null;
}

/** Polls `until` every 200 ms, failing with `what` if the merge job ended first; the test's timeout bounds the wait. */
async function waitFor(what: string, until: () => boolean, mergeId?: string): Promise<void> {
  while (!until()) {
    if (mergeId !== undefined && /DependencyNeverSatisfied/.test(spawnSync('scontrol', ['-o', 'show', 'job', mergeId], { encoding: 'utf8' }).stdout)) {
      throw new Error(`waiting for ${what}: a shard failed, so the merge job can never run`);
    }
    await sleep(200);
  }
}

function recordsIn(dir: string): number {
  const d = join(dir, 'records');
  return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.json')).length : 0;
}

const SHARDS = 3;
const COUNT = 9;
const FRAMES = 3;
const SEED = 11;
const RUN_ARGS = ['--fps', '5', '--resolution', '160x96'];

/**
 * Files that name their own folder or the time they were made, so differ between any two
 * folders; and the build record, compared on its own (its code hash follows the source tree,
 * which others may edit between the cluster run and the reference run in a shared checkout).
 */
const FOLDER_SPECIFIC = new Set(['README.md', 'data.yaml', 'roadsynth-run.json', 'report.html', 'roadsynth-build.json']);

describe.skipIf(unavailable !== null && !required)('Slurm: deploy/slurm/submit.sh end to end', () => {
  it('3 shards and the merge job, one shard requeued mid-run, merge equal to one uninterrupted process', async () => {
    expect(unavailable, 'Slurm is required here (ROADSYNTH_REQUIRE_SLURM=1)').toBeNull();
    const started = performance.now();
    const work = mkdtempSync(join(tmpdir(), 'roadsynth-slurm-'));
    const scenario = writeScenario(work, 'street.yaml', STREET_YAML);
    const data = join(work, 'sweep');
    const logs = join(work, 'logs');
    const env = {
      ...process.env,
      SHARDS: String(SHARDS),
      COUNT: String(COUNT),
      FRAMES: String(FRAMES),
      SEED: String(SEED),
      SCENARIO: scenario,
      DATA: data,
      LOGS: logs,
      RUN_ARGS: RUN_ARGS.join(' '),
      ROADSYNTH: `${process.execPath} ${join(REPO, 'src/cli/roadsynth.mjs')}`,
      ROADSYNTH_CODE_REVISION: TEST_CODE_REVISION,
    };
    const submitted = execFileSync(join(REPO, 'deploy/slurm/submit.sh'), { env, encoding: 'utf8' });
    const m = /sweep array job (\d+) .* merge job (\d+)/.exec(submitted);
    expect(m, submitted).not.toBeNull();
    const [, arrayId, mergeId] = m!;
    const victim = `${arrayId}_1`;
    try {
      // Requeue shard 1 once it has written a frame but not all of them.
      const shard1 = join(data, 'shard-1');
      await waitFor('shard 1 to write a frame', () => recordsIn(shard1) >= 1);
      const before = recordsIn(shard1);
      expect(before).toBeLessThan((COUNT / SHARDS) * FRAMES);
      execFileSync('scontrol', ['requeue', victim]);
      const requeuedAt = Date.now();
      // A requeued job waits (BeginTime, about 2 minutes) before it may start again. Once the
      // stopped run has ended, and its revoked job credential is at least a second old (slurmd
      // compares whole seconds and refuses a launch in the same second), let it start now.
      const victimLogPath = join(logs, `roadsynth-sweep-${arrayId}_1.out`);
      await waitFor('the stopped run to end', () => jobField(victim, 'JobState') === 'PENDING' && /Continue with:/.test(readFileSync(victimLogPath, 'utf8')));
      await waitFor('a second after the requeue', () => Date.now() - requeuedAt > 1500);
      execFileSync('scontrol', ['update', `JobId=${victim}`, 'StartTime=now']);
      await waitFor('the merge job to end', () => ['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT'].includes(jobField(mergeId, 'JobState') ?? ''), mergeId);
      const log = (name: string) => readFileSync(join(logs, name), 'utf8');
      expect(jobField(mergeId, 'JobState'), log(`roadsynth-merge-${mergeId}.out`)).toBe('COMPLETED');
      expect(jobField(victim, 'Restarts')).toBe('1');
      const victimLog = log(`roadsynth-sweep-${arrayId}_1.out`);
      // The first start was stopped by SIGTERM, finished its frames in flight and said how to go on;
      // the second continued the shard: it kept frames the first one wrote.
      expect(victimLog).toMatch(/start 0 of this task[\s\S]*terminated: finishing the frames in flight[\s\S]*--resume[\s\S]*start 1 of this task/);
      expect(victimLog).not.toMatch(/restarting the browser|\n\s+at /);
      expect(victimLog).toMatch(/wrote \d+ frames \(\d+ new, [1-9]\d* from before\)/);
    } finally {
      spawnSync('scancel', [arrayId, mergeId]);
    }
    const clusterS = (performance.now() - started) / 1000;

    const reference = join(work, 'one-process');
    const one = await runCli(['run', scenario, '--out', reference, '--count', String(COUNT), '--frames', String(FRAMES), '--seed', String(SEED), ...RUN_ARGS]);
    expect(one.code, one.stderr).toBe(0);
    const merged = join(data, 'merged');
    const a = snapshot(reference, (rel) => !FOLDER_SPECIFIC.has(rel));
    const b = snapshot(merged, (rel) => !FOLDER_SPECIFIC.has(rel));
    expect(a.size).toBeGreaterThan(COUNT * FRAMES * 5);
    expect(differences(a, b)).toEqual([]);
    expect(existsSync(join(merged, 'report.html'))).toBe(true);
    const build = (dir: string) => {
      const b = JSON.parse(readFileSync(join(dir, 'roadsynth-build.json'), 'utf8')) as { renderer: string; codeRevision: string };
      return { renderer: b.renderer, codeRevision: b.codeRevision };
    };
    expect(build(merged).renderer).toBe(build(reference).renderer);
    for (let k = 0; k < SHARDS; k++) expect(build(join(data, `shard-${k}`))).toEqual(build(merged));
    console.log(`slurm end-to-end: cluster part ${clusterS.toFixed(1)} s, total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 900_000);
});
