/** The browser-free visibility estimate behind the perception objective, and rollouts on workers. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RolloutPool } from '../../src/dataset/search/RolloutPool.js';
import { evaluateRun } from '../../src/dataset/search/objectives.js';
import { focusVisibility, segmentHitsBox, visibleShare } from '../../src/dataset/search/visibility.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { createSampler } from '../../src/sampling/sample.js';
import { search } from '../../src/sampling/search/search.js';
import { checkScenario } from '../../src/scenario/load.js';
import type { CameraRig } from '../../src/scenario/types.js';
import { simulate } from '../../src/sim/simulate.js';
import { STATE_COLUMN, STATE_STRIDE, stateRow, type Trajectory } from '../../src/sim/types.js';

const RIG: CameraRig = { widthPx: 1280, heightPx: 720, fovDeg: 90, heightM: 1.4, forwardM: 0.8, pitchDeg: 0, noise: 0, motionBlur: 0, lensDrops: 0 };
const CAR = { lengthM: 4.5, widthM: 1.8, heightM: 1.5 };
const VAN = { lengthM: 5.2, widthM: 2, heightM: 2.4 };
const PERSON = { lengthM: 0.4, widthM: 0.5, heightM: 1.7 };

/** One tick: the ego at the origin heading +x, then actors at (x, y) with their sizes. */
function trajectory(actors: { x: number; y: number; size: typeof CAR }[]): Trajectory {
  const all = [{ x: 0, y: 0, size: CAR }, ...actors];
  const states = new Float64Array(all.length * STATE_STRIDE);
  all.forEach((a, i) => {
    states[stateRow({ actors: all }, 0, i) + STATE_COLUMN.x] = a.x;
    states[stateRow({ actors: all }, 0, i) + STATE_COLUMN.y] = a.y;
  });
  return {
    version: 1,
    dtS: 0.1,
    ticks: 1,
    actors: all.map((a, i) => ({ id: i === 0 ? 'ego' : `a${i}`, trackId: i, kind: i === 0 ? 'car' : 'pedestrian', size: a.size })),
    signalHeads: [],
    states,
    signals: new Uint8Array(0),
  };
}

describe('visibility estimate', () => {
  it('a person in open view is fully visible', () => {
    expect(visibleShare(trajectory([{ x: 20, y: 0, size: PERSON }]), RIG, 0, 1)).toBe(1);
  });

  it('a van between the camera and the person hides it', () => {
    expect(
      visibleShare(
        trajectory([
          { x: 20, y: 0, size: PERSON },
          { x: 12, y: 0, size: VAN },
        ]),
        RIG,
        0,
        1,
      ),
    ).toBe(0);
  });

  it('a van beside the line of sight hides nothing', () => {
    expect(
      visibleShare(
        trajectory([
          { x: 20, y: 0, size: PERSON },
          { x: 12, y: 6, size: VAN },
        ]),
        RIG,
        0,
        1,
      ),
    ).toBe(1);
  });

  it('a low car hides only the lower part of a tall person behind it', () => {
    const share = visibleShare(
      trajectory([
        { x: 14, y: 0, size: PERSON },
        { x: 9, y: 0, size: { lengthM: 4, widthM: 1.8, heightM: 1.2 } },
      ]),
      RIG,
      0,
      1,
    );
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
  });

  it('outside the field of view counts as not visible', () => {
    expect(visibleShare(trajectory([{ x: -15, y: 0, size: PERSON }]), RIG, 0, 1)).toBe(0);
    expect(visibleShare(trajectory([{ x: 5, y: 30, size: PERSON }]), RIG, 0, 1)).toBe(0);
  });

  it('segments and boxes: through, beside, and ending at the box', () => {
    const pose = { x: 10, y: 0, z: 0, yaw: Math.PI / 4 };
    expect(segmentHitsBox([0, 0, 1], [20, 0, 1], pose, VAN)).toBe(true);
    expect(segmentHitsBox([0, 0, 3], [20, 0, 3], pose, VAN)).toBe(false);
    expect(segmentHitsBox([0, 5, 1], [20, 5, 1], pose, VAN)).toBe(false);
    expect(segmentHitsBox([0, 0, 1], [5, 0, 1], pose, VAN)).toBe(false);
  });
});

describe('perception objective on the catalog', () => {
  it('scores the focus pedestrian of 01: closeness times the share of it hidden', () => {
    const file = 'scenarios/01-pedestrian-behind-van.yaml';
    const { spec } = checkScenario(readFileSync(file, 'utf8'), file);
    const sampler = createSampler(spec!, { seed: 2, design: 'random' });
    const rows = Array.from({ length: 6 }, (_, i) => {
      const { instance } = sampler.sample(i);
      const result = simulate(instance, buildRoadNetwork(instance.road, instance.weather));
      const seen = focusVisibility(instance, result);
      const hitEgo = result.events.some((e) => e.kind === 'collision' && (e.a === 'ego' || e.b === 'ego'));
      return { seen, hitEgo, focus: instance.focus.actors, e: evaluateRun('perception', instance, result) };
    });
    for (const r of rows) {
      expect(r.focus).toContain(r.seen.actor);
      expect(r.seen.visible).toBeGreaterThanOrEqual(0);
      expect(r.seen.visible).toBeLessThanOrEqual(1);
      const closeness = r.hitEgo ? 1 : Math.exp(-Math.min(r.e.metrics.minTtcS ?? 20, 20) / 2);
      expect(r.e.score).toBeCloseTo(closeness * (1 - r.seen.visible), 12);
    }
  });
});

describe('rollouts on worker threads', () => {
  it('give the same search as rollouts in this thread', async () => {
    const file = 'scenarios/09-animal-crossing-night.yaml';
    const { spec } = checkScenario(readFileSync(file, 'utf8'), file);
    const one = new RolloutPool('ttc', 1);
    const two = new RolloutPool('ttc', 2);
    try {
      const options = { method: 'cem' as const, budget: 12, seed: 4, keep: 3, cem: { population: 6 } };
      const a = await search(spec!, one.evaluate, options);
      const b = await search(spec!, two.evaluate, options);
      expect(b.rollouts.map((r) => [r.hash, r.score])).toEqual(a.rollouts.map((r) => [r.hash, r.score]));
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 60_000);
});
