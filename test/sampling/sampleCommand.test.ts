import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutInSpec } from './fixtures.js';

const run = promisify(execFile);
const cli = new URL('../../src/cli/roadsynth.mjs', import.meta.url).pathname;

async function sample(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, 'sample', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadsynth-sample-'));
  file = join(dir, 'cut-in.json');
  writeFileSync(file, JSON.stringify(cutInSpec(), null, 2));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('roadsynth sample', () => {
  it('prints the same JSON lines twice, and a --from slice equals the tail of the whole', async () => {
    const args = ['--count', '40', '--seed', '7', '--design', 'sobol', '--json'];
    const [a, b, half] = await Promise.all([sample(file, ...args), sample(file, ...args), sample(file, ...args, '--from', '20', '--count', '20')]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const lines = a.stdout.trim().split('\n');
    expect(lines).toHaveLength(40);
    expect(half.stdout.trim().split('\n')).toEqual(lines.slice(20));
    const first = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['index', 'seed', 'design', 'hash', 'tries', 'parameters', 'instance']);
    expect(first).toMatchObject({ index: 0, seed: 7, design: 'sobol' });
  });

  it('prints a table and a per-parameter summary without --json', async () => {
    const r = await sample(file, '--count', '6', '--design', 'pairwise');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cut-in fixture: 8 random dimensions, design pairwise, seed 0\n\s+index\s+hash\s+tries\s+parameters\n/);
    expect(r.stdout).toMatch(/6 samples, 6 distinct instances/);
    expect(r.stdout).toMatch(/\n {2}gapM +min [\d.]+ {2}mean [\d.]+ {2}max [\d.]+\n/);
  });

  it('exits with 2 and names an infeasible requirement with its place and acceptance rate', async () => {
    const bad = join(dir, 'infeasible.json');
    writeFileSync(bad, JSON.stringify(cutInSpec({ requires: ['gapM > 100'], sweep: { maxTries: 50 } }), null, 2));
    const r = await sample(bad, '--count', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/infeasible\.json:\d+:\d+ \/requires\/0: sample 0: no draw met every requirement in 50 tries; "gapM > 100" failed most \(acceptance rate 0\.0%\)/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits with 2 for a file that is not there', async () => {
    const r = await sample(join(dir, 'missing.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.yaml:1:1: no such file \(check the path\)/);
  });
});
