/**
 * `roadsynth run` never loses a user's data and fails clearly (issue 14): a non-empty folder is
 * refused unless --allow-nonempty; nothing is created before the checks; sampled values that do
 * not fit are recorded in failures.jsonl with file:line:col and the run goes on; SIGINT and
 * SIGTERM stop cleanly with a resume hint and 130 / 143; a full disk stops at once with exit 2;
 * resume redoes kept frames that were damaged; merge refuses shards of other code or renderers;
 * `sample | head` ends.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, startCli } from './cli.js';
import { differences, snapshot, STREET_YAML, writeScenario } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'roadsynth-safety-'));
const street = writeScenario(work, 'street.yaml', STREET_YAML);
const common = ['--count', '3', '--frames', '3', '--fps', '5', '--resolution', '160x96', '--seed', '5'];
const reference = join(work, 'reference');
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

/** Everything but the files that name the folder or the time (README.md, data.yaml, roadsynth-run.json). */
const content = (dir: string) => snapshot(dir, (rel) => !['README.md', 'data.yaml', 'roadsynth-run.json', 'roadsynth-build.json'].includes(rel));

function recordsIn(dir: string): number {
  const d = join(dir, 'records');
  return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.json')).length : 0;
}

/** Polls every 50 ms; the test timeout bounds the wait. */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 50));
}

beforeAll(async () => {
  const r = await runCli(['run', street, '--out', reference, ...common]);
  expect(r.code, r.stderr).toBe(0);
}, 300_000);

