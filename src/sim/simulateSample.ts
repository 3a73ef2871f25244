/**
 * The pipeline of one sample in Node, composed once for every front door (`roadsynth simulate`,
 * dataset runs, the studio preview): sample -> road network -> simulation -> replay. Each door
 * samples its own way (a sweep's sampler, one index of a file, the studio's overridden spec),
 * so it passes the draw; the rest (which road, which simulation, which scene seed) is decided
 * here only. A stage that fails throws a SampleStageError naming the stage, so each door can
 * report it in its own words.
 */
import type { RoadNetwork } from '../road/types.js';
import { SamplingError } from '../sampling/errors.js';
import type { SampledInstance } from '../scenario/types.js';
import { SimulationError } from './errors.js';
import { type Replay, replayOf, roadNetworkOf } from './replay.js';
import { type SimulateOptions, simulate } from './simulate.js';
import type { SimResult } from './types.js';

export type SampleStage = 'sample' | 'road' | 'simulate';

/** One stage of simulateSample failed; `cause` is what the stage threw, unchanged. */
export class SampleStageError extends Error {
  constructor(
    readonly stage: SampleStage,
    cause: unknown,
    /** The sample, when the failing stage came after sampling. */
    readonly sample: SampledInstance | undefined,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'SampleStageError';
  }

  /** JSON pointer of the scenario value at fault: /road for a road that cannot be built, else the cause's, if any. */
  get pointer(): string | undefined {
    if (this.stage === 'road') return '/road';
    return this.cause instanceof SamplingError || this.cause instanceof SimulationError ? this.cause.pointer : undefined;
  }
}

export interface SimulatedSample {
  sample: SampledInstance;
  network: RoadNetwork;
  result: SimResult;
  /** What a render page or the studio's viewport needs to show this sample. */
  replay: Replay;
  /** Wall time of each stage [ms]. */
  timingsMs: Record<SampleStage, number>;
}

function stage<T>(name: SampleStage, sample: SampledInstance | undefined, run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw new SampleStageError(name, err, sample);
  }
}

/** Draws a sample, builds its road network and simulates it. Throws SampleStageError. */
export function simulateSample(draw: () => SampledInstance, options: SimulateOptions = {}): SimulatedSample {
  const t0 = performance.now();
  const sample = stage('sample', undefined, draw);
  const t1 = performance.now();
  const network = stage('road', sample, () => roadNetworkOf(sample.instance));
  const t2 = performance.now();
  const result = stage('simulate', sample, () => simulate(sample.instance, network, options));
  const t3 = performance.now();
  return {
    sample,
    network,
    result,
    replay: replayOf(sample, result.trajectory),
    timingsMs: { sample: t1 - t0, road: t2 - t1, simulate: t3 - t2 },
  };
}
