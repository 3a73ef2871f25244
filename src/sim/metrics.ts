/**
 * Safety metrics gathered tick by tick: per actor the minimum time to collision with the ego
 * (constant velocities, box against box) and the minimum box distance;
 * collisions between any two actors (footprint overlap: who, tick, relative speed); hard
 * brakes of vehicles; and whether the run was a near miss.
 */
import type { SimActor } from './actor.js';
import { boundingRadius, boxDistance, boxDistanceLowerBound, boxesOverlap, circlesApart, timeToOverlapS } from './orientedBox.js';
import type { ActorMetrics, HardBrakeEvent, SimEvent, SimMetrics } from './types.js';

/** Deceleration above which a vehicle brakes hard [m/s^2], and where the episode ends. */
export const HARD_BRAKE_MPS2 = 4;
const HARD_BRAKE_END_MPS2 = 3.5;
/** Separation after which the same pair touching again is a new collision [s]. */
const REARM_S = 1;

/**
 * Time to collision [s]: when the two footprints would first overlap if both kept their
 * current velocities (0 when they overlap, Infinity when they never would). Unlike distance
 * over closing speed, traffic passing side by side does not count as closing.
 */
export function timeToCollisionS(a: SimActor, b: SimActor): number {
  return timeToOverlapS(a.state.box, a.state.vx, a.state.vy, b.state.box, b.state.vx, b.state.vy);
}

export class MetricsTracker {
  private readonly n: number;
  private readonly minTtc: Float64Array;
  private readonly minTtcTick: Int32Array;
  private readonly minDist: Float64Array;
  private readonly minDistTick: Int32Array;
  /** Last time each pair overlapped [s], at i * n + j for i < j. */
  private readonly lastTouchS: Float64Array;
  private readonly braking: (HardBrakeEvent | null)[];
  /** Time of each actor's last collision [s] (hard brakes there are the crash, not the driver). */
  readonly lastCollisionS: Float64Array;
  /** Bounding circle radius of each footprint [m]. */
  private readonly radius: Float64Array;
  /** Actor indices sorted by the left end of their bounding circle (sweep and prune). */
  private readonly order: Int32Array;
  private collisions = 0;
  /** 1 for each actor that collided with the ego. */
  private readonly egoCollided: Uint8Array;
  private hardBrakes = 0;

  /**
   * @param ttcOfInterestS TTC [s] below which the exact value matters for triggers (the
   *   largest ttcBelowS in the scenario); above it and above an actor's minimum, ttcOut may
   *   hold a lower bound instead of the exact TTC.
   */
  constructor(
    private readonly actors: readonly SimActor[],
    private readonly nearMissTtcS: number,
    private readonly ttcOfInterestS = Infinity,
  ) {
    const n = actors.length;
    this.n = n;
    this.minTtc = new Float64Array(n).fill(Infinity);
    this.minTtcTick = new Int32Array(n).fill(-1);
    this.minDist = new Float64Array(n).fill(Infinity);
    this.minDistTick = new Int32Array(n).fill(-1);
    this.lastTouchS = new Float64Array(n * n).fill(-Infinity);
    this.braking = new Array(n).fill(null);
    this.lastCollisionS = new Float64Array(n).fill(-Infinity);
    this.radius = Float64Array.from(actors, (a) => boundingRadius(a.state.box));
    this.order = Int32Array.from(actors, (_, i) => i);
    this.egoCollided = new Uint8Array(n);
  }

