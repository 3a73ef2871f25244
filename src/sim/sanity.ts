/**
 * Plausibility checks after every step. A non-finite number, a speed or acceleration no road
 * user reaches, or an actor outside the network's bounds ends the run with a SimulationError
 * naming the actor and the tick: never a silently wrong trajectory.
 */
import type { RoadNetwork } from '../road/types.js';
import type { SimActor } from './actor.js';
import { SimulationError } from './errors.js';

export const MAX_SPEED_MPS = 100;
export const MAX_ACCEL_MPS2 = 50;
/** After a collision, accelerations are the crash itself; they are not checked this long [s]. */
export const CRASH_GRACE_S = 1;

export interface SanityInput {
  tick: number;
  timeS: number;
  dtS: number;
  bounds: RoadNetwork['bounds'];
  /** Velocity of each actor at the previous tick [m/s], x and y interleaved. */
  prevVelocity: Float64Array;
  /** Time of each actor's last collision or contact [s]. */
  lastContactS: Float64Array;
}

function fail(actor: SimActor, tick: number, what: string): never {
  throw new SimulationError(`simulation stopped at tick ${tick}: actor "${actor.id}" ${what}`, actor.id, tick);
}

export function checkActor(actor: SimActor, input: SanityInput): void {
  const { tick } = input;
  // A sum is finite only if every term is: one test per actor instead of eleven.
  const sum =
    actor.state.x +
    actor.state.y +
    actor.state.zBottom +
    actor.state.yawRad +
    actor.state.pitchRad +
    actor.state.rollRad +
    actor.state.vx +
    actor.state.vy +
    actor.state.vz +
    actor.state.steerRad +
    actor.state.wheelSpinRad;
  if (!Number.isFinite(sum)) fail(actor, tick, 'has a non-finite state (NaN or Infinity)');
  const speed = Math.sqrt(actor.state.vx * actor.state.vx + actor.state.vy * actor.state.vy + actor.state.vz * actor.state.vz);
  if (speed > MAX_SPEED_MPS) fail(actor, tick, `moves at ${speed.toFixed(1)} m/s (more than ${MAX_SPEED_MPS} m/s)`);
  const i = actor.index;
  if (input.timeS - input.lastContactS[i] > CRASH_GRACE_S) {
    const ax = (actor.state.vx - input.prevVelocity[2 * i]) / input.dtS;
    const ay = (actor.state.vy - input.prevVelocity[2 * i + 1]) / input.dtS;
    const accel = Math.sqrt(ax * ax + ay * ay);
    if (accel > MAX_ACCEL_MPS2) fail(actor, tick, `accelerates at ${accel.toFixed(1)} m/s^2 (more than ${MAX_ACCEL_MPS2} m/s^2) without a collision`);
  }
  const b = input.bounds;
  if (actor.state.x < b.minX || actor.state.x > b.maxX || actor.state.y < b.minY || actor.state.y > b.maxY) {
    fail(
      actor,
      tick,
      `left the road network's bounds at (${actor.state.x.toFixed(1)}, ${actor.state.y.toFixed(1)}) (bounds x ${b.minX.toFixed(0)}..${b.maxX.toFixed(0)}, y ${b.minY.toFixed(0)}..${b.maxY.toFixed(0)})`,
    );
  }
}
