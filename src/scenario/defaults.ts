/**
 * Fills every default of a resolved scenario (all distributions and references already
 * replaced by concrete values), giving a complete `ScenarioInstance`. Later stages never test
 * for missing fields. Every default here is listed in docs/grammar.md; keep the two in step.
 */
import type {
  ActorInstance,
  ActorKind,
  AgeGroup,
  AnimalSpecies,
  Behaviour,
  CameraRig,
  EgoInstance,
  FocusEvent,
  FurnitureItem,
  Light,
  MobilityAid,
  NamedLane,
  ObjectShape,
  PersonLook,
  Placement,
  RoadBlock,
  RoadSpec,
  ScenarioFocus,
  ScenarioInstance,
  SignType,
  Size,
  SpecNode,
  VehicleKind,
  Weather,
} from './types.js';

export const DEFAULT_FORWARD_LANES = 1;
export const DEFAULT_BACKWARD_LANES = 1;
export const DEFAULT_LANE_WIDTH_M = 3.5;
/** 100 Hz: raycast-vehicle suspensions in cannon-es stay stable at this step. */
export const DEFAULT_DT_S = 1 / 100;
export const DEFAULT_DURATION_S = 10;
export const DEFAULT_NEAR_MISS_TTC_S = 1.5;
/** Latitude of the simple solar model [deg]; the road at s = 0 is taken to head north. */
export const SOLAR_LATITUDE_DEG = 45;

export const DEFAULT_ROUNDABOUT_ARMS = 4;
export const DEFAULT_JUNCTION_SIDE = 'right';

/** Id of a road block written without one. */
export function defaultBlockId(index: number): string {
  return `b${index}`;
}

type Setting = RoadSpec['setting'];

/** Speed limit by roadside setting [m/s]: 50, 60, 80 and 120 km/h. */
const SPEED_LIMIT_MPS: Record<Setting, number> = { urban: 50 / 3.6, suburban: 60 / 3.6, rural: 80 / 3.6, highway: 120 / 3.6 };
const SHOULDER_M: Record<Setting, number> = { urban: 0, suburban: 0, rural: 0.5, highway: 2.5 };
const SIDEWALKS: Record<Setting, boolean> = { urban: true, suburban: true, rural: false, highway: false };

/** Vehicle sizes by kind [m]. The bicycle height is replaced by its rider's (see below). */
export const KIND_SIZES: Record<Exclude<ActorKind, 'pedestrian' | 'animal' | 'object'>, Size> = {
  car: { lengthM: 4.5, widthM: 1.8, heightM: 1.5 },
  van: { lengthM: 5.2, widthM: 2.0, heightM: 2.3 },
  truck: { lengthM: 9, widthM: 2.5, heightM: 3.5 },
  bus: { lengthM: 12, widthM: 2.55, heightM: 3.2 },
  motorcycle: { lengthM: 2.1, widthM: 0.8, heightM: 1.4 },
  bicycle: { lengthM: 1.8, widthM: 0.6, heightM: 1.8 },
};

export const ANIMAL_SIZES: Record<AnimalSpecies, Size> = {
  deer: { lengthM: 1.6, widthM: 0.45, heightM: 1.5 },
  dog: { lengthM: 0.9, widthM: 0.3, heightM: 0.6 },
  boar: { lengthM: 1.4, widthM: 0.5, heightM: 0.9 },
  cow: { lengthM: 2.4, widthM: 0.8, heightM: 1.5 },
  horse: { lengthM: 2.4, widthM: 0.7, heightM: 1.7 },
  fox: { lengthM: 0.9, widthM: 0.25, heightM: 0.45 },
  moose: { lengthM: 2.8, widthM: 0.9, heightM: 2.1 },
};

export const OBJECT_SIZES: Record<ObjectShape, Size> = {
  cone: { lengthM: 0.35, widthM: 0.35, heightM: 0.7 },
  barrier: { lengthM: 0.4, widthM: 2.0, heightM: 1.0 },
  box: { lengthM: 0.6, widthM: 0.4, heightM: 0.4 },
  tyre: { lengthM: 0.7, widthM: 0.7, heightM: 0.25 },
  barrel: { lengthM: 0.6, widthM: 0.6, heightM: 0.9 },
  debris: { lengthM: 1.0, widthM: 0.8, heightM: 0.3 },
  ball: { lengthM: 0.22, widthM: 0.22, heightM: 0.22 },
  pallet: { lengthM: 1.2, widthM: 0.8, heightM: 0.15 },
};

