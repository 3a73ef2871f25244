/**
 * One tick of control for one actor: run its behaviours' updaters, then turn what they want
 * into forces (vehicles) or a velocity (movers). Static objects are left to the physics.
 */
import type { SimActor } from './actor.js';
import type { SimContext } from './context.js';
import { actuateMover, actuateVehicle } from './controllers/actuate.js';
import { retireManoeuvres } from './controllers/lateralTarget.js';
import { longitudinalAccel } from './controllers/longitudinal.js';
import { moverHeading, purePursuitSteer } from './controllers/steering.js';

/** Brake deceleration that holds a standing vehicle [m/s^2]. */
const HOLD_MPS2 = 4;

function runUpdaters(actor: SimActor, timeS: number): void {
  if (actor.updaters.length === 0) return;
  actor.updaters = actor.updaters.filter((u) => u(timeS));
}

export function controlActor(ctx: SimContext, actor: SimActor): void {
  runUpdaters(actor, ctx.timeS);
  retireManoeuvres(actor, ctx.timeS);
  if (actor.turnIndicator && actor.pathS > actor.turnIndicator.untilS) actor.turnIndicator = null;
  if (actor.control === 'static') return;
  if (actor.control === 'vehicle') {
    const a = longitudinalAccel(ctx, actor);
    actor.accelCmdMps2 = a;
    const standingWish = actor.parked || actor.override?.kind === 'hold' || (actor.desiredSpeedMps < 0.05 && a <= 0);
    const steer = actor.path && Math.abs(actor.speedMps) > 0.2 ? purePursuitSteer(actor, ctx.timeS, actor.geometry!.wheelbaseM) : actor.steerRad;
    actuateVehicle(actor, a, steer, ctx.dtS, standingWish ? Math.min(HOLD_MPS2, ctx.muG) : 0);
    return;
  }
  // Movers: people, animals, bicycles, moving objects.
  let speedTarget: number;
  if (actor.collided || actor.parked) {
    speedTarget = 0;
  } else if (actor.kind === 'bicycle' || actor.idm || actor.override) {
    speedTarget = Math.max(0, actor.speedMps + longitudinalAccel(ctx, actor) * ctx.dtS);
  } else {
    speedTarget = actor.path ? actor.desiredSpeedMps : 0;
  }
  if (actor.path && actor.pathEndsAtRoadEnd) {
    // Arrive at the end of the path, not past it.
    const left = Math.max(0, actor.path.lengthM - actor.pathS);
    speedTarget = Math.min(speedTarget, Math.sqrt(2 * actor.moverAccelMps2 * left));
    if (left < 0.02) actor.arrived = true;
  }
  actor.accelCmdMps2 = (speedTarget - actor.speedMps) / ctx.dtS;
  const heading = actor.path && !actor.arrived ? moverHeading(actor, ctx.timeS) : actor.yawRad;
  actuateMover(actor, speedTarget, heading, ctx.dtS);
}
