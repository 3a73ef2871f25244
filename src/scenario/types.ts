/**
 * Types of the scenario pipeline's first two boxes.
 *
 * - `ScenarioSpec`: a validated scenario file. Any leaf may still be a `Distribution` or a
 *   reference (`"$name"`, `"=expr"`), so it is typed loosely as `SpecNode`.
 * - `ScenarioInstance`: one sample of a spec. Every value is concrete and every default is
 *   filled in (see `defaults.ts`), so later stages never test for missing fields.
 *
 * Units are in the names: M metres, S seconds, Mps metres per second, Deg degrees.
 * Road frame: s along the road reference line [m], t lateral, positive to the left [m].
 */

import type {
  ACTOR_KINDS,
  BEHAVIOUR_NAMES,
  AGE_GROUPS,
  ANIMAL_SPECIES,
  DESIGNS,
  FURNITURE_KINDS,
  GAITS,
  MARKINGS,
  MOBILITY_AIDS,
  NAMED_LANES,
  OBJECT_SHAPES,
  SIDES,
  SIGN_TYPES,
  SIGNAL_COLOURS,
  SKIN_TONES,
  SURFACES,
  TURNS,
  VEHICLE_KINDS,
} from './schema.js';

export type ActorKind = (typeof ACTOR_KINDS)[number];
export type VehicleKind = (typeof VEHICLE_KINDS)[number];
export type AgeGroup = (typeof AGE_GROUPS)[number];
export type MobilityAid = (typeof MOBILITY_AIDS)[number];
export type SkinTone = (typeof SKIN_TONES)[number];
export type AnimalSpecies = (typeof ANIMAL_SPECIES)[number];
export type ObjectShape = (typeof OBJECT_SHAPES)[number];
export type FurnitureKind = (typeof FURNITURE_KINDS)[number];
export type SignType = (typeof SIGN_TYPES)[number];
export type Marking = (typeof MARKINGS)[number];
export type NamedLane = (typeof NAMED_LANES)[number];
export type Surface = (typeof SURFACES)[number];
export type Gait = (typeof GAITS)[number];
export type TurnDirection = (typeof TURNS)[number];
export type Side = (typeof SIDES)[number];
export type DesignName = (typeof DESIGNS)[number];

/** A JSON value as it appears in a scenario file. */
export type SpecNode = null | boolean | number | string | SpecNode[] | { [key: string]: SpecNode };

/** A parsed and schema-valid scenario file; leaves may be distributions or references. */
export type ScenarioSpec = { [key: string]: SpecNode };

export type Distribution =
  | { const: number | string | boolean }
  | { uniform: [number, number] }
  | { normal: { mean: number; sd: number } }
  | { truncnormal: { mean: number; sd: number; min: number; max: number } }
  | { int: [number, number] }
  | { choice: (number | string | boolean)[]; weights?: number[] };

/** Lane reference: 1..n forward lanes from the centre line outwards, -1..-m oncoming, or a named lane. */
export type LaneRef = number | NamedLane;

export interface LanePlacement {
  /** "main" or "<blockId>.<arm>". */
  road: string;
  lane: LaneRef;
  /** Along the road reference line [m]. */
  s: number;
  /** From the lane centre, positive left [m]. */
  offsetM: number;
  /** Relative to the lane's direction of travel [deg]. */
  headingDeg: number;
}

export interface RelativePlacement {
  relativeTo: string;
  aheadM: number;
  leftM: number;
  headingDeg: number;
}

export type Placement = LanePlacement | RelativePlacement;

export interface Trigger {
  atS?: number;
  egoWithinM?: number;
  egoAheadWithinM?: number;
  ttcBelowS?: number;
  actorWithinM?: { actor: string; distanceM: number };
  afterPreviousS?: number;
  delayS?: number;
}

interface BehaviourBase {
  trigger?: Trigger;
}

export type Behaviour = BehaviourBase &
  (
    | { do: 'keepLane'; speedMps?: number; timeGapS?: number; minGapM?: number; maxAccelMps2?: number; comfortDecelMps2?: number }
    | { do: 'brake'; decelMps2: number; toSpeedMps?: number }
    | { do: 'accelerate'; toSpeedMps: number; accelMps2?: number }
    | { do: 'laneChange'; toLane: number; lateralSpeedMps?: number; durationS?: number }
    | { do: 'cutIn'; gapM: number; lateralSpeedMps?: number; relativeSpeedMps?: number }
    | { do: 'turn'; at: string; direction?: TurnDirection; exit?: number; speedMps?: number; gapAcceptanceS?: number }
    | { do: 'signals'; obey: boolean }
    | { do: 'wrongWay'; speedMps?: number }
    | { do: 'park'; hazardLights?: boolean }
    | { do: 'openDoor'; side?: Side; durationS?: number }
    | { do: 'swerve'; offsetM: number; durationS?: number }
    | { do: 'cross'; speedMps?: number; gait?: Gait; angleDeg?: number; stopAtT?: number }
    | { do: 'walk'; path: { s: number; t: number }[]; speedMps?: number; gait?: Gait }
    | { do: 'stop'; durationS?: number }
  );

export type BehaviourName = Behaviour['do'];
/** The schema's list of behaviour names is exactly the Behaviour union's (checked by the compiler). */
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const behaviourNamesMatch: SameSet<(typeof BEHAVIOUR_NAMES)[number], BehaviourName> = true;
void behaviourNamesMatch;