/** Body height by age group [m]. */
export const PERSON_HEIGHT_M: Record<AgeGroup, number> = { child: 1.2, adult: 1.75, elderly: 1.65 };

/** Footprint of a 1.75 m adult's body [m]; it scales with body height. */
const BODY_FOOTPRINT_M = { lengthM: 0.3, widthM: 0.5 };
/** Footprint of a mobility aid with its user [m]; the box is the larger of body and aid. */
const AID_FOOTPRINT_M: Record<MobilityAid, { lengthM: number; widthM: number }> = {
  none: { lengthM: 0, widthM: 0 },
  cane: { lengthM: 0.5, widthM: 0.5 },
  walker: { lengthM: 0.8, widthM: 0.65 },
  stroller: { lengthM: 1.4, widthM: 0.6 },
  wheelchair: { lengthM: 1.1, widthM: 0.7 },
};

/** A seated wheelchair user's height as a share of body height. */
const SEATED_HEIGHT_SHARE = 0.75;

const KIND_COLOURS: Record<Exclude<ActorKind, 'animal' | 'object'>, string> = {
  car: 'silver',
  van: 'white',
  truck: 'white',
  bus: 'white',
  motorcycle: 'black',
  bicycle: 'black',
  pedestrian: 'blue',
};

const ANIMAL_COLOURS: Record<AnimalSpecies, string> = {
  deer: 'brown',
  dog: 'brown',
  boar: 'black',
  cow: 'white',
  horse: 'brown',
  fox: 'orange',
  moose: 'brown',
};

const OBJECT_COLOURS: Record<ObjectShape, string> = {
  cone: 'orange',
  barrier: 'red',
  box: 'brown',
  tyre: 'black',
  barrel: 'orange',
  debris: 'grey',
  ball: 'red',
  pallet: 'tan',
};

export const DEFAULT_CAMERA: CameraRig = {
  widthPx: 1280,
  heightPx: 720,
  fovDeg: 90,
  heightM: 1.5,
  forwardM: 1.0,
  pitchDeg: 0,
  noise: 0,
  motionBlur: 0,
  lensDrops: 0,
};

// ---------------------------------------------------------------- reading resolved values

type Obj = { [key: string]: SpecNode };

/** Typed access to a resolved node; a wrong type here is a bug upstream, not a user error. */
class Reader {
  constructor(
    readonly node: Obj,
    readonly pointer: string,
  ) {}

  static of(node: SpecNode | undefined, pointer: string): Reader {
    if (node === undefined || node === null) return new Reader({}, pointer);
    if (typeof node !== 'object' || Array.isArray(node)) throw fault(pointer, 'a mapping', node);
    return new Reader(node, pointer);
  }

  has(key: string): boolean {
    return this.node[key] !== undefined && this.node[key] !== null;
  }

  child(key: string): Reader {
    return Reader.of(this.node[key], `${this.pointer}/${key}`);
  }

