/**
 * End to end, as a user runs it: `roadsynth search` on a catalog scenario, `roadsynth run` of
 * the result file (1 frame per sample, small images), then `roadsynth report`. The manifest
 * and COCO images carry the weights the search wrote, and the report shows the search.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../dataset/cli.js';
import { browserMissing } from '../render/fixtures.js';

const missing = browserMissing();
const work = mkdtempSync(join(tmpdir(), 'roadsynth-search-'));
const result = join(work, 'search', '02-cut-in-short-gap.search.json');
const data = join(work, 'data');

interface ResultFile {
  sweep: { design: string; samples: { u: number[]; weight: number; score: number }[]; search: { rollouts: number; history: { score: number[] } } };
}

describe.skipIf(missing !== null)('search, then run of its result, then report', () => {
  let searchOut = '';
  beforeAll(async () => {
    // 40 rollouts: a random first iteration of 30, then 10 from the fitted proposal.
    const s = await runCli([
      'search',
      'scenarios/02-cut-in-short-gap.yaml',
      '--budget',
      '40',
      '--keep',
      '2',
      '--seed',
      '3',
      '--workers',
      '2',
      '--out',
      join(work, 'search'),
      '--json',
    ]);
    expect(s.code, s.stderr).toBe(0);
    searchOut = s.stdout;
    const r = await runCli(['run', result, '--out', data, '--count', '2', '--frames', '1', '--resolution', '160x96', '--formats', 'coco', '--passes', 'rgb,instance']);
    expect(r.code, r.stderr).toBe(0);
    const rep = await runCli(['report', data]);
    expect(rep.code, rep.stderr).toBe(0);
  }, 300_000);

  it('the search keeps the most critical rollouts and writes a sweep of them', () => {
    const summary = JSON.parse(searchOut) as { rollouts: number; kept: { score: number; weight: number }[] };
    expect(summary.rollouts).toBe(40);
    const file = JSON.parse(readFileSync(result, 'utf8')) as ResultFile;
    expect(file.sweep.design).toBe('search');
    expect(file.sweep.samples).toHaveLength(2);
    expect(file.sweep.search.history.score).toHaveLength(40);
    expect(file.sweep.samples[0].score).toBeCloseTo(Math.max(...file.sweep.search.history.score), 3);
    expect(file.sweep.samples.map((s) => s.weight)).toEqual(summary.kept.map((k) => k.weight));
  });

  it("manifest.jsonl and COCO images carry each sample's weight", () => {
    const file = JSON.parse(readFileSync(result, 'utf8')) as ResultFile;
    const lines = readFileSync(join(data, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { sampleIndex: number; design: string; weight: number });
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l.design).toBe('search');
      expect(l.weight).toBe(file.sweep.samples[l.sampleIndex].weight);
    }
    const coco = JSON.parse(readFileSync(join(data, 'coco.json'), 'utf8')) as { images: { sample_index: number; weight: number }[] };
    expect(coco.images.map((i) => i.weight)).toEqual(coco.images.map((i) => file.sweep.samples[i.sample_index].weight));
  });

  it('the report shows the search: criticality against rollouts and the weights', () => {
    const html = readFileSync(join(data, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Search</h2>');
    expect(html).toContain('Criticality against rollouts');
    expect(html).toContain('Importance weights of the instances');
  });
});
