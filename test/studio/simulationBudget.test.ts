/**
 * The simulation budget (ticks and trajectory size) is one rule for the studio and the CLI:
 * `validate` refuses what `simulate` would refuse, with the same message at the same place.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';
import { MAX_STEPS, simulationBudgetError } from '../../src/sim/simulate.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roadsynth-budget-'));
const long = path.join(dir, 'long.yaml');
writeFileSync(
  long,
  readFileSync(path.join(PACKAGE_ROOT, 'scenarios/07-cyclist-door-swerve.yaml'), 'utf8')
    .replace(/durationS: 11\n/, 'durationS: 600\n')
    .replace(/dtS: 0.02\n/, 'dtS: 0.001\n'),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(PACKAGE_ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('simulation budget', () => {
  it('refuses 600 s at 1 ms and names the smallest dtS that fits', () => {
    const err = simulationBudgetError(600, 0.001, 3);
    expect(err?.message).toContain(`more than the budget of ${MAX_STEPS}`);
    expect(err?.message).toContain('use dtS of at least 0.005 s');
    expect(err?.pointer).toBe('/simulation/dtS');
  });

  it('refuses a trajectory too large for many actors even when the ticks fit', () => {
    expect(simulationBudgetError(600, 0.005, 2000)?.message).toMatch(/MB trajectory, more than the budget of 128 MB/);
    expect(simulationBudgetError(11, 0.02, 5)).toBeNull();
  });

  it('roadsynth validate reports it at the dtS line, so a file that validates can be simulated', () => {
    const r = cli('validate', long);
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/long\.yaml:\d+:\d+ \/simulation\/dtS: simulation of 600 s at dtS 0.001 s would take 6.0e\+5 ticks/);
  });

  it('roadsynth simulate fails at once with the same message instead of running', () => {
    const r = cli('simulate', long);
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/\/simulation\/dtS: simulation of 600 s at dtS 0.001 s would take 6.0e\+5 ticks, more than the budget/);
  });
});