  list(key: string): Reader[] {
    const v = this.node[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw fault(`${this.pointer}/${key}`, 'a list', v);
    return v.map((x, i) => Reader.of(x, `${this.pointer}/${key}/${i}`));
  }

  num(key: string, fallback?: number): number {
    const v = this.node[key];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw fault(`${this.pointer}/${key}`, 'a finite number', v);
    return v;
  }

  optNum(key: string): number | undefined {
    return this.has(key) ? this.num(key) : undefined;
  }

  str<T extends string>(key: string, fallback?: T): T {
    const v = this.node[key];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    if (typeof v !== 'string') throw fault(`${this.pointer}/${key}`, 'a string', v);
    return v as T;
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.node[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') throw fault(`${this.pointer}/${key}`, 'true or false', v);
    return v;
  }
}

function fault(pointer: string, expected: string, got: SpecNode | undefined): Error {
  return new TypeError(`applyDefaults: ${pointer || '/'} must be ${expected} after sampling, got ${JSON.stringify(got)}`);
}

// ---------------------------------------------------------------- the instance

/** Completes a resolved scenario with every default. */
export function applyDefaults(resolved: SpecNode): ScenarioInstance {
  const root = Reader.of(resolved, '');
  const road = roadOf(root.child('road'));
  const weather = weatherOf(root.child('weather'));
  const sim = root.child('simulation');
  return {
    version: 1,
    name: root.str('name', 'unnamed scenario'),
    simulation: {
      durationS: sim.num('durationS', DEFAULT_DURATION_S),
      dtS: sim.num('dtS', DEFAULT_DT_S),
      nearMissTtcS: sim.num('nearMissTtcS', DEFAULT_NEAR_MISS_TTC_S),
    },
    road,
    weather,
    light: lightOf(root.child('light')),
    ego: egoOf(root.child('ego')),
    actors: root.list('actors').map(actorOf),
    focus: focusOf(root.child('focus')),
  };
}

/** The focus; without `actors`, the actor(s) its event names (never the ego). */
function focusOf(f: Reader): ScenarioFocus {
  const event = f.has('event') ? focusEventOf(f.child('event')) : undefined;
  let actors: string[];
  const written = f.node.actors;
  if (typeof written === 'string') actors = [written];
  else if (Array.isArray(written)) {
    actors = written.map((a, i) => {
      if (typeof a !== 'string') throw fault(`${f.pointer}/actors/${i}`, 'an actor id', a);
      return a;
    });
  } else {
    const named = event === undefined || event.kind === 'signal' ? [] : event.kind === 'collision' ? [event.actor, event.with] : [event.actor];
    actors = named.filter((a): a is string => a !== undefined && a !== 'ego');
  }
  return event === undefined ? { actors } : { actors, event };
}

function focusEventOf(e: Reader): FocusEvent {
  const kind = e.str<FocusEvent['kind']>('kind');
  const offsetS = e.num('offsetS', 0);
  switch (kind) {
    case 'behaviour':
      return { kind, actor: e.str('actor'), behaviour: e.str('behaviour'), offsetS };
    case 'door':
      return { kind, actor: e.str('actor'), offsetS };
    case 'collision': {
      const ev: FocusEvent = { kind, offsetS };
      if (e.has('actor')) ev.actor = e.str('actor');
      if (e.has('with')) ev.with = e.str('with');
      return ev;
    }
    case 'signal': {
      const ev: FocusEvent = { kind, junction: e.str('junction'), colour: e.str('colour'), offsetS };
      if (e.has('head')) ev.head = e.str('head');
      return ev;
    }
    default:
      throw fault(`${e.pointer}/kind`, 'a focus event kind', kind);
  }
}

function roadOf(r: Reader): RoadSpec {
  const setting = r.str<Setting>('setting', 'urban');
  const lanes = r.child('lanes');
  const markings = r.child('markings');
  const parking = r.child('parking');
  const sidewalks = r.child('sidewalks');
  const spec: RoadSpec = {
    lanes: {
      forward: lanes.num('forward', DEFAULT_FORWARD_LANES),
      backward: lanes.num('backward', DEFAULT_BACKWARD_LANES),
      widthM: lanes.num('widthM', DEFAULT_LANE_WIDTH_M),
    },
    markings: {
      centre: markings.str('centre', 'dashed'),
      lanes: markings.str('lanes', 'dashed'),
      edge: markings.str('edge', 'solid'),
    },
    parking: { left: parking.bool('left', false), right: parking.bool('right', false), widthM: parking.num('widthM', 2.5) },
    sidewalks: {
      left: sidewalks.bool('left', SIDEWALKS[setting]),
      right: sidewalks.bool('right', SIDEWALKS[setting]),
      widthM: sidewalks.num('widthM', 2.0),
      kerbHeightM: sidewalks.num('kerbHeightM', 0.15),
    },
    shoulderM: r.num('shoulderM', SHOULDER_M[setting]),
    speedLimitMps: r.num('speedLimitMps', SPEED_LIMIT_MPS[setting]),
    surface: r.str('surface', 'auto'),
    setting,
    blocks: r.list('blocks').map(blockOf),
    crosswalks: r.list('crosswalks').map((c) => ({ s: c.num('s'), widthM: c.num('widthM', 4) })),
    furniture: r.list('furniture').map(furnitureOf),
  };
  const mu = r.optNum('frictionMu');
  if (mu !== undefined) spec.frictionMu = mu;
  return spec;
}

function blockOf(b: Reader, index: number): RoadBlock {
  const id = b.str('id', defaultBlockId(index));
  const kind = b.str<RoadBlock['kind']>('kind');
  switch (kind) {
    case 'straight':
      return { kind, id, lengthM: b.num('lengthM') };
    case 'curve':
      return {
        kind,
        id,
        radiusM: b.num('radiusM'),
        angleDeg: b.num('angleDeg'),
        direction: b.str('direction'),
        transitionM: b.num('transitionM', 0),
      };
    case 'shift':
      return { kind, id, lengthM: b.num('lengthM'), offsetM: b.num('offsetM') };
    case 'junction':
      return {
        kind,
        id,
        shape: b.str('shape'),
        side: b.str('side', DEFAULT_JUNCTION_SIDE),
        signals: b.bool('signals', false),
        armLengthM: b.num('armLengthM', 60),
        greenS: b.num('greenS', 20),
        yellowS: b.num('yellowS', 3),
        allRedS: b.num('allRedS', 2),
        offsetS: b.num('offsetS', 0),
      };
    case 'roundabout':
      return {
        kind,
        id,
        radiusM: b.num('radiusM', 15),
        arms: b.num('arms', DEFAULT_ROUNDABOUT_ARMS),
        exitArm: b.num('exitArm', 2),
        lanes: b.num('lanes', 1),
        armLengthM: b.num('armLengthM', 60),
      };
    case 'tunnel':
      return { kind, id, lengthM: b.num('lengthM'), lightLevel: b.num('lightLevel', 0.5) };
    default:
      throw fault(`${b.pointer}/kind`, 'a block kind', kind);
  }
}

function furnitureOf(f: Reader): FurnitureItem {
  const item: FurnitureItem = { kind: f.str('kind'), s: f.num('s') };
  if (f.has('sign')) item.sign = f.str<SignType>('sign');
  if (f.has('toS')) item.toS = f.num('toS');
  if (f.has('spacingM')) item.spacingM = f.num('spacingM');
  if (f.has('t')) item.t = f.num('t');
  else item.side = f.str('side', 'right');
  return item;
}

function weatherOf(w: Reader): Weather {
  const rain = w.num('rain', 0);
  const snow = w.num('snow', 0);
  return {
    rain,
    snow,
    fogVisibilityM: w.num('fogVisibilityM', 100000),
    cloudCover: w.num('cloudCover', Math.max(rain, snow)),
    // Rain wets the road and snow settles unless the file says otherwise.
    wetness: w.num('wetness', rain),
    puddles: w.num('puddles', 0),
    snowCover: w.num('snowCover', snow),
  };
}

/**
 * Sun position from local solar time at the equinox and latitude `SOLAR_LATITUDE_DEG`:
 * sunrise 6 h, noon elevation 45 deg, sunset 18 h. Azimuth is clockwise from north, which is
 * the road direction at s = 0 (so the noon sun is behind the ego vehicle).
 */
export function sunFromTimeOfDay(timeOfDayH: number): { elevationDeg: number; azimuthDeg: number } {
  const lat = (SOLAR_LATITUDE_DEG * Math.PI) / 180;
  const hourAngle = ((timeOfDayH - 12) * 15 * Math.PI) / 180;
  const elevation = Math.asin(Math.cos(lat) * Math.cos(hourAngle));
  const azimuth = Math.atan2(Math.sin(hourAngle), Math.cos(hourAngle) * Math.sin(lat)) + Math.PI;
  const azimuthDeg = ((((azimuth * 180) / Math.PI) % 360) + 360) % 360;
  return { elevationDeg: (elevation * 180) / Math.PI, azimuthDeg };
}

function lightOf(l: Reader): Light {
  const timeOfDayH = l.num('timeOfDayH', 12);
  const sun = sunFromTimeOfDay(timeOfDayH);
  const sunElevationDeg = l.num('sunElevationDeg', sun.elevationDeg);
  return {
    timeOfDayH,
    sunElevationDeg,
    sunAzimuthDeg: l.num('sunAzimuthDeg', sun.azimuthDeg),
    streetLights: l.bool('streetLights', sunElevationDeg < 0),
    exposureEv: l.num('exposureEv', 0),
    glare: l.num('glare', 0),
  };
}

function placementOf(p: Reader): Placement {
  if (p.has('relativeTo')) {
    return { relativeTo: p.str('relativeTo'), aheadM: p.num('aheadM', 0), leftM: p.num('leftM', 0), headingDeg: p.num('headingDeg', 0) };
  }
  const lane = p.node.lane;
  return {
    road: p.str('road', 'main'),
    lane: typeof lane === 'string' ? p.str<NamedLane>('lane') : p.num('lane', 1),
    s: p.num('s'),
    offsetM: p.num('offsetM', 0),
    headingDeg: p.num('headingDeg', 0),
  };
}

function behavioursOf(r: Reader): Behaviour[] {
  // Behaviour parameters keep their own defaults in the simulator; the resolved values are
  // already concrete, so they are taken as written.
  return r.list('behaviours').map((b) => b.node as unknown as Behaviour);
}

function cameraOf(c: Reader): CameraRig {
  const rig = { ...DEFAULT_CAMERA };
  for (const key of Object.keys(rig) as (keyof CameraRig)[]) rig[key] = c.num(key, DEFAULT_CAMERA[key]);
  return rig;
}

function sizeOf(base: Size, override: Reader): Size {
  return {
    lengthM: override.num('lengthM', base.lengthM),
    widthM: override.num('widthM', base.widthM),
    heightM: override.num('heightM', base.heightM),
  };
}

function egoOf(e: Reader): EgoInstance {
  const kind = e.str<VehicleKind>('kind', 'car');
  return {
    kind,
    place: placementOf(e.child('place')),
    speedMps: e.num('speedMps', 0),
    colour: e.str('colour', 'white'),
    size: { ...KIND_SIZES[kind] },
    behaviours: behavioursOf(e),
    camera: cameraOf(e.child('camera')),
    lights: { highBeams: e.child('lights').bool('highBeams', false) },
  };
}

function personOf(p: Reader): PersonLook {
  const ageGroup = p.str<AgeGroup>('ageGroup', 'adult');
  return {
    heightM: p.num('heightM', PERSON_HEIGHT_M[ageGroup]),
    ageGroup,
    mobilityAid: p.str('mobilityAid', 'none'),
    skinTone: p.str('skinTone', 'III'),
    topColour: p.str('topColour', 'blue'),
    bottomColour: p.str('bottomColour', 'grey'),
  };
}

/** A person's bounding box [m] from body height and mobility aid. */
export function personSize(person: PersonLook): Size {
  const scale = person.heightM / PERSON_HEIGHT_M.adult;
  const aid = AID_FOOTPRINT_M[person.mobilityAid];
  return {
    lengthM: Math.max(BODY_FOOTPRINT_M.lengthM * scale, aid.lengthM),
    widthM: Math.max(BODY_FOOTPRINT_M.widthM * scale, aid.widthM),
    heightM: person.mobilityAid === 'wheelchair' ? person.heightM * SEATED_HEIGHT_SHARE : person.heightM,
  };
}

function actorOf(a: Reader): ActorInstance {
  const kind = a.str<ActorKind>('kind');
  let size: Size;
  let colour: string;
  const extra: Pick<ActorInstance, 'person' | 'animal' | 'object'> = {};
  switch (kind) {
    case 'pedestrian': {
      const person = personOf(a.child('person'));
      extra.person = person;
      size = personSize(person);
      colour = a.str('colour', person.topColour);
      break;
    }
    case 'bicycle': {
      const person = personOf(a.child('person'));
      extra.person = person;
      // The rider sits about 0.55 m up and shows 70 % of their height above the saddle line.
      size = { ...KIND_SIZES.bicycle, heightM: 0.55 + 0.7 * person.heightM };
      colour = a.str('colour', KIND_COLOURS.bicycle);
      break;
    }
    case 'animal': {
      const species = a.child('animal').str<AnimalSpecies>('species', 'deer');
      extra.animal = { species };
      size = { ...ANIMAL_SIZES[species] };
      colour = a.str('colour', ANIMAL_COLOURS[species]);
      break;
    }
    case 'object': {
      const shape = a.child('object').str<ObjectShape>('shape', 'box');
      extra.object = { shape };
      size = { ...OBJECT_SIZES[shape] };
      colour = a.str('colour', OBJECT_COLOURS[shape]);
      break;
    }
    default:
      if (!(kind in KIND_SIZES)) throw fault(`${a.pointer}/kind`, 'an actor kind', kind);
      size = { ...KIND_SIZES[kind] };
      colour = a.str('colour', KIND_COLOURS[kind]);
  }
  const lights = a.child('lights');
  return {
    id: a.str('id'),
    kind,
    place: placementOf(a.child('place')),
    speedMps: a.num('speedMps', 0),
    colour,
    size: sizeOf(size, a.child('size')),
    ...extra,
    lights: { headlights: lights.has('headlights') ? lights.bool('headlights', false) : 'auto', hazard: lights.bool('hazard', false), highBeams: lights.bool('highBeams', false) },
    behaviours: behavioursOf(a),
  };
}
