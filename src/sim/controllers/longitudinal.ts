/**
 * The acceleration an actor asks for this tick [m/s^2], decided without writing on the actor:
 * its override (brake, accelerate,
 * hold) or else cruising / car-following, then capped by every place it must stop before
 * (a red signal it can still stop for, a yield point with traffic, the end of the road), and
 * by the tyre friction mu * g (and, for short tall vehicles, by what keeps the rear wheels
 * down).
 */
import type { LongitudinalOverride, SimActor, YieldPoint } from '../actor.js';
import type { SimContext } from '../context.js';
import { DEFAULT_IDM, idmAccel } from './idm.js';
import { findLeader, LEADER_SEARCH_EVERY_S } from './leader.js';

/** Gain of the speed-keeping loop without car-following [1/s]. */
const SPEED_GAIN_PER_S = 1.2;
/** Deceleration for a planned stop (hold, the end of the road) [m/s^2]. */
const COMFORT_DECEL_MPS2 = 3;
/** A yellow light is run when stopping would need more than this [m/s^2]. */
const YELLOW_MAX_DECEL_MPS2 = 3.5;
/** Comfortable deceleration used to anticipate speed zones [m/s^2]. */
const ZONE_DECEL_MPS2 = 2;
/** Distance kept to a stop line or the road end from the front bumper [m]. */
const STOP_MARGIN_M = 0.5;

/** Desired speed capped by the speed zones on and ahead of the path [m/s]. */
function zoneCappedSpeed(actor: SimActor): number {
  let v = actor.intent.desiredSpeedMps;
  const front = actor.state.pathS + actor.state.box.halfL;
  for (const z of actor.intent.speedZones) {
    if (actor.state.pathS - actor.state.box.halfL > z.toS) continue;
    const d = Math.max(0, z.fromS - front);
    v = Math.min(v, Math.sqrt(z.capMps * z.capMps + 2 * ZONE_DECEL_MPS2 * d));
  }
  return v;
}

/** Deceleration-limited approach to a stop at distance d [m] (IDM against a standing obstacle). */
function stopAccel(actor: SimActor, desiredMps: number, distanceM: number): number {
  return idmAccel(actor.state.speedMps, Math.max(desiredMps, 0.5), distanceM, actor.state.speedMps, {
    ...(actor.intent.idm ?? DEFAULT_IDM),
    minGapM: STOP_MARGIN_M,
    timeGapS: 0.5,
  });
}

/** True when traffic comes to the yield point's conflict area sooner than the accepted gap. */
function mustYield(ctx: SimContext, self: SimActor, y: YieldPoint): boolean {
  for (const other of ctx.actors) {
    if (other === self || (other.control !== 'vehicle' && other.kind !== 'bicycle')) continue;
    if (other.state.speedMps < 0.5) continue;
    const dx = y.conflictX - other.state.x;
    const dy = y.conflictY - other.state.y;
    const d = Math.hypot(dx, dy);
    if (d > y.radiusM + other.state.speedMps * y.gapAcceptanceS) continue;
    const closing = (dx * Math.cos(other.state.yawRad) + dy * Math.sin(other.state.yawRad)) / (d || 1);
    if (closing <= 0.2) continue;
    // Traffic queued behind the actor on its own approach does not conflict.
    if (self.intent.path) {
      const local = self.intent.path.localCoordinates(other.state, self.state.pathS - 5);
      if (Math.abs(local.t - self.state.pathT) < 2 && local.s < self.state.pathS) continue;
    }
    if (Math.max(0, d - y.radiusM) / Math.max(other.state.speedMps * closing, 0.1) < y.gapAcceptanceS) return true;
  }
  return false;
}

/**
 * What the longitudinal controller decides for one tick. Deciding writes nothing on the actor;
 * control.ts applies the decision (the one place an override ends).
 */
export interface LongitudinalDecision {
  /** Acceleration asked for [m/s^2]. */
  accelMps2: number;
  /** The override from now on: the same, a hold that now knows when it ends, or null when it ran out. */
  override: LongitudinalOverride | null;
  /** Desired speed from now on [m/s]: a brake or rate override that ran out leaves its target speed. */
  desiredSpeedMps: number;
  /** True when the actor looked ahead along its path this tick; `leader` is then who it saw (or null). */
  lookedAhead: boolean;
  leader: SimActor | null;
}

export function newLongitudinalDecision(): LongitudinalDecision {
  return { accelMps2: 0, override: null, desiredSpeedMps: 0, lookedAhead: false, leader: null };
}

