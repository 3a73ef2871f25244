/**
 * The simulator's live view of one actor, in groups by who may write them:
 * - identity and `params`: fixed when the world is built (buildWorld.ts), never written after;
 * - `state`: the physical state, read back from the body after each step (readback.ts), set by
 *   the actuators before it (controllers/actuate.ts), collisions marked by metrics.ts, lamps
 *   by simulate.ts at each recorded tick; a behaviour that gives a new path re-bases pathS and
 *   pathT on it (actorPath.ts, behaviours/cross.ts);
 * - `intent`: what the behaviours asked for (a reference path, a lateral profile, a
 *   longitudinal mode), written by behaviour starts and their updaters; control.ts retires what
 *   has run out (finished manoeuvres, a passed turn indicator, an ended override) at one point
 *   of each tick;
 * - `controller`: the controllers' outputs and memory of the last tick (control.ts).
 * The controllers that decide (longitudinal, steering, leader) only read; control.ts applies
 * their decisions to `controller` and `intent`, and the actuators write them into `state`.
 */
import type { Body, RaycastVehicle } from 'cannon-es';
import type { ActorKind, Behaviour, Size } from '../scenario/types.js';
import type { Path } from './path.js';
import type { VehicleGeometry, VehicleParams } from './vehicleParams.js';
import type { OrientedBox } from './orientedBox.js';
import { type ActorState, STATE_FIELDS, type StateField } from './types.js';

/** How the actor moves: a raycast vehicle, a velocity-driven body on a path, or a free body. */
export type ControlKind = 'vehicle' | 'mover' | 'static';

/** Intelligent Driver Model parameters (keepLane). */
export interface IdmParams {
  timeGapS: number;
  minGapM: number;
  maxAccelMps2: number;
  comfortDecelMps2: number;
}

/** A longitudinal override that wins over cruising or car-following while it lasts. */
export type LongitudinalOverride =
  | { kind: 'brake'; decelMps2: number; toSpeedMps: number }
  | { kind: 'rate'; accelMps2: number; toSpeedMps: number }
  /** Stop, then stand for durationS [s] counted from standing still (untilS, once known). */
  | { kind: 'hold'; durationS: number; untilS: number };

/** A lateral manoeuvre relative to the path: a lasting shift or a there-and-back bump [m]. */
export interface LateralManoeuvre {
  shape: 'shift' | 'bump';
  startS: number;
  durationS: number;
  deltaTM: number;
}

/** A point on the path where the actor must stop if a condition holds. */
export interface StopLine {
  pathS: number;
  junctionId: string;
  group: number;
}

/** A point where the actor yields to traffic (roundabout entry, unprotected turn). */
export interface YieldPoint {
  pathS: number;
  /** Where conflicting traffic is judged from [m]. */
  conflictX: number;
  conflictY: number;
  /** Conflicting traffic closer than this in time [s] makes the actor wait. */
  gapAcceptanceS: number;
  /** Distance [m] around the conflict point within which traffic counts. */
  radiusM: number;
}

/** Speed limit on a stretch of the path (a turn connector). */
export interface SpeedZone {
  fromS: number;
  toS: number;
  capMps: number;
}

export interface BehaviourSlot {
  behaviour: Behaviour;
  /** Time the trigger condition first held [s], or NaN. */
  conditionSinceS: number;
  /** Time it started [s], or NaN. */
  startedS: number;
  /** Scratch value of the behaviour's own start condition (NaN until first used). */
  memo: number;
}

/** Fixed when the world is built: how the actor can move. */
export interface ActorParams {
  /** Motor vehicles: drive-train, brake and suspension parameters, and the body layout. */
  readonly vehicle: VehicleParams | null;
  readonly geometry: VehicleGeometry | null;
  /** People, animals, bicycles: accel and yaw-rate limits of the mover [m/s^2, rad/s]. */
  readonly moverAccelMps2: number;
  readonly moverYawRateRadps: number;
  /** Distance covered per gait cycle [m] (people, animals, pedals). */
  readonly strideM: number;
}

/**
 * Recorded fields the live state does not hold as they are: the trajectory has the bottom
 * centre of the box where the live state has the body centre, and a door only on vehicles.
 */
