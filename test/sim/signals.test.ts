import { describe, expect, it } from 'vitest';
import type { SpecNode } from '../../src/scenario/types.js';
import { applyDefaults } from '../../src/scenario/defaults.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { readState } from '../../src/sim/types.js';
import { simulate } from '../../src/sim/simulate.js';

/** Main road red for the first 25 s (group 0 starts at its red: offset = half a cycle). */
function run(obey: boolean) {
  const instance = applyDefaults({
    version: 1,
    name: 'signal',
    simulation: { durationS: 15 },
    road: {
      blocks: [
        { kind: 'straight', lengthM: 100 },
        { kind: 'junction', id: 'J1', shape: 'four-way', signals: true, greenS: 20, yellowS: 3, allRedS: 2, offsetS: 25, armLengthM: 40 },
        { kind: 'straight', lengthM: 200 },
      ],
    },
    ego: { place: { lane: 1, s: 20 }, speedMps: 12, behaviours: [{ do: 'keepLane', speedMps: 12 }, ...(obey ? [] : [{ do: 'signals', obey: false }])] as SpecNode[] },
  });
  const network = buildRoadNetwork(instance.road, instance.weather);
  const head = network.junctions[0].signalHeads.find((h) => h.stopLines.some((l) => l.laneId === 'main/1'))!;
  const stopS = head.stopLines.find((l) => l.laneId === 'main/1')!.s;
  return { result: simulate(instance, network), head, stopS, halfL: instance.ego.size.lengthM / 2 };
}

describe('traffic signals', () => {
  it('records each head colour per tick', () => {
    const { result, head } = run(true);
    const t = result.trajectory;
    const col = t.signalHeads.indexOf(head.id);
    expect(col).toBeGreaterThanOrEqual(0);
    for (let k = 0; k < t.ticks; k += 100) expect(t.signals[k * t.signalHeads.length + col]).toBe(2);
  });

  it('stops an obeying driver at the stop line on red', () => {
    const { result, stopS, halfL } = run(true);
    const t = result.trajectory;
    let maxFront = -Infinity;
    for (let k = 0; k < t.ticks; k++) maxFront = Math.max(maxFront, readState(t, k, 0, 'x') + halfL);
    expect(maxFront).toBeLessThanOrEqual(stopS);
    expect(stopS - maxFront).toBeLessThan(3);
    expect(Math.abs(readState(t, t.ticks - 1, 0, 'vx'))).toBeLessThan(0.1);
  });

  it('lets a driver who ignores signals run the red light', () => {
    const { result, stopS, halfL } = run(false);
    const t = result.trajectory;
    expect(readState(t, t.ticks - 1, 0, 'x') - halfL).toBeGreaterThan(stopS + 20);
  });
});
