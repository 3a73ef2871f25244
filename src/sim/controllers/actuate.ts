/**
 * Turns an actor's wishes (acceleration, steering or heading) into what cannon-es integrates:
 * engine and brake forces on a raycast vehicle, or the velocity of a kinematic body.
 */
import { Quaternion, Vec3 } from 'cannon-es';
import type { SimActor } from '../actor.js';
import { wrapAngleTrig } from '../../math/angles.js';

const _zAxis = new Vec3(0, 0, 1);
const _q = new Quaternion();

/**
 * Raycast vehicle: engine force for a positive request, brake for a negative one, both split
 * over the wheels by their load so that each tyre reaches its friction limit together.
 * `holdMps2` > 0 clamps a standing vehicle with that much brake.
 */
export function actuateVehicle(actor: SimActor, accelMps2: number, steerRad: number, dtS: number, holdMps2: number): void {
  const vehicle = actor.raycastVehicle!;
  const p = actor.params.vehicle!;
  const mass = p.massKg;
  const wheels = vehicle.wheelInfos;
  let load = 0;
  for (const w of wheels) load += w.isInContact ? w.suspensionForce : 0;
  const limited = Math.max(-p.maxSteerRad, Math.min(p.maxSteerRad, steerRad));
  const maxDelta = p.maxSteerRateRadps * dtS;
  actor.state.steerRad += Math.max(-maxDelta, Math.min(maxDelta, limited - actor.state.steerRad));
  const standing = Math.abs(actor.state.speedMps) < 0.3;
  for (let i = 0; i < wheels.length; i++) {
    const w = wheels[i];
    const share = load > 0 ? (w.isInContact ? w.suspensionForce / load : 0) : 1 / wheels.length;
    vehicle.setSteeringValue(i < 2 ? actor.state.steerRad : 0, i);
    if (accelMps2 >= 0 && !(standing && holdMps2 > 0)) {
      // Forward is -x of the wheel frame in cannon-es's z-up convention, hence the sign.
      vehicle.applyEngineForce(-mass * accelMps2 * share, i);
      vehicle.setBrake(0, i);
    } else {
      const decel = standing && holdMps2 > 0 ? Math.max(holdMps2, -accelMps2) : -accelMps2;
      vehicle.applyEngineForce(0, i);
      // cannon-es takes the brake as an impulse per step [N s].
      vehicle.setBrake(mass * decel * share * dtS, i);
    }
  }
}

/**
 * Kinematic mover: speed towards `speedTargetMps` at its acceleration limit, heading towards
 * `headingRad` at its yaw-rate limit; sets the body so that one step moves it there.
 */
export function actuateMover(actor: SimActor, speedTargetMps: number, headingRad: number, dtS: number): void {
  const err = wrapAngleTrig(headingRad - actor.state.yawRad);
  const maxTurn = actor.params.moverYawRateRadps * dtS;
  const yaw = wrapAngleTrig(actor.state.yawRad + Math.max(-maxTurn, Math.min(maxTurn, err)));
  // Turn before walking off: a person facing away does not start at full speed.
  const target = speedTargetMps * Math.max(0, Math.cos(err));
  const dv = actor.params.moverAccelMps2 * dtS;
  const speed = actor.state.speedMps + Math.max(-dv, Math.min(dv, target - actor.state.speedMps));
  actor.state.yawRad = yaw;
  const body = actor.body;
  body.quaternion.copy(_q.setFromAxisAngle(_zAxis, yaw));
  body.velocity.set(Math.cos(yaw) * speed, Math.sin(yaw) * speed, 0);
  body.angularVelocity.set(0, 0, 0);
  actor.state.speedMps = speed;
}
