/** Column offsets of ActorState fields in Trajectory.states rows (see STATE_FIELDS). */
import { STATE_FIELDS, type ActorState } from '../sim/types.js';

function col(name: keyof ActorState): number {
  return STATE_FIELDS.indexOf(name as (typeof STATE_FIELDS)[number]);
}

export const NF = STATE_FIELDS.length;
export const F = {
  x: col('x'),
  y: col('y'),
  z: col('z'),
  yaw: col('yawRad'),
  pitch: col('pitchRad'),
  roll: col('rollRad'),
  vx: col('vx'),
  vy: col('vy'),
  steer: col('steerRad'),
  wheelSpin: col('wheelSpinRad'),
  lights: col('lights'),
  door: col('door'),
  gait: col('gaitPhase'),
} as const;

/** Blink period of indicators and hazard lights [s]; the light bits say a lamp is active, the scene blinks it. */
export const BLINK_PERIOD_S = 0.7;

export function blinkOn(timeS: number): boolean {
  return timeS % BLINK_PERIOD_S < BLINK_PERIOD_S / 2;
}
