import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cocoFrame } from '../../src/export/coco.js';
import { DatasetWriter } from '../../src/export/datasetWriter.js';
import { FOCUS_WARNINGS_FILE, focusSummary, focusSummaryLines } from '../../src/export/focusSummary.js';
import { manifestEntry, type ManifestEntry } from '../../src/export/manifest.js';
import type { FrameContext } from '../../src/export/types.js';
import { datasetOptions, frameContext, makeFrame, scenarioInstance } from './fixtures.js';

/** The fixture frame context with the instance's focus actors replaced. */
function withFocus(ctx: FrameContext, actors: string[]): FrameContext {
  const instance = { ...scenarioInstance(), focus: { actors } };
  return { ...ctx, sample: { ...ctx.sample, instance } };
}

function entry(sampleIndex: number, frame: number, actors: string[]): ManifestEntry {
  return manifestEntry(withFocus(frameContext(sampleIndex, frame), actors), datasetOptions().scenario, `${sampleIndex}_${frame}`, makeFrame(frame, frame).labels.objects);
}

const dirs: string[] = [];
afterAll(() =>
  dirs.forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  }),
);

describe('focus in the labels', () => {
  it('marks focus objects in the manifest and says whether a focus actor is labeled', () => {
    const e = entry(0, 0, ['wheel1', 'car1']);
    expect(e.objects.map((o) => [o.actorId, o.focus])).toEqual([
      ['car1', true],
      ['wheel1', true],
      ['box1', false],
      ['dog1', false],
    ]);
    expect(e.focusActors).toEqual(['wheel1', 'car1']);
    expect(e.focusLabeled).toBe(true);
    // The car is 15 rows high in the fixture (y 20..35).
    expect(e.objects[0].heightPx).toBe(15);
  });

  it('a focus actor flagged low-visibility, or with no visible pixels, is not labeled', () => {
    expect(entry(0, 0, ['dog1']).focusLabeled).toBe(false);
    expect(entry(0, 0, ['hidden1']).focusLabeled).toBe(false);
    expect(entry(0, 0, ['dog1', 'hidden1']).focusLabeled).toBe(false);
    // One labeled focus actor is enough.
    expect(entry(0, 0, ['car1', 'hidden1']).focusLabeled).toBe(true);
    expect(entry(0, 0, []).focusLabeled).toBe(false);
  });

  it('marks focus objects with a COCO attribute', () => {
    const f = cocoFrame(withFocus(frameContext(0, 0), ['box1']), makeFrame(), datasetOptions().scenario, 'x.png', '000000_0000');
    expect(f.annotations.map((a) => [a.attributes.actor_id, a.attributes.focus])).toEqual([
      ['car1', false],
      ['wheel1', false],
      ['box1', true],
      ['dog1', false],
    ]);
  });
});

describe('focus summary', () => {
  it('counts the share of frames with the focus labeled and warns about each clip that never labels it', () => {
    // Sample 0 focuses on the car (labeled in every frame), sample 1 on the low-visibility dog.
    const entries = [0, 1, 2].flatMap((f) => [entry(0, f, ['car1']), entry(1, f, ['dog1'])]);
    const s = focusSummary(entries);
    expect(s.scenarios).toHaveLength(1);
    expect(s.scenarios[0]).toMatchObject({ frames: 6, framesFocusLabeled: 3, labeledShare: 0.5, clips: 2, clipsWithoutFocus: 1, focusActors: ['car1', 'dog1'] });
    expect(s.warnings).toEqual([
      {
        scenarioFile: 'scenarios/fixture.yaml',
        sampleIndex: 1,
        instanceHash: 'inst0001',
        focusActors: ['dog1'],
        frames: 3,
        framesFocusVisible: 3,
        reason: 'the focus (dog1) shows in 3 of 3 frames but is never labeled (too few pixels, too occluded or too low in contrast)',
      },
    ]);
    expect(focusSummaryLines(s)[0]).toMatch(
      /^ {2}focus \(car1, dog1\): labeled in 3 of 6 frames \(50 %\); median box height \d+ px, mean occlusion -?[\d.]+; 1 of 2 clips never show it$/,
    );
  });

  it('a focus that is in no frame at all is reported as such', () => {
    const s = focusSummary([0, 1].map((f) => entry(4, f, ['hidden1'])));
    expect(s.warnings.map((w) => w.reason)).toEqual(['the focus (hidden1) is in none of the 2 frames']);
  });

  it('a scenario without focus actors has no warnings and says so', () => {
    const s = focusSummary([entry(0, 0, [])]);
    expect(s.warnings).toEqual([]);
    expect(focusSummaryLines(s)).toEqual(['  focus: scenarios/fixture.yaml declares no focus']);
  });

  it('the dataset writer writes focus-warnings.jsonl and a focus section in the card', () => {
    const out = mkdtempSync(join(tmpdir(), 'roadsynth-focus-'));
    dirs.push(out);
    const w = DatasetWriter.open(out, datasetOptions());
    for (const [s, f] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ] as const)
      w.writeFrame(withFocus(frameContext(s, f), s === 0 ? ['wheel1'] : ['dog1']), makeFrame(f, f));
    const summary = w.finish();
    expect(summary.files).toContain(FOCUS_WARNINGS_FILE);
    expect(summary.focus.scenarios[0].framesFocusLabeled).toBe(2);
    const warnings = readFileSync(join(out, FOCUS_WARNINGS_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { sampleIndex: number });
    expect(warnings.map((x) => x.sampleIndex)).toEqual([1]);
    const card = readFileSync(join(out, 'README.md'), 'utf8');
    expect(card).toContain('## Focus');
    expect(card).toContain('| scenarios/fixture.yaml | dog1, wheel1 | 2 of 4 (50 %) | 1 of 2 |');
    expect(card).toContain('1 clip never labels the focus (samples 1); see focus-warnings.jsonl.');
  });
});
