/**
 * How critical the instances were: minimum time to collision and distance, collisions and near
 * misses, and the worst instances with what it takes to make them again.
 */
import type { InstanceRow } from './instances.js';

export interface WorstInstance {
  sampleIndex: number;
  instanceHash: string;
  seed: number;
  minTtcS: number | null;
  minDistanceM: number | null;
  collisions: number;
  nearMiss: boolean;
  parameters: InstanceRow['parameters'];
  frames: number;
  /** Frames in which the focus is labeled. */
  focusFrames: number;
}

export interface Criticality {
  instances: number;
  /** Instances with at least one collision. */
  withCollision: number;
  nearMisses: number;
  /** Instances where the ego and an actor never closed in (no TTC). */
  neverClosedIn: number;
  minTtcS: number[];
  minDistanceM: number[];
  worst: WorstInstance[];
}

/** Collisions first, then the smallest TTC, then the smallest distance; missing values last. */
export function compareSeverity(a: WorstInstance, b: WorstInstance): number {
  const ca = a.collisions > 0 ? 1 : 0;
  const cb = b.collisions > 0 ? 1 : 0;
  return cb - ca || (a.minTtcS ?? Infinity) - (b.minTtcS ?? Infinity) || (a.minDistanceM ?? Infinity) - (b.minDistanceM ?? Infinity) || a.sampleIndex - b.sampleIndex;
}

export function criticality(rows: readonly InstanceRow[], worstCount = 10): Criticality {
  const all: WorstInstance[] = rows.map((r) => ({
    sampleIndex: r.sampleIndex,
    instanceHash: r.instanceHash,
    seed: r.seed,
    minTtcS: r.metrics.minTtcS,
    minDistanceM: r.metrics.minDistanceM,
    collisions: r.metrics.collisions,
    nearMiss: r.metrics.nearMiss,
    parameters: r.parameters,
    frames: r.frames,
    focusFrames: r.focusFrames,
  }));
  return {
    instances: rows.length,
    withCollision: all.filter((w) => w.collisions > 0).length,
    nearMisses: all.filter((w) => w.nearMiss).length,
    neverClosedIn: all.filter((w) => w.minTtcS === null).length,
    minTtcS: all.flatMap((w) => (w.minTtcS === null ? [] : [w.minTtcS])),
    minDistanceM: all.flatMap((w) => (w.minDistanceM === null ? [] : [w.minDistanceM])),
    worst: [...all].sort(compareSeverity).slice(0, worstCount),
  };
}