/** Decides the actor's acceleration for this tick into `out` (and returns it); reads only. */
export function decideLongitudinal(ctx: SimContext, actor: SimActor, out: LongitudinalDecision): LongitudinalDecision {
  const intent = actor.intent;
  const v = actor.state.speedMps;
  const maxAccel = intent.idm?.maxAccelMps2 ?? actor.params.vehicle?.maxAccelMps2 ?? actor.params.moverAccelMps2;
  out.override = intent.override;
  out.desiredSpeedMps = intent.desiredSpeedMps;
  out.lookedAhead = false;
  out.leader = null;
  if (intent.parked) {
    out.accelMps2 = -COMFORT_DECEL_MPS2;
    return out;
  }

  let desired = zoneCappedSpeed(actor);
  let a: number;
  const o = intent.override;
  if (o?.kind === 'brake') {
    a = -o.decelMps2;
    if (v <= o.toSpeedMps + 1e-3) {
      out.override = null;
      out.desiredSpeedMps = o.toSpeedMps;
      desired = Math.min(desired, o.toSpeedMps);
      a = 0;
    }
  } else if (o?.kind === 'rate') {
    const dir = Math.sign(o.toSpeedMps - v);
    a = dir * o.accelMps2;
    if (Math.abs(o.toSpeedMps - v) <= o.accelMps2 * ctx.dtS) {
      out.override = null;
      out.desiredSpeedMps = o.toSpeedMps;
      a = (o.toSpeedMps - v) / ctx.dtS;
    }
  } else if (o?.kind === 'hold') {
    // The stand is timed from standing still.
    const untilS = Math.abs(v) < 0.05 && o.untilS === Infinity ? ctx.timeS + o.durationS : o.untilS;
    out.override = ctx.timeS >= untilS ? null : untilS === o.untilS ? o : { ...o, untilS };
    a = v > 0.05 ? -Math.min(COMFORT_DECEL_MPS2, v / ctx.dtS) : -v / ctx.dtS;
  } else {
    a = Number.NaN;
  }
  if (Number.isNaN(a)) {
    if (intent.idm) {
      // Actors search on staggered ticks so the searches spread over the period.
      const every = Math.max(1, Math.round(LEADER_SEARCH_EVERY_S / ctx.dtS));
      const leader = findLeader(actor, ctx.actors, Math.max(80, v * 8), ctx.tick < every || (ctx.tick + actor.index) % every === 0);
      out.lookedAhead = intent.path !== null;
      out.leader = leader ? leader.actor : null;
      a = leader ? idmAccel(v, desired, leader.gapM, v - leader.speedMps, intent.idm) : idmAccel(v, desired, Infinity, 0, intent.idm);
    } else {
      a = Math.max(-COMFORT_DECEL_MPS2, Math.min(maxAccel, SPEED_GAIN_PER_S * (desired - v)));
    }
  }

  const front = actor.state.pathS + actor.state.box.halfL;
  // Signals: stop at the line on red, and on yellow when that is comfortable.
  if (actor.intent.obeySignals) {
    for (const line of actor.intent.stopLines) {
      const d = line.pathS - front;
      if (d < -0.2) continue;
      if (d > Math.max(60, (v * v) / 2 + 20)) break;
      const junction = ctx.network.junctions.find((j) => j.id === line.junctionId);
      const colour = junction ? junction.colourAt(line.group, ctx.timeS) : 'green';
      if (colour === 'green') break;
      const needed = (v * v) / (2 * Math.max(d - STOP_MARGIN_M, 0.01));
      if (needed > (colour === 'yellow' ? YELLOW_MAX_DECEL_MPS2 : ctx.muG) && v > 1) break;
      a = Math.min(a, stopAccel(actor, desired, d));
      break;
    }
  }
  for (const y of actor.intent.yieldPoints) {
    const d = y.pathS - front;
    if (d < -0.2 || d > 60) continue;
    if (mustYield(ctx, actor, y)) a = Math.min(a, stopAccel(actor, desired, d));
  }
  if (actor.intent.pathEndsAtRoadEnd && actor.intent.path) {
    const d = actor.intent.path.lengthM - front;
    // Only an end the actor could reach before the simulation ends is braked for: a car
    // cruising on a road that ends beyond what the run covers keeps its speed.
    const reachM = v * Math.max(0, ctx.durationS - ctx.timeS) + 30;
    if (d < (v * v) / (2 * COMFORT_DECEL_MPS2) + 30 && d < reachM) a = Math.min(a, stopAccel(actor, desired, d));
  }
  const maxBrake = actor.params.geometry ? Math.min(ctx.muG, actor.params.geometry.maxBrakeMps2) : ctx.muG;
  out.accelMps2 = Math.max(-maxBrake, Math.min(maxAccel, a));
  return out;
}
