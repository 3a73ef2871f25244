/**
 * The simulation's output contract: a trajectory (per tick, per actor), events and metrics.
 * Rendering never re-simulates; it replays this. World frame: x, y ground plane, z up [m].
 */

import type { ActorKind, Size } from '../scenario/types.js';
import type { SignalColour } from '../road/types.js';

/** Light bits of `ActorState.lights`. */
export const LIGHT = {
  head: 1,
  tail: 2,
  brake: 4,
  indicatorLeft: 8,
  indicatorRight: 16,
  hazard: 32,
  reverse: 64,
} as const;

/** Static facts of one simulated actor. Index 0 is always the ego vehicle. */
export interface TrackInfo {
  /** Scenario id ("ego" for the ego vehicle). */
  id: string;
  /** Stable across the run: 1-based position in the actor list (ego = 0). */
  trackId: number;
  kind: ActorKind;
  size: Size;
}

/** State of one actor at one tick. */
export interface ActorState {
  /** Position of the bottom centre of the bounding box [m]. */
  x: number;
  y: number;
  z: number;
  /** Heading, counter-clockwise from +x [rad]. */
  yawRad: number;
  pitchRad: number;
  rollRad: number;
  /** Velocity [m/s]. */
  vx: number;
  vy: number;
  vz: number;
  /** Front wheel steer angle [rad]. */
  steerRad: number;
  /** Accumulated wheel rotation [rad] (for rendering turning wheels). */
  wheelSpinRad: number;
  /** Bit set of LIGHT. */
  lights: number;
  /** Door opening 0..1 (vehicles), or gait phase 0..1 (people and animals). */
  door: number;
  gaitPhase: number;
}

/**
 * Field order of ActorState in the packed sample array, Trajectory.states: the one definition
 * of its layout. Read and write it through STATE_COLUMN, STATE_STRIDE, stateRow and readState,
 * never by literal offsets.
 */
export const STATE_FIELDS = [
  'x',
  'y',
  'z',
  'yawRad',
  'pitchRad',
  'rollRad',
  'vx',
  'vy',
  'vz',
  'steerRad',
  'wheelSpinRad',
  'lights',
  'door',
  'gaitPhase',
] as const satisfies readonly (keyof ActorState)[];

/** A field of the packed state. */
export type StateField = (typeof STATE_FIELDS)[number];

/** Values per actor per tick in Trajectory.states (one row). */
export const STATE_STRIDE = STATE_FIELDS.length;

/** Column of each field in a row of Trajectory.states, derived from STATE_FIELDS. */
export const STATE_COLUMN: { readonly [K in StateField]: number } = Object.freeze(Object.fromEntries(STATE_FIELDS.map((f, i) => [f, i])) as { [K in StateField]: number });

/** Offset of the row of actor `actor` (trajectory index, ego = 0) at tick `tick` in Trajectory.states. */
export function stateRow(t: { readonly actors: ArrayLike<unknown> }, tick: number, actor: number): number {
  return (tick * t.actors.length + actor) * STATE_STRIDE;
}

/** One recorded value: `field` of actor `actor` (trajectory index) at tick `tick`. */
export function readState(t: { readonly actors: ArrayLike<unknown>; readonly states: Float64Array }, tick: number, actor: number, field: StateField): number {
  return t.states[stateRow(t, tick, actor) + STATE_COLUMN[field]];
}

export interface Trajectory {
  version: 1;
  /** Fixed time step [s]. */
  dtS: number;
  /** Number of recorded ticks (tick 0 is the initial state). */
  ticks: number;
  actors: TrackInfo[];
  /** Signal head ids, in the order of `signals` columns. */
  signalHeads: string[];
  /** ticks x actors x STATE_FIELDS.length, row-major. */
  states: Float64Array;
  /** ticks x signalHeads: 0 green, 1 yellow, 2 red. */
  signals: Uint8Array;
}

export const SIGNAL_CODES: readonly SignalColour[] = ['green', 'yellow', 'red'];

export interface CollisionEvent {
  kind: 'collision';
  tick: number;
  timeS: number;
  a: string;
  b: string;
  /** Relative speed at contact [m/s]. */
  relativeSpeedMps: number;
}

export interface HardBrakeEvent {
  kind: 'hardBrake';
  tick: number;
  timeS: number;
  actor: string;
  /** Peak deceleration [m/s^2]. */
  decelMps2: number;
}

export interface BehaviourEvent {
  kind: 'behaviour';
  tick: number;
  timeS: number;
  actor: string;
  behaviour: string;
}

export type SimEvent = CollisionEvent | HardBrakeEvent | BehaviourEvent;

export interface ActorMetrics {
  /** Minimum time to collision with the ego vehicle [s]; Infinity if never closing. */
  minTtcS: number;
  minTtcTick: number;
  /** Minimum distance between bounding boxes of the ego and this actor [m]. */
  minDistanceM: number;
  minDistanceTick: number;
}

export interface SimMetrics {
  perActor: Record<string, ActorMetrics>;
  minTtcS: number;
  minDistanceM: number;
  collisions: number;
  hardBrakes: number;
  nearMiss: boolean;
  /** TTC threshold behind nearMiss [s]. */
  nearMissTtcS: number;
}

export interface SimResult {
  trajectory: Trajectory;
  events: SimEvent[];
  metrics: SimMetrics;
}
