import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/sim/buildWorld.js';
import { SimulationError } from '../../src/sim/errors.js';
import { checkActor } from '../../src/sim/sanity.js';
import { simulate } from '../../src/sim/simulate.js';
import { straightRoadScenario } from './fixtures.js';

function caught(f: () => unknown): SimulationError {
  try {
    f();
  } catch (err) {
    if (err instanceof SimulationError) return err;
    throw err;
  }
  throw new Error('expected a SimulationError');
}

describe('sanity checks', () => {
  it('stop a run when an actor leaves the network bounds, naming actor and tick', () => {
    const { instance, network } = straightRoadScenario({
      simulation: { durationS: 40 },
      ego: { place: { lane: 1, s: 10 }, speedMps: 0 },
      actors: [{ id: 'stray', kind: 'pedestrian', place: { lane: 1, s: 50, headingDeg: -90 }, behaviours: [{ do: 'walk', path: [{ s: 50, t: -300 }], speedMps: 3, gait: 'run' }] }],
    });
    const err = caught(() => simulate(instance, network));
    expect(err.actor).toBe('stray');
    expect(err.message).toContain('"stray"');
    expect(err.message).toContain('bounds');
    // Runs at 3 m/s after a 0.5 s start at 3 m/s^2: crosses minY at a tick we can predict.
    const distance = -1.75 - network.bounds.minY;
    const expected = Math.round((distance / 3 + 0.5) / instance.simulation.dtS);
    expect(Math.abs(err.tick! - expected)).toBeLessThanOrEqual(3);
    expect(err.message).toContain(`tick ${err.tick}`);
  });

  it('reject a non-finite state, naming actor and tick', () => {
    const { instance, network } = straightRoadScenario({ ego: { place: { lane: 1, s: 10 }, speedMps: 5 } });
    const { actors } = buildWorld(instance, network, { durationS: 1 });
    const ego = actors[0];
    ego.state.vx = Number.NaN;
    const err = caught(() =>
      checkActor(ego, { tick: 7, timeS: 0.07, dtS: 0.01, bounds: network.bounds, prevVelocity: new Float64Array(2), lastContactS: new Float64Array(1).fill(-Infinity) }),
    );
    expect([err.actor, err.tick]).toEqual(['ego', 7]);
  });

  it('reject an implausible acceleration without a collision', () => {
    const { instance, network } = straightRoadScenario({ ego: { place: { lane: 1, s: 10 }, speedMps: 5 } });
    const { actors } = buildWorld(instance, network, { durationS: 1 });
    const ego = actors[0];
    const prev = Float64Array.from([ego.state.vx - 1, ego.state.vy]);
    const input = { tick: 3, timeS: 0.03, dtS: 0.01, bounds: network.bounds, prevVelocity: prev, lastContactS: new Float64Array(1).fill(-Infinity) };
    expect(caught(() => checkActor(ego, input)).message).toContain('accelerates at 100.0 m/s^2');
    input.lastContactS[0] = 0.02;
    expect(() => checkActor(ego, input)).not.toThrow();
  });
});
