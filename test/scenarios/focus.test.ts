/**
 * Every catalog scenario shows its edge case: a default run (`roadsynth run FILE --count 4
 * --frames 5 --resolution 640x360`, the default clip) labels its focus (not DontCare) in at
 * least 80 % of frames. Every file in scenarios/ is checked, so a new scenario cannot regress it.
 *
 * - Rendered: that very run through the CLI, labels read back from manifest.jsonl (about 15 s
 *   a scenario on 2 cores with SwiftShader; `npx tsx test/scenarios/catalog-focus.ts` prints
 *   the same figures per sample and writes docs/catalog/).
 * - Geometric, fast: the clips' frames have the focus in the camera's view (frameSchedule's
 *   focusInView: projected box tall enough, not hidden behind other actors' boxes), a
 *   necessary condition for the label, computed in Node from the trajectory.
 * Skipped (with the reason printed) only when no browser is installed (the rendered part).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frameSchedule } from '../../src/dataset/frameSchedule.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { createSampler } from '../../src/sampling/sample.js';
import { checkScenario } from '../../src/scenario/load.js';
import type { DesignName } from '../../src/scenario/types.js';
import { simulate } from '../../src/sim/simulate.js';
import { browserMissing } from '../render/fixtures.js';
import { FOCUS_WARNINGS_FILE } from '../../src/export/focusSummary.js';
import { CATALOG, DEFAULT_RUN, ROOT, runScenario } from './catalogFocus.js';

const MIN_SHARE = 0.8;
const missing = browserMissing();
if (missing) console.log(`rendered focus tests skipped: ${missing}`);

const tmp = mkdtempSync(join(tmpdir(), 'roadsynth-focus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('every catalog scenario shows its focus', () => {
  it('the catalog is all of scenarios/', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(14);
  });

  describe.each(CATALOG)('%s', (file) => {
    it("has the focus in the camera's view in at least 80 % of the frames of each of the 4 default clips (geometric)", () => {
      const path = join(ROOT, 'scenarios', file);
      const { spec } = checkScenario(readFileSync(path, 'utf8'), path);
      const sweep = spec!.sweep as { design?: DesignName } | undefined;
      const sampler = createSampler(spec!, { seed: 0, design: sweep?.design ?? 'random', count: 4 });
      let inView = 0;
      let frames = 0;
      for (let i = 0; i < 4; i++) {
        const s = sampler.sample(i);
        const instance = { ...s.instance, ego: { ...s.instance.ego, camera: { ...s.instance.ego.camera, widthPx: 640, heightPx: 360 } } };
        const sim = simulate(instance, buildRoadNetwork(instance.road, instance.weather));
        const schedule = frameSchedule({ instance, trajectory: sim.trajectory, events: sim.events, metrics: sim.metrics }, { frames: 5, fps: 10, anchor: 'focus' });
        inView += schedule.focusInView.filter(Boolean).length;
        frames += schedule.ticks.length;
      }
      expect(inView / frames).toBeGreaterThanOrEqual(MIN_SHARE);
    });

    it.skipIf(missing !== null)(
      'labels the focus (not DontCare) in at least 80 % of the rendered frames of the default run',
      () => {
        const run = runScenario(file, join(tmp, file), DEFAULT_RUN);
        expect(run.frames).toBe(20);
        expect(run.labeled / run.frames).toBeGreaterThanOrEqual(MIN_SHARE);
      },
      180_000,
    );
  });
});

/** The focus rides behind the ego in its lane the whole time: never in the camera's view. */
const HIDDEN_FOCUS = `
version: 1
name: focus behind the camera
simulation: { durationS: 2, dtS: 0.05 }
road: { blocks: [{ kind: straight, lengthM: 200 }] }
ego: { place: { lane: 1, s: 60 }, speedMps: 10, behaviours: [{ do: keepLane, speedMps: 10 }] }
actors:
  - { id: follower, kind: car, place: { lane: 1, s: 40 }, speedMps: 10, behaviours: [{ do: keepLane, speedMps: 10 }] }
  - { id: ahead, kind: car, place: { lane: 1, s: 90 }, speedMps: 10, behaviours: [{ do: keepLane, speedMps: 10 }] }
focus: { actors: [follower] }
`;

describe.skipIf(missing !== null)('a clip whose focus never shows', () => {
  it('is named in focus-warnings.jsonl and in the run summary, never silently', () => {
    const file = join(tmp, 'hidden.yaml');
    writeFileSync(file, HIDDEN_FOCUS);
    const out = join(tmp, 'hidden');
    const run = runScenario(file, out, ['--count', '2', '--frames', '2', '--resolution', '160x90']);
    expect(run.labeled).toBe(0);
    const warnings = readFileSync(join(out, FOCUS_WARNINGS_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { sampleIndex: number; reason: string });
    expect(warnings.map((w) => w.sampleIndex)).toEqual([0, 1]);
    expect(warnings[0].reason).toBe('the focus (follower) is in none of the 2 frames');
    expect(run.stdout).toContain('focus (follower): labeled in 0 of 4 frames (0 %)');
    expect(run.stdout).toContain(`2 clips never label the focus: see ${out}/${FOCUS_WARNINGS_FILE}`);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('2 clips never label the focus (samples 0, 1)');
  });
});
