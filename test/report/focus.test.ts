import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetWriter } from '../../src/export/datasetWriter.js';
import type { FrameContext } from '../../src/export/types.js';
import { collectReport, type ReportData } from '../../src/report/collectReport.js';
import { reportHtml } from '../../src/report/reportHtml.js';
import { datasetOptions, FIXTURE_FRAMES, frameContext, makeFrame, scenarioInstance } from '../export/fixtures.js';

function withFocus(ctx: FrameContext, actors: string[]): FrameContext {
  return { ...ctx, sample: { ...ctx.sample, instance: { ...scenarioInstance(), focus: { actors } } } };
}

let dir: string;
let data: ReportData;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadsynth-report-focus-'));
  const w = DatasetWriter.open(dir, datasetOptions());
  // Sample 0 focuses on the wheelchair user (labeled), sample 1 on the low-visibility dog.
  for (const [s, f] of FIXTURE_FRAMES) w.writeFrame(withFocus(frameContext(s, f), s === 0 ? ['wheel1'] : ['dog1']), makeFrame(f, f));
  w.finish();
  data = collectReport(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report focus', () => {
  it('collects the share of frames with the focus labeled and the clips without it', () => {
    expect(data.focus.scenarios[0]).toMatchObject({ frames: 6, framesFocusLabeled: 3, clipsWithoutFocus: 1 });
    expect(data.focus.warnings.map((w) => w.sampleIndex)).toEqual([1]);
  });

  it('gives each instance row its focus-labeled frames', () => {
    const bySample = new Map(data.criticality.worst.map((w) => [w.sampleIndex, `${w.focusFrames} of ${w.frames}`]));
    expect(bySample.get(0)).toBe('3 of 3');
    expect(bySample.get(1)).toBe('0 of 3');
  });

  it('shows a focus section, the clips that never label it and a focus column', () => {
    const html = reportHtml(data, '', 'test');
    expect(html).toContain('<h2>Focus</h2>');
    expect(html).toContain('3 of 6 (50.0%)');
    expect(html).toContain('Clips that never label the focus');
    expect(html).toContain('<th>focus labeled</th>');
    expect(html).toContain('<td>0 of 3</td>');
  });
});