const RECORDED_OTHERWISE = ['x', 'y', 'z', 'door'] as const;
type RecordedAsIs = Exclude<StateField, (typeof RECORDED_OTHERWISE)[number]>;

/**
 * Every other recorded field (STATE_FIELDS) is the live state's own, with the same name, unit
 * and meaning, so the recorder copies it as it is. A new recorded field lands here and must be
 * added to the live state too (ActorLiveState picks these from ActorState).
 */
export const RECORDED_AS_IS: readonly RecordedAsIs[] = STATE_FIELDS.filter((f): f is RecordedAsIs => !(RECORDED_OTHERWISE as readonly string[]).includes(f));

/**
 * Physical state: written by readBack after each step and by the actuators before it. Besides
 * its own fields it has ActorState's orientation [rad], world velocity [m/s], steer angle
 * after the steering-rate limit [rad], wheel spin [rad], LIGHT bits at the last recorded tick,
 * gait phase and door opening 0..1.
 */
export interface ActorLiveState extends Pick<ActorState, RecordedAsIs | 'door'> {
  /** Body centre in the ground plane [m]. */
  x: number;
  y: number;
  /** Bottom of the box [m]. */
  zBottom: number;
  /** Recorded position of the bottom centre of the box (differs from x, y when pitched) [m]. */
  bottomX: number;
  bottomY: number;
  /** Speed along the heading [m/s] (negative when reversing) and its rate [m/s^2]. */
  speedMps: number;
  accelMps2: number;
  /** Low-pass filtered longitudinal acceleration, for hard-brake detection [m/s^2]. */
  accelFilteredMps2: number;
  box: OrientedBox;
  /** Where the actor is on intent.path (s along, t to the left) [m]; re-based with a new path. */
  pathS: number;
  pathT: number;
  /** Hit something (metrics.ts). */
  collided: boolean;
}

/** What the behaviours asked for: written by behaviour starts and their updaters. */
export interface ActorIntent {
  /** Reference path, or null (standing, or a free body). */
  path: Path | null;
  /** True when the path ends at a dead end (the actor must stop before it). */
  pathEndsAtRoadEnd: boolean;
  /** Lateral offset from the path [m] that the manoeuvres add to. */
  baseT: number;
  manoeuvres: LateralManoeuvre[];
  desiredSpeedMps: number;
  idm: IdmParams | null;
  /** Wins over cruising or car-following until control.ts ends it. */
  override: LongitudinalOverride | null;
  parked: boolean;
  stopLines: StopLine[];
  obeySignals: boolean;
  yieldPoints: YieldPoint[];
  speedZones: SpeedZone[];
  gait: 'walk' | 'run';
  doorOpening: { startS: number; durationS: number } | null;
  headlights: boolean;
  hazard: boolean;
  /** Turn indicator wish from a turn behaviour: side and the path s where it ends. */
  turnIndicator: { side: -1 | 1; untilS: number } | null;
}

/** The controllers' outputs and memory (control.ts). */
export interface ControllerState {
  /** Acceleration asked for at the last tick [m/s^2] (brake lights). */
  accelCmdMps2: number;
  /** The actor ahead found by the last leader search (controllers/leader.ts). */
  leader: SimActor | null;
  /** A person or animal that has arrived at the end of its path stands still. */
  arrived: boolean;
}

/**
 * A per-tick update of a running behaviour, at time timeS [s]; it writes the actor's intent
 * only, and returns false when done.
 */
export type BehaviourUpdater = (intent: ActorIntent, timeS: number) => boolean;

export interface SimActor {
  readonly index: number;
  readonly id: string;
  readonly kind: ActorKind;
  readonly size: Size;
  readonly control: ControlKind;
  /** Physics handles: cannon-es integrates them; readBack turns them into `state`. */
  readonly body: Body;
  readonly raycastVehicle: RaycastVehicle | null;
  readonly params: ActorParams;
  readonly state: ActorLiveState;
  readonly intent: ActorIntent;
  readonly controller: ControllerState;
  /** Trigger bookkeeping of each behaviour (triggers.ts). */
  readonly behaviours: BehaviourSlot[];
  /** Updates of running behaviours (control.ts runs them, drops the finished ones). */
  updaters: BehaviourUpdater[];
}
