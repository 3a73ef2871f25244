import { describe, expect, it } from 'vitest';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { SamplingError } from '../../src/sampling/errors.js';
import { sceneSeed } from '../../src/sampling/sceneSeed.js';
import { applyDefaults } from '../../src/scenario/defaults.js';
import type { SampledInstance, SpecNode } from '../../src/scenario/types.js';
import { SimulationError } from '../../src/sim/errors.js';
import { replayOf, roadNetworkOf } from '../../src/sim/replay.js';
import { simulate } from '../../src/sim/simulate.js';
import { SampleStageError, simulateSample } from '../../src/sim/simulateSample.js';
import { trajectoryHash } from '../../src/sim/trajectoryHash.js';

function sampled(spec: { [key: string]: SpecNode }, seed = 5, index = 3): SampledInstance {
  const instance = applyDefaults({ version: 1, name: 'pipeline', ...spec });
  return { index, seed, design: 'random', hash: 'h', parameters: {}, tries: 1, instance };
}

const STRAIGHT = {
  simulation: { durationS: 2 },
  road: { blocks: [{ kind: 'straight', lengthM: 300 }] },
  ego: { place: { lane: 1, s: 20 }, speedMps: 12 },
};

/** The SampleStageError a pipeline throws, or a failed expectation. */
function stageErrorOf(draw: () => SampledInstance): SampleStageError {
  try {
    simulateSample(draw);
  } catch (err) {
    expect(err).toBeInstanceOf(SampleStageError);
    return err as SampleStageError;
  }
  throw new Error('the pipeline did not fail');
}

describe('simulateSample: the pipeline of one sample', () => {
  it('gives what its stages give when called one by one, and the scene seed of the sample', () => {
    const s = sampled(STRAIGHT);
    const run = simulateSample(() => s);
    const direct = simulate(s.instance, buildRoadNetwork(s.instance.road, s.instance.weather));
    expect(trajectoryHash(run.result.trajectory)).toBe(trajectoryHash(direct.trajectory));
    expect(run.replay).toEqual({ instance: s.instance, trajectory: run.result.trajectory, seed: sceneSeed(5, 3) });
    expect(replayOf(s, run.result.trajectory)).toEqual(run.replay);
    expect(roadNetworkOf(s.instance).bounds).toEqual(run.network.bounds);
    expect(Object.keys(run.timingsMs)).toEqual(['sample', 'road', 'simulate']);
  });

  it('passes the simulation options on', () => {
    const run = simulateSample(() => sampled(STRAIGHT), { durationS: 1 });
    expect((run.result.trajectory.ticks - 1) * run.result.trajectory.dtS).toBeCloseTo(1, 9);
  });

  it('names the stage that failed, keeps its error as the cause, and points at the value at fault', () => {
    const bad = new SamplingError('no value', '/ego/speedMps');
    const sampling = stageErrorOf(() => {
      throw bad;
    });
    expect([sampling.stage, sampling.cause, sampling.pointer, sampling.sample]).toEqual(['sample', bad, '/ego/speedMps', undefined]);

    const bend = sampled({ ...STRAIGHT, road: { blocks: [{ kind: 'curve', id: 'bend', radiusM: 20, angleDeg: 30, direction: 'left', transitionM: 50 }] } });
    const road = stageErrorOf(() => bend);
    expect([road.stage, road.pointer, road.sample]).toEqual(['road', '/road', bend]);

    const placed = sampled({ ...STRAIGHT, ego: { place: { lane: 1, s: 5000 }, speedMps: 12 } });
    const sim = stageErrorOf(() => placed);
    expect(sim.stage).toBe('simulate');
    expect(sim.cause).toBeInstanceOf(SimulationError);
    expect(sim.pointer).toBe((sim.cause as SimulationError).pointer);
    expect(sim.sample).toBe(placed);
  });
});
