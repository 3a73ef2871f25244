/**
 * One tick of control for one actor: run its behaviours' updaters, then turn what they want
 * into forces (vehicles) or a velocity (movers). Static objects are left to the physics.
 */
import type { SimActor } from './actor.js';
import type { SimContext } from './context.js';
import { actuateMover, actuateVehicle } from './controllers/actuate.js';
import { retireManoeuvres } from './controllers/lateralTarget.js';
import { decideLongitudinal, type LongitudinalDecision, newLongitudinalDecision } from './controllers/longitudinal.js';
import { moverHeading, purePursuitSteer } from './controllers/steering.js';

/** Brake deceleration that holds a standing vehicle [m/s^2]. */
const HOLD_MPS2 = 4;

function runUpdaters(actor: SimActor, timeS: number): void {
  if (actor.updaters.length === 0) return;
  actor.updaters = actor.updaters.filter((u) => u(actor.intent, timeS));
}

const _decision = newLongitudinalDecision();

/**
 * Writes a longitudinal decision on the actor: the override's end (the one place an override
 * is cleared) or its end time, the desired speed it leaves, and the known leader. Returns the
 * commanded acceleration [m/s^2].
 */
function applyLongitudinal(actor: SimActor, d: LongitudinalDecision): number {
  actor.intent.override = d.override;
  actor.intent.desiredSpeedMps = d.desiredSpeedMps;
  if (d.lookedAhead) actor.controller.leader = d.leader;
  return d.accelMps2;
}

/** Decides, then applies, the actor's acceleration for this tick [m/s^2]. */
function longitudinalAccel(ctx: SimContext, actor: SimActor): number {
  return applyLongitudinal(actor, decideLongitudinal(ctx, actor, _decision));
}

export function controlActor(ctx: SimContext, actor: SimActor): void {
  // Intent first: running behaviours update it, then what has run out is retired.
  runUpdaters(actor, ctx.timeS);
  retireManoeuvres(actor, ctx.timeS);
  if (actor.intent.turnIndicator && actor.state.pathS > actor.intent.turnIndicator.untilS) actor.intent.turnIndicator = null;
  if (actor.control === 'static') return;
  if (actor.control === 'vehicle') {
    const a = longitudinalAccel(ctx, actor);
    actor.controller.accelCmdMps2 = a;
    const standingWish = actor.intent.parked || actor.intent.override?.kind === 'hold' || (actor.intent.desiredSpeedMps < 0.05 && a <= 0);
    const steer = actor.intent.path && Math.abs(actor.state.speedMps) > 0.2 ? purePursuitSteer(actor, ctx.timeS, actor.params.geometry!.wheelbaseM) : actor.state.steerRad;
    actuateVehicle(actor, a, steer, ctx.dtS, standingWish ? Math.min(HOLD_MPS2, ctx.muG) : 0);
    return;
  }
  // Movers: people, animals, bicycles, moving objects.
  let speedTarget: number;
  if (actor.state.collided || actor.intent.parked) {
    speedTarget = 0;
  } else if (actor.kind === 'bicycle' || actor.intent.idm || actor.intent.override) {
    speedTarget = Math.max(0, actor.state.speedMps + longitudinalAccel(ctx, actor) * ctx.dtS);
  } else {
    speedTarget = actor.intent.path ? actor.intent.desiredSpeedMps : 0;
  }
  if (actor.intent.path && actor.intent.pathEndsAtRoadEnd) {
    // Arrive at the end of the path, not past it.
    const left = Math.max(0, actor.intent.path.lengthM - actor.state.pathS);
    speedTarget = Math.min(speedTarget, Math.sqrt(2 * actor.params.moverAccelMps2 * left));
    if (left < 0.02) actor.controller.arrived = true;
  }
  actor.controller.accelCmdMps2 = (speedTarget - actor.state.speedMps) / ctx.dtS;
  const heading = actor.intent.path && !actor.controller.arrived ? moverHeading(actor, ctx.timeS) : actor.state.yawRad;
  actuateMover(actor, speedTarget, heading, ctx.dtS);
}
