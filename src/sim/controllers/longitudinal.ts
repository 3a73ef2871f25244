/**
 * The acceleration an actor asks for this tick [m/s^2]: its override (brake, accelerate,
 * hold) or else cruising / car-following, then capped by every place it must stop before
 * (a red signal it can still stop for, a yield point with traffic, the end of the road), and
 * by the tyre friction mu * g (and, for short tall vehicles, by what keeps the rear wheels
 * down).
 */
import type { SimActor, YieldPoint } from '../actor.js';
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
  let v = actor.desiredSpeedMps;
  const front = actor.pathS + actor.box.halfL;
  for (const z of actor.speedZones) {
    if (actor.pathS - actor.box.halfL > z.toS) continue;
    const d = Math.max(0, z.fromS - front);
    v = Math.min(v, Math.sqrt(z.capMps * z.capMps + 2 * ZONE_DECEL_MPS2 * d));
  }
  return v;
}

/** Deceleration-limited approach to a stop at distance d [m] (IDM against a standing obstacle). */
function stopAccel(actor: SimActor, desiredMps: number, distanceM: number): number {
  return idmAccel(actor.speedMps, Math.max(desiredMps, 0.5), distanceM, actor.speedMps, { ...(actor.idm ?? DEFAULT_IDM), minGapM: STOP_MARGIN_M, timeGapS: 0.5 });
}

/** True when traffic comes to the yield point's conflict area sooner than the accepted gap. */
function mustYield(ctx: SimContext, self: SimActor, y: YieldPoint): boolean {
  for (const other of ctx.actors) {
    if (other === self || other.control !== 'vehicle' && other.kind !== 'bicycle') continue;
    if (other.speedMps < 0.5) continue;
    const dx = y.conflictX - other.x;
    const dy = y.conflictY - other.y;
    const d = Math.hypot(dx, dy);
    if (d > y.radiusM + other.speedMps * y.gapAcceptanceS) continue;
    const closing = (dx * Math.cos(other.yawRad) + dy * Math.sin(other.yawRad)) / (d || 1);
    if (closing <= 0.2) continue;
    // Traffic queued behind the actor on its own approach does not conflict.
    if (self.path) {
      const local = self.path.localCoordinates(other, self.pathS - 5);
      if (Math.abs(local.t - self.pathT) < 2 && local.s < self.pathS) continue;
    }
    if (Math.max(0, d - y.radiusM) / Math.max(other.speedMps * closing, 0.1) < y.gapAcceptanceS) return true;
  }
  return false;
}

export function longitudinalAccel(ctx: SimContext, actor: SimActor): number {
  const v = actor.speedMps;
  const maxAccel = actor.idm?.maxAccelMps2 ?? actor.params?.maxAccelMps2 ?? actor.moverAccelMps2;
  if (actor.parked) return -COMFORT_DECEL_MPS2;

  let desired = zoneCappedSpeed(actor);
  let a: number;
  const o = actor.override;
  if (o?.kind === 'brake') {
    a = -o.decelMps2;
    if (v <= o.toSpeedMps + 1e-3) {
      actor.override = null;
      actor.desiredSpeedMps = o.toSpeedMps;
      desired = Math.min(desired, o.toSpeedMps);
      a = 0;
    }
  } else if (o?.kind === 'rate') {
    const dir = Math.sign(o.toSpeedMps - v);
    a = dir * o.accelMps2;
    if (Math.abs(o.toSpeedMps - v) <= o.accelMps2 * ctx.dtS) {
      actor.override = null;
      actor.desiredSpeedMps = o.toSpeedMps;
      a = (o.toSpeedMps - v) / ctx.dtS;
    }
  } else if (o?.kind === 'hold') {
    if (Math.abs(v) < 0.05 && o.untilS === Infinity) o.untilS = ctx.timeS + o.durationS;
    if (ctx.timeS >= o.untilS) actor.override = null;
    a = v > 0.05 ? -Math.min(COMFORT_DECEL_MPS2, v / ctx.dtS) : -v / ctx.dtS;
  } else {
    a = Number.NaN;
  }
  if (Number.isNaN(a)) {
    if (actor.idm) {
      // Actors search on staggered ticks so the searches spread over the period.
      const every = Math.max(1, Math.round(LEADER_SEARCH_EVERY_S / ctx.dtS));
      const leader = findLeader(actor, ctx.actors, Math.max(80, v * 8), ctx.tick < every || (ctx.tick + actor.index) % every === 0);
      a = leader
        ? idmAccel(v, desired, leader.gapM, v - leader.speedMps, actor.idm)
        : idmAccel(v, desired, Infinity, 0, actor.idm);
    } else {
      a = Math.max(-COMFORT_DECEL_MPS2, Math.min(maxAccel, SPEED_GAIN_PER_S * (desired - v)));
    }
  }

  const front = actor.pathS + actor.box.halfL;
  // Signals: stop at the line on red, and on yellow when that is comfortable.
  if (actor.obeySignals) {
    for (const line of actor.stopLines) {
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
  for (const y of actor.yieldPoints) {
    const d = y.pathS - front;
    if (d < -0.2 || d > 60) continue;
    if (mustYield(ctx, actor, y)) a = Math.min(a, stopAccel(actor, desired, d));
  }
  if (actor.pathEndsAtRoadEnd && actor.path) {
    const d = actor.path.lengthM - front;
    // Only an end the actor could reach before the simulation ends is braked for: a car
    // cruising on a road that ends beyond what the run covers keeps its speed.
    const reachM = v * Math.max(0, ctx.durationS - ctx.timeS) + 30;
    if (d < (v * v) / (2 * COMFORT_DECEL_MPS2) + 30 && d < reachM) a = Math.min(a, stopAccel(actor, desired, d));
  }
  const maxBrake = actor.geometry ? Math.min(ctx.muG, actor.geometry.maxBrakeMps2) : ctx.muG;
  return Math.max(-maxBrake, Math.min(maxAccel, a));
}
