/** Reads an actor's state back from its cannon-es body after a step. */
import type { SimActor } from './actor.js';

/** Time constant of the acceleration filter used for hard-brake detection [s]. */
const ACCEL_FILTER_S = 0.1;
const _local = { s: 0, t: 0 };

export function readBack(actor: SimActor, dtS: number, timeS: number): void {
  const body = actor.body;
  const q = body.quaternion;
  const p = body.position;
  const v = body.velocity;
  let c: number;
  let s: number;
  if (actor.control !== 'mover') {
    // The body's x axis in the world gives the heading and its cosine and sine at once.
    const fx = 1 - 2 * (q.y * q.y + q.z * q.z);
    const fy = 2 * (q.w * q.z + q.x * q.y);
    const fl = Math.sqrt(fx * fx + fy * fy) || 1;
    c = fx / fl;
    s = fy / fl;
    actor.state.yawRad = Math.atan2(fy, fx);
    actor.state.pitchRad = Math.asin(Math.max(-1, Math.min(1, 2 * (q.w * q.y - q.z * q.x))));
    actor.state.rollRad = Math.atan2(2 * (q.w * q.x + q.y * q.z), 1 - 2 * (q.x * q.x + q.y * q.y));
  } else {
    c = Math.cos(actor.state.yawRad);
    s = Math.sin(actor.state.yawRad);
  }
  actor.state.x = p.x;
  actor.state.y = p.y;
  // Bottom centre of the box: the body centre moved down its own z axis by the centre height.
  const h = actor.params.geometry ? actor.params.geometry.comHeightM : actor.size.heightM / 2;
  const zx = 2 * (q.x * q.z + q.w * q.y);
  const zy = 2 * (q.y * q.z - q.w * q.x);
  const zz = 1 - 2 * (q.x * q.x + q.y * q.y);
  actor.state.bottomX = p.x - zx * h;
  actor.state.bottomY = p.y - zy * h;
  actor.state.zBottom = p.z - zz * h;
  actor.state.vx = v.x;
  actor.state.vy = v.y;
  actor.state.vz = v.z;
  const speed = v.x * c + v.y * s;
  const accel = (speed - actor.state.speedMps) / dtS;
  actor.state.accelMps2 = accel;
  actor.state.accelFilteredMps2 += (accel - actor.state.accelFilteredMps2) * Math.min(1, dtS / ACCEL_FILTER_S);
  actor.state.speedMps = speed;
  actor.state.box.x = p.x;
  actor.state.box.y = p.y;
  actor.state.box.yawRad = actor.state.yawRad;
  if (actor.intent.path) {
    const local = actor.intent.path.localCoordinates(actor.state, actor.state.pathS, _local);
    actor.state.pathS = local.s;
    actor.state.pathT = local.t;
  }
  if (actor.control === 'vehicle' || actor.kind === 'bicycle') {
    actor.state.wheelSpinRad += (speed * dtS) / (actor.params.vehicle?.wheelRadiusM ?? 0.34);
  }
  if (actor.control === 'mover' && actor.params.strideM > 0) {
    const phase = actor.state.gaitPhase + (Math.abs(speed) * dtS) / (actor.intent.gait === 'run' ? actor.params.strideM * 1.8 : actor.params.strideM);
    actor.state.gaitPhase = phase - Math.floor(phase);
  }
  if (actor.intent.doorOpening) {
    actor.state.door = Math.min(1, Math.max(0, (timeS - actor.intent.doorOpening.startS) / actor.intent.doorOpening.durationS));
  }
}
