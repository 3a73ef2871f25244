import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.js';
import { readState, type SimResult } from '../../src/sim/types.js';
import { straightRoadScenario } from './fixtures.js';

function startTick(r: SimResult, actor: string, behaviour: string): number {
  const e = r.events.find((x) => x.kind === 'behaviour' && x.actor === actor && x.behaviour === behaviour);
  return e ? e.tick : -1;
}

describe('triggers', () => {
  const { instance, network } = straightRoadScenario({
    simulation: { durationS: 6 },
    ego: { place: { lane: 1, s: 20 }, speedMps: 10 },
    actors: [
      {
        id: 'timed',
        kind: 'car',
        place: { lane: -1, s: 300 },
        behaviours: [
          { do: 'park', trigger: { atS: 1, delayS: 0.5 } },
          { do: 'openDoor', trigger: { afterPreviousS: 2 } },
        ],
      },
      { id: 'near', kind: 'pedestrian', place: { lane: 'sidewalk-right', s: 60 }, behaviours: [{ do: 'stop', trigger: { egoWithinM: 20 } }] },
      { id: 'ahead', kind: 'pedestrian', place: { lane: 'sidewalk-left', s: 60 }, behaviours: [{ do: 'stop', trigger: { egoAheadWithinM: 15 } }] },
      { id: 'pair', kind: 'pedestrian', place: { lane: 'sidewalk-right', s: 61 }, behaviours: [{ do: 'stop', trigger: { actorWithinM: { actor: 'ego', distanceM: 20 } } }] },
    ],
  });
  const r = simulate(instance, network);
  const dt = instance.simulation.dtS;
  const egoX = (tick: number): number => 20 + 10 * tick * dt;

  it('atS with delayS starts at the sum of both', () => {
    expect(startTick(r, 'timed', 'park')).toBe(Math.round(1.5 / dt));
  });

  it('afterPreviousS counts from the start of the previous behaviour', () => {
    expect(startTick(r, 'timed', 'openDoor')).toBe(Math.round(3.5 / dt));
  });

  it('egoWithinM starts when the centre distance drops to the limit', () => {
    const k = startTick(r, 'near', 'stop');
    const t = r.trajectory;
    const ped = t.actors.findIndex((a) => a.id === 'near');
    const distance = (tick: number): number => Math.hypot(readState(t, tick, ped, 'x') - readState(t, tick, 0, 'x'), readState(t, tick, ped, 'y') - readState(t, tick, 0, 'y'));
    expect(k).toBeGreaterThan(0);
    expect(distance(k)).toBeLessThanOrEqual(20 + 1e-3);
    expect(distance(k - 1)).toBeGreaterThan(20 - 1e-3);
  });

  it('egoAheadWithinM starts when the ego is that far behind along the road', () => {
    const k = startTick(r, 'ahead', 'stop');
    expect(60 - egoX(k)).toBeLessThanOrEqual(15 + 1e-6);
    expect(60 - egoX(k - 1)).toBeGreaterThan(15 - 1e-6);
  });

  it('actorWithinM watches the named actor', () => {
    expect(Math.abs(startTick(r, 'pair', 'stop') - startTick(r, 'near', 'stop'))).toBeLessThanOrEqual(12);
  });
});