  /**
   * Takes the actors' state at `tick`; writes the TTC with the ego per actor into ttcOut (exact
   * below ttcOfInterestS, else possibly a lower bound).
   */
  update(tick: number, timeS: number, events: SimEvent[], ttcOut: Float64Array): void {
    const actors = this.actors;
    const ego = actors[0];
    ttcOut[0] = Infinity;
    for (let i = 1; i < this.n; i++) {
      const a = actors[i];
      // The exact distance matters only where it could set a new minimum (or be an overlap).
      const bound = boxDistanceLowerBound(ego.state.box, this.radius[0], a.state.box, this.radius[i]);
      const d = bound > 0 && bound >= this.minDist[i] ? bound : boxDistance(ego.state.box, a.state.box);
      // Boxes `d` apart closing at most at their relative speed w need at least d / w: when that
      // bound cannot set a new minimum nor fire a TTC trigger, it stands in for the exact TTC.
      const wx = a.state.vx - ego.state.vx;
      const wy = a.state.vy - ego.state.vy;
      const w = Math.sqrt(wx * wx + wy * wy);
      const floor = w > 0 ? d / w : Infinity;
      const ttc = d === 0 ? 0 : floor > this.minTtc[i] && floor > this.ttcOfInterestS ? floor : timeToCollisionS(ego, a);
      ttcOut[i] = ttc;
      if (d < this.minDist[i]) {
        this.minDist[i] = d;
        this.minDistTick[i] = tick;
      }
      if (ttc < this.minTtc[i]) {
        this.minTtc[i] = ttc;
        this.minTtcTick[i] = tick;
      }
    }
    // Sweep and prune along x: the order barely changes between ticks, so insertion sort is
    // nearly linear, and only pairs whose x extents overlap get a closer look.
    const radius = this.radius;
    const order = this.order;
    for (let p = 1; p < this.n; p++) {
      const id = order[p];
      const lo = actors[id].state.box.x - radius[id];
      let q = p - 1;
      while (q >= 0 && actors[order[q]].state.box.x - radius[order[q]] > lo) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = id;
    }
    for (let p = 0; p < this.n; p++) {
      const ia = order[p];
      const a = actors[ia];
      const ra = radius[ia];
      const hi = a.state.box.x + ra;
      for (let q = p + 1; q < this.n; q++) {
        const ib = order[q];
        const b = actors[ib];
        if (b.state.box.x - radius[ib] > hi) break;
        if (circlesApart(a.state.box, ra, b.state.box, radius[ib]) || !boxesOverlap(a.state.box, b.state.box)) continue;
        // Report pairs in actor order (a before b) whatever the sweep order.
        const i = Math.min(ia, ib);
        const j = Math.max(ia, ib);
        const k = i * this.n + j;
        // A pair that bounces apart and touches again within a second is one crash.
        if (timeS - this.lastTouchS[k] > REARM_S) {
          events.push({ kind: 'collision', tick, timeS, a: actors[i].id, b: actors[j].id, relativeSpeedMps: Math.hypot(a.state.vx - b.state.vx, a.state.vy - b.state.vy) });
          this.collisions++;
          if (i === 0) this.egoCollided[j] = 1;
          a.state.collided = b.state.collided = true;
        }
        this.lastCollisionS[i] = this.lastCollisionS[j] = timeS;
        this.lastTouchS[k] = timeS;
      }
    }
    for (let i = 0; i < this.n; i++) {
      const a = actors[i];
      if (a.control !== 'vehicle') continue;
      const decel = -a.state.accelFilteredMps2;
      const active = this.braking[i];
      // Around a collision the deceleration is the crash (a motorcycle stopped by a car reads
      // 50-100 m/s^2), not the driver's braking: it neither starts an episode nor raises its peak.
      const crashing = timeS - this.lastCollisionS[i] <= 1;
      if (active) {
        if (decel > active.decelMps2 && !crashing) active.decelMps2 = decel;
        if (decel < HARD_BRAKE_END_MPS2 || crashing) this.braking[i] = null;
      } else if (decel > HARD_BRAKE_MPS2 && timeS - this.lastCollisionS[i] > 1) {
        const e: HardBrakeEvent = { kind: 'hardBrake', tick, timeS, actor: a.id, decelMps2: decel };
        events.push(e);
        this.braking[i] = e;
        this.hardBrakes++;
      }
    }
  }

  result(): SimMetrics {
    const perActor: Record<string, ActorMetrics> = {};
    let minTtcS = Infinity;
    let minDistanceM = Infinity;
    let nearMiss = false;
    for (let i = 1; i < this.n; i++) {
      // A near miss: an actor came closer than the threshold in time (TTC 0 included) without
      // hitting the ego; a hit is counted as a collision instead.
      if (this.minTtc[i] < this.nearMissTtcS && this.egoCollided[i] === 0) nearMiss = true;
      perActor[this.actors[i].id] = {
        minTtcS: this.minTtc[i],
        minTtcTick: this.minTtcTick[i],
        minDistanceM: this.minDist[i],
        minDistanceTick: this.minDistTick[i],
      };
      minTtcS = Math.min(minTtcS, this.minTtc[i]);
      minDistanceM = Math.min(minDistanceM, this.minDist[i]);
    }
    return {
      perActor,
      minTtcS,
      minDistanceM,
      collisions: this.collisions,
      hardBrakes: this.hardBrakes,
      nearMiss,
      nearMissTtcS: this.nearMissTtcS,
    };
  }
}
