/**
 * Which simulation ticks become frames. A clip of `frames` frames at `fps` is cut from the
 * trajectory; by default it is centred on the instance's critical moment (the tick of the
 * minimum time to collision, else of the minimum distance), because that is what the
 * scenario exists to show.
 */
import type { SimMetrics } from '../sim/types.js';

export type ClipAnchor = 'critical' | 'start';

export interface FrameSchedule {
  /** Tick of each frame, ascending. */
  ticks: number[];
  /** Simulation time of each frame [s]. */
  timesS: number[];
}

/** The tick the clip is centred on: the ego's closest call with any actor. */
export function criticalTick(metrics: SimMetrics): number | null {
  let best: { ttc: number; dist: number; tick: number } | null = null;
  for (const m of Object.values(metrics.perActor)) {
    const ttcTick = Number.isFinite(m.minTtcS) ? m.minTtcTick : null;
    const candidate = { ttc: m.minTtcS, dist: m.minDistanceM, tick: ttcTick ?? m.minDistanceTick };
    if (best === null || candidate.ttc < best.ttc || (candidate.ttc === best.ttc && candidate.dist < best.dist)) best = candidate;
  }
  return best?.tick ?? null;
}

/**
 * @param recordedTicks ticks in the trajectory (tick 0 included)
 * @param dtS physics step [s]
 * @param frames frames to cut; fewer come back when the trajectory is too short
 * @param fps frame rate of the clip [1/s]; frames are at least one tick apart
 */
export function frameSchedule(recordedTicks: number, dtS: number, frames: number, fps: number, anchor: ClipAnchor, metrics: SimMetrics): FrameSchedule {
  const stride = Math.max(1, Math.round(1 / (fps * dtS)));
  const last = recordedTicks - 1;
  const span = (frames - 1) * stride;
  let first = 0;
  if (anchor === 'critical') {
    const centre = criticalTick(metrics) ?? Math.floor(last / 2);
    first = centre - Math.floor(span / 2);
  }
  first = Math.max(0, Math.min(first, last - span));
  const ticks: number[] = [];
  for (let k = 0; k < frames; k++) {
    const tick = first + k * stride;
    if (tick > last) break;
    ticks.push(tick);
  }
  return { ticks, timesS: ticks.map((t) => t * dtS) };
}
