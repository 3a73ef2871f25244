/** `roadsynth search` as a user runs it (no browser needed). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../dataset/cli.js';

const work = mkdtempSync(join(tmpdir(), 'roadsynth-search-cli-'));

describe('roadsynth search', () => {
  it('--design coverage fills a weather x light x kind grid of a catalog scenario and writes a valid sweep', async () => {
    const out = join(work, 'coverage');
    const r = await runCli([
      'search',
      'scenarios/03-lead-vehicle-emergency-brake.yaml',
      '--design',
      'coverage',
      '--cells',
      'fogVisibilityM,timeOfDayH,leadKind',
      '--levels',
      '2',
      '--json',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { cells: number; instances: number; after: number; before: number; reached: boolean; resultFile: string };
    expect(summary.cells).toBe(12);
    expect(summary.instances).toBe(12);
    expect(summary.after).toBe(1);
    expect(summary.reached).toBe(true);
    const v = await runCli(['validate', summary.resultFile]);
    expect(v.code, v.stderr).toBe(0);
    const file = JSON.parse(readFileSync(summary.resultFile, 'utf8')) as { sweep: { design: string; samples: unknown[]; search: { coverage: { before: number } } } };
    expect(file.sweep.design).toBe('search');
    expect(file.sweep.samples).toHaveLength(12);
    expect(file.sweep.search.coverage.before).toBe(summary.before);
    const s = await runCli(['sample', summary.resultFile, '--count', '12', '--json']);
    expect(s.code, s.stderr).toBe(0);
  }, 120_000);

  it('refuses an unknown objective and a scenario with nothing to search', async () => {
    const bad = await runCli(['search', 'scenarios/03-lead-vehicle-emergency-brake.yaml', '--objective', 'fun']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/collision/);
    const fixed = join(work, 'fixed.yaml');
    writeFileSync(
      fixed,
      ['version: 1', 'name: fixed', 'road:', '  blocks: [{ kind: straight, lengthM: 100 }]', 'ego:', '  place: { lane: 1, s: 10 }', '  speedMps: 10', ''].join('\n'),
    );
    const none = await runCli(['search', fixed, '--budget', '5', '--out', join(work, 'fixed')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/nothing to search/);
  }, 120_000);
});
