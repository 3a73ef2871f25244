/**
 * The simulator's live view of one actor: its physics handles, the state read back after each
 * step, and what its behaviours asked for (a reference path, a lateral profile, a longitudinal
 * mode). Behaviours write these fields; controllers read them.
 */
import type { Body, RaycastVehicle } from 'cannon-es';
import type { ActorKind, Behaviour, Size } from '../scenario/types.js';
import type { Path } from './path.js';
import type { VehicleGeometry, VehicleParams } from './vehicleParams.js';
import type { OrientedBox } from './orientedBox.js';

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

export interface SimActor {
  index: number;
  id: string;
  kind: ActorKind;
  size: Size;
  control: ControlKind;
  body: Body;
  vehicle: RaycastVehicle | null;
  params: VehicleParams | null;
  geometry: VehicleGeometry | null;
  /** People, animals, bicycles: accel and yaw-rate limits of the mover [m/s^2, rad/s]. */
  moverAccelMps2: number;
  moverYawRateRadps: number;
  /** Distance covered per gait cycle [m] (people, animals, pedals). */
  strideM: number;
  gait: 'walk' | 'run';

  // State read back after each step: body centre in the ground plane (x, y) [m], bottom of the
  // box (zBottom) [m], orientation [rad], world velocity [m/s].
  x: number;
  y: number;
  zBottom: number;
  /** Recorded position of the bottom centre of the box (differs from x, y when pitched) [m]. */
  bottomX: number;
  bottomY: number;
  yawRad: number;
  pitchRad: number;
  rollRad: number;
  vx: number;
  vy: number;
  vz: number;
  /** Speed along the heading [m/s] (negative when reversing) and its rate [m/s^2]. */
  speedMps: number;
  accelMps2: number;
  /** Low-pass filtered longitudinal acceleration, for hard-brake detection [m/s^2]. */
  accelFilteredMps2: number;
  box: OrientedBox;

  // What behaviours asked for.
  path: Path | null;
  pathS: number;
  pathT: number;
  /** True when the path ends at a dead end (the actor must stop before it). */
  pathEndsAtRoadEnd: boolean;
  baseT: number;
  manoeuvres: LateralManoeuvre[];
  desiredSpeedMps: number;
  idm: IdmParams | null;
  override: LongitudinalOverride | null;
  parked: boolean;
  stopLines: StopLine[];
  obeySignals: boolean;
  yieldPoints: YieldPoint[];
  speedZones: SpeedZone[];
  /** A person or animal that has arrived stands still. */
  arrived: boolean;
  collided: boolean;

  // Per-tick commands and recorded extras.
  accelCmdMps2: number;
  /** LIGHT bits at the last tick. */
  lights: number;
  steerRad: number;
  wheelSpinRad: number;
  gaitPhase: number;
  door: number;
  doorOpening: { startS: number; durationS: number } | null;
  headlights: boolean;
  hazard: boolean;
  indicator: -1 | 0 | 1;
  /** Turn indicator wish from a turn behaviour: side and the path s where it ends. */
  turnIndicator: { side: -1 | 1; untilS: number } | null;

  /** The actor ahead found by the last leader search (controllers/leader.ts). */
  leader: SimActor | null;
  behaviours: BehaviourSlot[];
  /** Per-tick updates of running behaviours; return false when done. */
  updaters: ((timeS: number) => boolean)[];
}
