/**
 * Every catalog scenario shows its edge case: a default run (`roadsynth run FILE --count 4
 * --frames 5 --resolution 640x360`, the default clip) labels its focus (not DontCare) in at
 * least 80 % of frames. Every file in scenarios/ is checked, so a new scenario cannot regress it.
 *
 * - Rendered: sample 0 of that run (`--shard 0/4`, the same sample and frames the full run
 *   writes), through the CLI, labels read from manifest.jsonl. The full 4 x 5 figure comes from
 *   `npx tsx test/scenarios/catalog-focus.ts` (slow; docs/catalog/README.md quotes it).
 * - Geometric, all four samples: the clip's frames have the focus in the camera's view
 *   (frameSchedule's focusInView: projected box tall enough, not hidden behind other actors'
 *   boxes), a necessary condition for the label, computed in Node from the trajectory.
 * Skipped (with the reason printed) only when no browser is installed (the rendered part).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    it('has the focus in the camera\'s view in at least 80 % of the frames of each of the 4 default clips (geometric)', () => {
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

    it.skipIf(missing !== null)('labels the focus in at least 80 % of the rendered frames of sample 0', () => {
      const run = runScenario(file, join(tmp, file), [...DEFAULT_RUN, '--shard', '0/4']);
      expect(run.frames).toBe(5);
      expect(run.labeled / run.frames).toBeGreaterThanOrEqual(MIN_SHARE);
    });
  });
});
