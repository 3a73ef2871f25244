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
    actor.yawRad = Math.atan2(fy, fx);
    actor.pitchRad = Math.asin(Math.max(-1, Math.min(1, 2 * (q.w * q.y - q.z * q.x))));
    actor.rollRad = Math.atan2(2 * (q.w * q.x + q.y * q.z), 1 - 2 * (q.x * q.x + q.y * q.y));
  } else {
    c = Math.cos(actor.yawRad);
    s = Math.sin(actor.yawRad);
  }
  actor.x = p.x;
  actor.y = p.y;
  // Bottom centre of the box: the body centre moved down its own z axis by the centre height.
  const h = actor.geometry ? actor.geometry.comHeightM : actor.size.heightM / 2;
  const zx = 2 * (q.x * q.z + q.w * q.y);
  const zy = 2 * (q.y * q.z - q.w * q.x);
  const zz = 1 - 2 * (q.x * q.x + q.y * q.y);
  actor.bottomX = p.x - zx * h;
  actor.bottomY = p.y - zy * h;
  actor.zBottom = p.z - zz * h;
  actor.vx = v.x;
  actor.vy = v.y;
  actor.vz = v.z;
  const speed = v.x * c + v.y * s;
  const accel = (speed - actor.speedMps) / dtS;
  actor.accelMps2 = accel;
  actor.accelFilteredMps2 += (accel - actor.accelFilteredMps2) * Math.min(1, dtS / ACCEL_FILTER_S);
  actor.speedMps = speed;
  actor.box.x = p.x;
  actor.box.y = p.y;
  actor.box.yawRad = actor.yawRad;
  if (actor.path) {
    const local = actor.path.localCoordinates(actor, actor.pathS, _local);
    actor.pathS = local.s;
    actor.pathT = local.t;
  }
  if (actor.control === 'vehicle' || actor.kind === 'bicycle') {
    actor.wheelSpinRad += (speed * dtS) / (actor.params?.wheelRadiusM ?? 0.34);
  }
  if (actor.control === 'mover' && actor.strideM > 0) {
    const phase = actor.gaitPhase + (Math.abs(speed) * dtS) / (actor.gait === 'run' ? actor.strideM * 1.8 : actor.strideM);
    actor.gaitPhase = phase - Math.floor(phase);
  }
  if (actor.doorOpening) {
    actor.door = Math.min(1, Math.max(0, (timeS - actor.doorOpening.startS) / actor.doorOpening.durationS));
  }
}