/**
 * The moment a scenario is about. `offsetS` [s] shifts the clip centre from the event
 * (default 0). Actor ids may be "ego".
 */
export type FocusEvent =
  | { kind: 'behaviour'; actor: string; behaviour: BehaviourName; offsetS: number }
  /** The door of `actor` is half open. */
  | { kind: 'door'; actor: string; offsetS: number }
  /** The first collision of `actor` (with `with`); any collision when neither is given. */
  | { kind: 'collision'; actor?: string; with?: string; offsetS: number }
  /** A signal head of junction `junction` (only "<junction>/<head>" when head is given) first shows `colour`. */
  | { kind: 'signal'; junction: string; head?: string; colour: (typeof SIGNAL_COLOURS)[number]; offsetS: number };

/** What a scenario is about: the actors its edge case concerns and the moment it happens. */
export interface ScenarioFocus {
  /** Focus actor ids (never "ego"); may be empty. */
  actors: string[];
  event?: FocusEvent;
}

export interface Size {
  lengthM: number;
  widthM: number;
  heightM: number;
}

export interface PersonLook {
  heightM: number;
  ageGroup: AgeGroup;
  mobilityAid: MobilityAid;
  skinTone: SkinTone;
  topColour: string;
  bottomColour: string;
}

export interface ActorInstance {
  id: string;
  kind: ActorKind;
  place: Placement;
  speedMps: number;
  colour: string;
  size: Size;
  /** Present for pedestrians and bicycles (the rider). */
  person?: PersonLook;
  animal?: { species: AnimalSpecies };
  object?: { shape: ObjectShape };
  /** highBeams: high instead of low beams while the headlights are on. */
  lights: { headlights: boolean | 'auto'; hazard: boolean; highBeams: boolean };
  behaviours: Behaviour[];
}

export interface CameraRig {
  widthPx: number;
  heightPx: number;
  /** Horizontal field of view [deg]. */
  fovDeg: number;
  heightM: number;
  forwardM: number;
  /** Positive looks down [deg]. */
  pitchDeg: number;
  noise: number;
  motionBlur: number;
  lensDrops: number;
}

export interface EgoInstance {
  kind: VehicleKind;
  place: Placement;
  speedMps: number;
  colour: string;
  size: Size;
  behaviours: Behaviour[];
  camera: CameraRig;
  /** High instead of low beams. */
  lights: { highBeams: boolean };
}

export type RoadBlock =
  | { kind: 'straight'; id: string; lengthM: number }
  | { kind: 'curve'; id: string; radiusM: number; angleDeg: number; direction: Side; transitionM: number }
  | { kind: 'shift'; id: string; lengthM: number; offsetM: number }
  | {
      kind: 'junction';
      id: string;
      shape: 't' | 'four-way';
      side: Side;
      signals: boolean;
      armLengthM: number;
      greenS: number;
      yellowS: number;
      allRedS: number;
      offsetS: number;
    }
  | { kind: 'roundabout'; id: string; radiusM: number; arms: number; exitArm: number; lanes: number; armLengthM: number }
  | { kind: 'tunnel'; id: string; lengthM: number; lightLevel: number };

export interface FurnitureItem {
  kind: FurnitureKind;
  sign?: SignType;
  s: number;
  toS?: number;
  spacingM?: number;
  side?: Side;
  t?: number;
}

export interface RoadSpec {
  lanes: { forward: number; backward: number; widthM: number };
  markings: { centre: Marking; lanes: Marking; edge: Marking };
  parking: { left: boolean; right: boolean; widthM: number };
  sidewalks: { left: boolean; right: boolean; widthM: number; kerbHeightM: number };
  shoulderM: number;
  speedLimitMps: number;
  surface: Surface;
  /** Friction override; undefined: from the surface. */
  frictionMu?: number;
  setting: 'urban' | 'suburban' | 'rural' | 'highway';
  blocks: RoadBlock[];
  crosswalks: { s: number; widthM: number }[];
  furniture: FurnitureItem[];
}

export interface Weather {
  rain: number;
  snow: number;
  fogVisibilityM: number;
  cloudCover: number;
  wetness: number;
  puddles: number;
  snowCover: number;
}

export interface Light {
  timeOfDayH: number;
  sunElevationDeg: number;
  sunAzimuthDeg: number;
  streetLights: boolean;
  exposureEv: number;
  glare: number;
}

export interface ScenarioInstance {
  version: 1;
  name: string;
  simulation: { durationS: number; dtS: number; nearMissTtcS: number };
  road: RoadSpec;
  weather: Weather;
  light: Light;
  ego: EgoInstance;
  actors: ActorInstance[];
  /** Always present; `actors` may be empty and `event` absent. */
  focus: ScenarioFocus;
}

/** Value of one sampled dimension or named parameter, as recorded in the manifest. */
export type ParamValue = number | string | boolean;

/** A sample: the concrete instance with where it came from. */
export interface SampledInstance {
  index: number;
  seed: number;
  design: DesignName;
  /** Stable content hash of `instance` (hex). */
  hash: string;
  /** Named parameters and every inline distribution, keyed by name or JSON pointer. */
  parameters: Record<string, ParamValue>;
  /** Rejection tries used (1 = accepted at first draw). */
  tries: number;
  /**
   * Importance weight: density under the declared distributions over the density of the
   * proposal that drew it (design "search"); absent for the other designs, whose weight is 1.
   */
  weight?: number;
  instance: ScenarioInstance;
}
