import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import type { RoadNetwork } from '../../src/road/types.js';
import { sampleScenario } from '../../src/sampling/sample.js';
import { checkScenario } from '../../src/scenario/load.js';
import { isVehicleKind } from '../../src/sim/vehicleParams.js';
import { simulate } from '../../src/sim/simulate.js';
import { readState } from '../../src/sim/types.js';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** Metres a vehicle centre lies outside every road's outer edges and every junction area. */
function offRoadM(network: RoadNetwork, x: number, y: number): number {
  let best = Infinity;
  for (const road of network.roads.values()) {
    const { s, t } = road.localCoordinates({ x, y });
    if (s < -1 || s > road.lengthM + 1) continue;
    best = Math.min(best, Math.max(0, road.outerT.right - t, t - road.outerT.left));
  }
  for (const j of network.junctions) best = Math.min(best, Math.max(0, Math.hypot(x - j.centre.x, y - j.centre.y) - j.radiusM));
  return best;
}

describe('catalog scenarios', () => {
  it('has scenario files to simulate', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  for (const file of files) {
    it(`${file}: samples simulate with finite states and vehicles on the road until they crash`, () => {
      const { spec, errors } = checkScenario(readFileSync(new URL(file, dir), 'utf8'), file);
      expect(errors).toEqual([]);
      for (const index of [0, 1]) {
        const sample = sampleScenario(spec!, { index, seed: 0, design: 'random' });
        const network = buildRoadNetwork(sample.instance.road, sample.instance.weather);
        const result = simulate(sample.instance, network);
        const t = result.trajectory;
        // A crash may push a car off the road; before its first collision it must stay on.
        const crashTick = new Map<string, number>();
        for (const e of result.events) {
          if (e.kind !== 'collision') continue;
          for (const id of [e.a, e.b]) if (!crashTick.has(id)) crashTick.set(id, e.tick);
        }
        const n = t.actors.length;
        for (let i = 0; i < t.states.length; i++) if (!Number.isFinite(t.states[i])) throw new Error(`${file} #${index}: state ${i} is ${t.states[i]}`);
        for (let k = 0; k < t.ticks; k += 10) {
          for (let a = 0; a < n; a++) {
            if (!isVehicleKind(t.actors[a].kind) || k >= (crashTick.get(t.actors[a].id) ?? Infinity)) continue;
            const off = offRoadM(network, readState(t, k, a, 'x'), readState(t, k, a, 'y'));
            if (off > 0.5) throw new Error(`${file} #${index}: ${t.actors[a].id} is ${off.toFixed(2)} m off the road at tick ${k}`);
          }
        }
      }
    });
  }
});