describe("roadsynth run keeps the user's files", () => {
  it('refuses a non-empty folder that is not a roadsynth dataset and leaves its files as they were', async () => {
    const d = join(work, 'notes');
    mkdirSync(d);
    writeFileSync(join(d, 'README.md'), 'my notes\n');
    const r = await runCli(['run', street, '--out', d, ...common]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not empty and is not a roadsynth dataset');
    expect(r.stderr).toContain('--allow-nonempty');
    noStack(r.stderr);
    expect(readdirSync(d)).toEqual(['README.md']);
    expect(readFileSync(join(d, 'README.md'), 'utf8')).toBe('my notes\n');
  });

  it('refuses / as the output folder', async () => {
    const r = await runCli(['run', street, '--out', '/', ...common]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not empty and is not a roadsynth dataset');
    expect(existsSync('/roadsynth-dataset.json')).toBe(false);
    expect(existsSync('/records')).toBe(false);
  });

  it('writes into a non-empty folder with --allow-nonempty, keeping the other files', async () => {
    const d = join(work, 'allowed');
    mkdirSync(d);
    writeFileSync(join(d, 'keep.txt'), 'mine\n');
    const r = await runCli(['run', street, '--out', d, ...common, '--allow-nonempty']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'keep.txt'), 'utf8')).toBe('mine\n');
    expect(
      differences(
        content(reference),
        snapshot(d, (rel) => rel !== 'keep.txt' && content(reference).has(rel)),
      ),
    ).toEqual([]);
  }, 300_000);

  it('resumes its own dataset without --allow-nonempty', async () => {
    const r = await runCli(['run', street, '--out', reference, ...common, '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(0 new, 9 from before\)/);
  }, 300_000);
});

describe('roadsynth run checks before it creates anything', () => {
  it('refuses --resolution 99999x99999 and creates no folder', async () => {
    const out = join(work, 'huge', 'out');
    const r = await runCli(['run', street, '--out', out, ...common.slice(0, -4), '--resolution', '99999x99999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('at most 8192 px');
    expect(existsSync(join(work, 'huge'))).toBe(false);
  });

  it('refuses a missing browser and creates no folder', async () => {
    const out = join(work, 'nobrowser', 'out');
    const r = await runCli(['run', street, '--out', out, ...common, '--browser', join(work, 'no-such-chrome')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no browser at');
    expect(existsSync(join(work, 'nobrowser'))).toBe(false);
  });

  it('refuses a run the disk has no room for and creates no folder', async () => {
    const out = join(work, 'toolarge', 'out');
    const r = await runCli(['run', street, '--out', out, '--count', '1000000', '--frames', '100000', '--resolution', '7680x4320']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not enough disk space');
    expect(existsSync(join(work, 'toolarge'))).toBe(false);
  });
});

describe('roadsynth run records bad samples and goes on', () => {
  it('a kind chosen by an expression that gives no actor kind fails its samples at file:line:col, the others are written', async () => {
    const file = writeScenario(
      work,
      'kinds.yaml',
      STREET_YAML.replace('parameters:\n', 'parameters:\n  k: { choice: [car, plane] }\n').replace('  - id: lead\n    kind: car', '  - id: lead\n    kind: "=k"'),
    );
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('kind: "=k"')) + 1;
    const out = join(work, 'kinds');
    const r = await runCli(['run', file, '--out', out, '--count', '8', '--frames', '1', '--resolution', '160x96', '--seed', '2']);
    expect(r.code, r.stderr).toBe(1);
    noStack(r.stderr);
    const failures = readFileSync(join(out, 'failures.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; stage: string; reason: string });
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.length).toBeLessThan(8);
    for (const f of failures) {
      expect(f.stage).toBe('sample');
      expect(f.reason).toContain(`${file}:${line}:11 /actors/0/kind`);
      expect(f.reason).toContain('"plane"');
    }
    expect(readFileSync(join(out, 'manifest.jsonl'), 'utf8').trim().split('\n')).toHaveLength(8 - failures.length);
  }, 300_000);

  it("an expression giving an ego speed of 349 m/s fails at sampling with the expression's position", async () => {
    const file = writeScenario(work, 'fast.yaml', STREET_YAML.replace('ego:\n  place: { lane: 1, s: 5 }\n  speedMps: 8', 'ego:\n  place: { lane: 1, s: 5 }\n  speedMps: "=349"'));
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"=349"')) + 1;
    const r = await runCli(['sample', file, '--count', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`${file}:${line}:13 /ego/speedMps: `)).toBe(true);
    expect(r.stderr).toMatch(/from 0 to 90, got 349/);
    noStack(r.stderr);
  });

  it('a placement on an s the road does not have fails in simulate at the placement', async () => {
    const file = writeScenario(work, 'far.yaml', STREET_YAML.replace('place: { lane: 1, s: 25 }', 'place: { lane: 1, s: "=500" }'));
    const r = await runCli(['simulate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/far\.yaml:\d+:\d+ \/actors\/0\/place\/s: actor "lead": s 500 m is off road "main", which runs from s 0 to 120 m/);
    noStack(r.stderr);
  });
});

describe('roadsynth run stops cleanly', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} finishes the frames in flight, prints the resume command and exits ${code}; --resume completes the run`, async () => {
      const out = join(work, `signal-${signal}`);
      const { child, done } = startCli(['run', street, '--out', out, ...common]);
      await until(() => recordsIn(out) >= 1);
      child.kill(signal);
      const r = await done;
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toContain(`Continue with:\n  roadsynth run ${street} --out ${out} ${common.join(' ')} --resume`);
      expect(r.stderr).not.toMatch(/restarting the browser|render failed/);
      noStack(r.stderr);
      expect(existsSync(join(out, 'failures.jsonl'))).toBe(false);
      const again = await runCli(['run', street, '--out', out, ...common, '--resume']);
      expect(again.code, again.stderr).toBe(0);
      expect(differences(content(reference), content(out))).toEqual([]);
    }, 300_000);
  }
});

describe('roadsynth run on a full disk', () => {
  const mnt = join(work, 'small-disk');
  let mounted = false;
  beforeAll(() => {
    mkdirSync(mnt);
    // A 70 MB tmpfs: room for the preflight's 64 MB margin, then filled while the run writes.
    mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=70m', 'tmpfs', mnt]).status === 0;
    if (!mounted) console.warn('skipping the full-disk test: cannot mount a tmpfs here (needs root)');
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mnt]);
  });

  it('stops at the first ENOSPC with exit 2 and a clear message; after freeing space --resume completes it', async (ctx) => {
    if (!mounted) ctx.skip();
    const out = join(mnt, 'out');
    const args = ['--count', '3', '--frames', '6', '--fps', '5', '--resolution', '160x96', '--seed', '5'];
    const { done } = startCli(['run', street, '--out', out, ...args]);
    await until(() => recordsIn(out) >= 1);
    // Fill the disk to the last byte.
    const filler = join(mnt, 'filler');
    const chunk = Buffer.alloc(1 << 20);
    try {
      for (;;) appendFileSync(filler, chunk);
    } catch {
      for (const size of [65536, 4096, 512, 1]) {
        try {
          for (;;) appendFileSync(filler, chunk.subarray(0, size));
        } catch {
          // next smaller size
        }
      }
    }
    const r = await done;
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('the disk is full (ENOSPC');
    expect(r.stderr).toContain('--resume');
    expect(r.stderr).not.toMatch(/attempt \d of|restarting the browser|render failed/);
    noStack(r.stderr);
    expect(existsSync(join(out, 'failures.jsonl'))).toBe(false);
    rmSync(filler);
    const again = await runCli(['run', street, '--out', out, ...args, '--resume']);
    expect(again.code, again.stderr).toBe(0);
    const full = join(work, 'full-reference');
    const ref = await runCli(['run', street, '--out', full, ...args]);
    expect(ref.code, ref.stderr).toBe(0);
    expect(differences(content(full), content(out))).toEqual([]);
  }, 300_000);
});

describe('roadsynth run --resume checks the frames it keeps', () => {
  it('redoes a truncated PNG, a PNG with a flipped byte and a frame missing a file; the result equals the uninterrupted run', async () => {
    const out = join(work, 'damaged');
    const r0 = await runCli(['run', street, '--out', out, ...common]);
    expect(r0.code, r0.stderr).toBe(0);
    const images = readdirSync(join(out, 'images'))
      .filter((f) => f.endsWith('.png'))
      .sort();
    const truncated = join(out, 'images', images[0]);
    writeFileSync(truncated, readFileSync(truncated).subarray(0, Math.floor(statSync(truncated).size / 2)));
    const flipped = join(out, 'depth', images[4]);
    const bytes = readFileSync(flipped);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(flipped, bytes);
    rmSync(join(out, 'cameras', images[7].replace('.png', '.json')));
    const r = await runCli(['run', street, '--out', out, ...common, '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(3 new, 6 from before\)/);
    expect(r.stderr).toContain(`images/${images[0]} is damaged`);
    expect(r.stderr).toContain(`depth/${images[4]} is damaged`);
    expect(r.stderr).toContain('cameras/ has no file of this frame');
    expect(differences(content(reference), content(out))).toEqual([]);
  }, 300_000);
});

describe('roadsynth merge refuses shards made differently', () => {
  it('refuses shards whose renderer or code revision differ, naming the setting, and writes nothing', async () => {
    const shards = [0, 1].map((k) => join(work, `mshard-${k}`));
    const runs = await Promise.all(shards.map((out, k) => runCli(['run', street, '--out', out, ...common, '--shard', `${k}/2`])));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const buildFile = join(shards[1], 'roadsynth-build.json');
    const original = readFileSync(buildFile, 'utf8');
    for (const [key, value] of [
      ['renderer', 'chromium 1.0, llvmpipe (LLVM 15.0.6, 256 bits)'],
      ['codeRevision', '0123456789abcdef'],
    ]) {
      writeFileSync(buildFile, JSON.stringify({ ...JSON.parse(original), [key]: value }));
      const merged = join(work, `merged-${key}`);
      const m = await runCli(['merge', ...shards, '--out', merged]);
      expect(m.code).toBe(2);
      expect(m.stderr).toContain('made by other code or another renderer');
      expect(m.stderr).toContain(`${key}: `);
      expect(m.stderr).toContain(value);
      expect(existsSync(merged)).toBe(false);
    }
    writeFileSync(buildFile, original);
    const ok = await runCli(['merge', ...shards, '--out', join(work, 'merged-ok')]);
    expect(ok.code, ok.stderr).toBe(0);
  }, 300_000);

  it('refuses to resume a folder made by another renderer', async () => {
    const out = join(work, 'other-renderer');
    const r0 = await runCli(['run', street, '--out', out, ...common]);
    expect(r0.code, r0.stderr).toBe(0);
    const buildFile = join(out, 'roadsynth-build.json');
    writeFileSync(buildFile, JSON.stringify({ ...JSON.parse(readFileSync(buildFile, 'utf8')), renderer: 'chromium 1.0, llvmpipe' }));
    const r = await runCli(['run', street, '--out', out, ...common, '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('renderer: the folder "chromium 1.0, llvmpipe"');
    noStack(r.stderr);
  }, 300_000);
});

describe('roadsynth sample | head', () => {
  it('ends when its reader closes the pipe, long before the million samples asked for', async () => {
    const child = spawn(process.execPath, [join(REPO, 'src/cli/roadsynth.mjs'), 'sample', street, '--count', '1000000', '--json'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let lines = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        lines += d.toString().split('\n').length - 1;
        if (lines >= 2) {
          child.stdout.destroy();
          resolve();
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(0);
    noStack(stderr);
  }, 120_000);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});
