/**
 * The scenario grammar as one JSON Schema (draft 2020-12): the single source of the scenario
 * model. `npm run schema` writes from it `scenarios/scenario.schema.json` (for editors), the
 * instance types `types.generated.ts` and the reference tables of docs/grammar.md; a test
 * fails when any of them is stale.
 *
 * Adding a key is one edit here: its schema, its `default` when the default is a fixed value
 * (applyDefaults takes it from there), or `derived(...)` when a rule of `defaults.ts` computes it.
 * Notes (`schemaNotes.ts`) name the instance types and mark what JSON Schema cannot say.
 *
 * Any number or enumerated choice may instead be a distribution or a parameter reference; the
 * helpers `num`, `int`, `oneOfStrings`, `bool` and `colour` encode that rule once.
 */
import { note, type SchemaNode, valueList } from './schemaNotes.js';

type Json = SchemaNode;

export const SCHEMA_ID = 'https://roadsynth.dev/schema/scenario.schema.json';

// ---------------------------------------------------------------- value lists

export const VEHICLE_KINDS = valueList('VehicleKind', ['car', 'van', 'truck', 'bus', 'motorcycle']);
export const ACTOR_KINDS = valueList('ActorKind', [...VEHICLE_KINDS, 'bicycle', 'pedestrian', 'animal', 'object']);
export const AGE_GROUPS = valueList('AgeGroup', ['child', 'adult', 'elderly']);
export const MOBILITY_AIDS = valueList('MobilityAid', ['none', 'wheelchair', 'stroller', 'cane', 'walker']);
export const SKIN_TONES = valueList('SkinTone', ['I', 'II', 'III', 'IV', 'V', 'VI']);
export const ANIMAL_SPECIES = valueList('AnimalSpecies', ['deer', 'dog', 'boar', 'cow', 'horse', 'fox', 'moose']);
export const OBJECT_SHAPES = valueList('ObjectShape', ['cone', 'barrier', 'box', 'tyre', 'barrel', 'debris', 'ball', 'pallet']);
export const FURNITURE_KINDS = valueList('FurnitureKind', ['streetlight', 'sign', 'cone', 'barrier', 'tree', 'pole', 'bollard', 'building']);
export const SIGN_TYPES = valueList('SignType', ['stop', 'yield', 'speed-limit', 'pedestrian-crossing', 'roadworks', 'animal', 'no-entry']);
export const MARKINGS = valueList('Marking', ['none', 'solid', 'dashed', 'double-solid']);
export const NAMED_LANES = valueList('NamedLane', ['parking-left', 'parking-right', 'sidewalk-left', 'sidewalk-right', 'shoulder-left', 'shoulder-right']);
export const SURFACES = valueList('Surface', ['auto', 'dry', 'wet', 'snow', 'ice']);
export const ROAD_SETTINGS = valueList('RoadSetting', ['urban', 'suburban', 'rural', 'highway']);
export const GAITS = valueList('Gait', ['walk', 'run']);
export const TURNS = valueList('TurnDirection', ['left', 'right', 'straight']);
export const SIDES = valueList('Side', ['left', 'right']);
export const SIGNAL_COLOURS = valueList('SignalColour', ['green', 'yellow', 'red']);
/** Designs that need nothing but the scenario (the studio offers these). */
export const SAMPLING_DESIGNS = ['random', 'grid', 'lhs', 'sobol', 'pairwise'] as const;
/** Every sweep design; "search" replays the samples `roadsynth search` wrote into the file. */
export const DESIGNS = valueList('DesignName', [...SAMPLING_DESIGNS, 'search']);

// ---------------------------------------------------------------- building blocks

const ref = (name: string): Json => ({ $ref: `#/$defs/${name}` });

/** A default that a rule of `defaults.ts` computes from other values; `how` is the docs' wording. */
interface Derived {
  derived: string;
  mayBeAbsent?: boolean;
  tsType?: string;
}

export function derived(how: string, options: Omit<Derived, 'derived'> = {}): Derived {
  return { derived: how, ...options };
}

/** A fixed default (the schema's `default` keyword) or a derived one. */
type Default = number | string | boolean | Derived;

function withDefault(node: Json, dflt: Default | undefined): Json {
  if (dflt === undefined) return node;
  return typeof dflt === 'object' ? note(node, dflt) : { ...node, default: dflt };
}

const REQUIRED = new WeakSet<Json>();

/** Marks a key of an `obj` as required. A copy, so a shared node stays optional where else it is used. */
function required(node: Json): Json {
  const copy = { ...node };
  REQUIRED.add(copy);
  return copy;
}

const requiredKeys = (properties: Record<string, Json>): string[] => Object.keys(properties).filter((k) => REQUIRED.has(properties[k]));

/** A choice among values, written where a single value of `items` may stand; sampling resolves it. */
function choiceOf(items: Json, bounds: Json = {}): Json {
  const choice = { type: 'array', minItems: 1, ...bounds, items };
  return note({ type: 'object', required: ['choice'], additionalProperties: false, properties: { choice, weights: ref('weights') } }, { sampled: true });
}

type Bounds = { minimum?: number; maximum?: number; exclusiveMinimum?: number };

/** A number [unit in description] or a distribution or a `$param` / `=expr` reference. */
function num(description: string, bounds: Bounds = {}, dflt?: Default): Json {
  return withDefault({ description, anyOf: [{ type: 'number', ...bounds }, ref('distribution'), ref('reference')] }, dflt);
}

/** An integer, or an integer distribution, or a reference. */
function int(description: string, bounds: Bounds = {}, dflt?: Default): Json {
  return withDefault({ description, anyOf: [{ type: 'integer', ...bounds }, ref('distribution'), ref('reference')] }, dflt);
}

/** One of the listed strings, or a choice among them, or a reference. */
function oneOfStrings(description: string, values: readonly string[], dflt?: Default): Json {
  const anyOf = [{ type: 'string', enum: values }, choiceOf({ type: 'string', enum: values }, { maxItems: 1000 }), ref('reference')];
  return withDefault({ description, anyOf }, dflt);
}

function bool(description: string, dflt?: Default): Json {
  return withDefault({ description, anyOf: [{ type: 'boolean' }, choiceOf({ type: 'boolean' }), ref('reference')] }, dflt);
}

function colour(dflt?: Default): Json {
  const name = { type: 'string', pattern: '^(#[0-9a-fA-F]{6}|[a-z]+)$', maxLength: 32 };
  const description = 'A colour: a CSS-like name (white, black, red, ...) or #rrggbb, or a choice among them.';
  return withDefault({ description, anyOf: [name, choiceOf(name), ref('reference')] }, dflt);
}

/** A mapping with the given keys and no others; `extra` adds keywords such as `default: {}`. */
function obj(description: string, properties: Record<string, Json>, extra: Json = {}): Json {
  return { type: 'object', description, additionalProperties: false, required: requiredKeys(properties), properties, ...extra };
}

/** A list of `items`; absent means empty. */
const listOf = (items: Json, bounds: Json, extra: Json = {}): Json => ({ type: 'array', ...bounds, items, default: [], ...extra });

/** One shape of a tagged union: its description and its keys besides the tag. */
interface Shape {
  description: string;
  properties: Record<string, Json>;
}

const shape = (description: string, properties: Record<string, Json>): Shape => ({ description, properties });

/** A union of mappings picked by the constant value of `tag`, one shape per value. */
function tagged(tag: string, shapes: Record<string, Shape>, common: Record<string, Json> = {}): Json {
  const variants = Object.entries(shapes).map(([value, s]) => obj(s.description, { [tag]: required({ const: value }), ...common, ...s.properties }));
  return { oneOf: variants, discriminator: { propertyName: tag } };
}

const idPattern = '^[A-Za-z_][A-Za-z0-9_-]{0,63}$';
const id = (description?: string): Json => ({ type: 'string', pattern: idPattern, ...(description ? { description } : {}) });

// ---------------------------------------------------------------- placement and behaviours

const trigger = note(
  {
    description: 'When a behaviour starts. Without a trigger it starts at time 0. Several conditions are combined with "all".',
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      atS: num('Simulation time [s] at which the behaviour starts.', { minimum: 0 }),
      egoWithinM: num('Starts when the ego vehicle comes within this distance [m] (centre to centre).', { minimum: 0 }),
      egoAheadWithinM: num('Starts when the ego vehicle is behind this actor by less than this distance along the road [m].', { minimum: 0 }),
      ttcBelowS: num('Starts when the time to collision with the ego vehicle drops below this [s].', { minimum: 0 }),
      actorWithinM: obj('Starts when another actor comes within a distance.', {
        actor: required(id('Id of the other actor (or "ego").')),
        distanceM: required(num('Distance [m].', { minimum: 0 })),
      }),
      afterPreviousS: num('Starts this long [s] after the previous behaviour in the list started.', { minimum: 0 }),
      delayS: num('Extra delay [s] after the condition holds.', { minimum: 0 }),
    },
  },
  { typeName: 'Trigger' },
);

const lanePlacement = obj('Lane placement.', {
  road: {
    type: 'string',
    description: 'Road id: "main" (default) or "<junction or roundabout block id>.<arm>" with arm left, right or an arm index.',
    pattern: '^(main|[A-Za-z_][A-Za-z0-9_-]*\\.(left|right|ahead|[0-9]+))$',
    default: 'main',
  },
  lane: note(
    {
      description: 'Lane: 1..n are forward lanes counted from the centre line outwards, -1..-m the oncoming lanes, or a named lane.',
      anyOf: [{ type: 'integer', minimum: -8, maximum: 8, not: { const: 0 } }, { type: 'string', enum: NAMED_LANES }, ref('distribution'), ref('reference')],
      default: 1,
    },
    { typeName: 'LaneRef' },
  ),
  s: required(num('Longitudinal position along the road reference line [m].')),
  offsetM: num('Lateral offset from the lane centre [m], positive to the left of the road direction.', {}, 0),
  headingDeg: num('Heading relative to the lane direction of travel [deg], counter-clockwise.', {}, 0),
});

const relativePlacement = obj("Placement relative to another actor, in that actor's frame.", {
  relativeTo: required(id('Id of the actor (or "ego").')),
  aheadM: num("Distance ahead of the other actor's centre [m] (negative: behind).", {}, 0),
  leftM: num("Distance to the left of the other actor's centre [m] (negative: right).", {}, 0),
  headingDeg: num('Heading relative to the other actor [deg], counter-clockwise.', {}, 0),
});

const placement = note(
  {
    description: 'Where an actor or object stands at time 0: on a lane of a road in (s, t) road coordinates, or relative to another actor.',
    anyOf: [note(lanePlacement, { typeName: 'LanePlacement' }), note(relativePlacement, { typeName: 'RelativePlacement' })],
  },
  { typeName: 'Placement' },
);

const pathPoint = obj('A point of a path in road coordinates.', {
  s: required(num('Longitudinal position [m].')),
  t: required(num('Lateral position from the road reference line [m], positive to the left.')),
});

const lateralSpeed = (): Json => num('Peak lateral speed [m/s].', { exclusiveMinimum: 0, maximum: 10 });
const gait = (): Json => oneOfStrings('Walk or run.', GAITS);

/** Behaviours by their `do`; each may also have a trigger. The simulator keeps their parameters' defaults. */
const BEHAVIOURS = {
  keepLane: shape('Follow the lane at a desired speed with car-following (IDM) behind whatever is ahead.', {
    speedMps: num('Desired speed [m/s].', { minimum: 0, maximum: 90 }),
    timeGapS: num('Desired time gap to the vehicle ahead [s].', { minimum: 0 }),
    minGapM: num('Minimum standstill gap [m].', { minimum: 0 }),
    maxAccelMps2: num('Maximum acceleration [m/s^2].', { exclusiveMinimum: 0 }),
    comfortDecelMps2: num('Comfortable deceleration [m/s^2].', { exclusiveMinimum: 0 }),
  }),
  brake: shape('Brake hard, limited by tyre friction.', {
    decelMps2: required(num('Requested deceleration [m/s^2].', { exclusiveMinimum: 0, maximum: 15 })),
    toSpeedMps: num('Speed at which braking ends [m/s].', { minimum: 0 }),
  }),
  accelerate: shape('Change speed at a given rate.', {
    toSpeedMps: required(num('Target speed [m/s].', { minimum: 0, maximum: 90 })),
    accelMps2: num('Rate [m/s^2].', { exclusiveMinimum: 0 }),
  }),
  laneChange: shape('Move to another lane with a smooth lateral profile.', {
    toLane: required({
      description: 'Target lane (as in a lane placement).',
      anyOf: [{ type: 'integer', minimum: -8, maximum: 8, not: { const: 0 } }, ref('distribution'), ref('reference')],
    }),
    lateralSpeedMps: lateralSpeed(),
    durationS: num('Duration of the manoeuvre [s] (instead of lateralSpeedMps).', { exclusiveMinimum: 0 }),
  }),
  cutIn: shape('Change into the ego lane when the gap ahead of the ego vehicle is short.', {
    gapM: required(num('Longitudinal gap to the ego front bumper at which the cut-in starts [m].', { minimum: 0 })),
    lateralSpeedMps: lateralSpeed(),
    relativeSpeedMps: num('Speed relative to the ego vehicle during the cut-in [m/s].'),
  }),
  turn: shape('Take a turn through a junction or roundabout.', {
    at: required(id('Id of the junction or roundabout block.')),
    direction: oneOfStrings('Turn direction at a junction.', TURNS),
    exit: int('Exit arm index at a roundabout (1 = first exit).', { minimum: 1, maximum: 8 }),
    speedMps: num('Speed through the turn [m/s].', { minimum: 0 }),
    gapAcceptanceS: num('Smallest time gap [s] in the conflicting stream that the driver accepts.', { minimum: 0 }),
  }),
  signals: shape('How the actor treats traffic signals.', { obey: required(bool('true: stop at red; false: run red lights.')) }),
  wrongWay: shape('Drive against the direction of the lane it stands on.', { speedMps: num('Speed [m/s].', { minimum: 0, maximum: 90 }) }),
  park: shape('Stand still, optionally with hazard lights.', { hazardLights: bool('Hazard lights flashing.') }),
  openDoor: shape('Open a door of a standing vehicle.', {
    side: oneOfStrings('Which side.', SIDES),
    durationS: num('Time to swing fully open [s].', { exclusiveMinimum: 0 }),
  }),
  swerve: shape('A lateral detour, for example around an open door.', {
    offsetM: required(num('Lateral offset at the peak [m], positive to the left.')),
    durationS: num('Duration of the whole detour [s].', { exclusiveMinimum: 0 }),
  }),
  cross: shape('Cross the road, from where the actor stands to the far side.', {
    speedMps: num('Crossing speed [m/s].', { minimum: 0, maximum: 15 }),
    gait: gait(),
    angleDeg: num('Angle of the crossing line to the road normal [deg].', { minimum: -80, maximum: 80 }),
    stopAtT: num('Lateral position [m] where the crossing ends (default: the far kerb).'),
  }),
  walk: shape('Walk or run along a path of road-coordinate points.', {
    path: required({ type: 'array', description: 'The points, walked in order.', minItems: 1, maxItems: 64, items: pathPoint }),
    speedMps: num('Speed [m/s].', { minimum: 0, maximum: 15 }),
    gait: gait(),
  }),
  stop: shape('Stop moving (a pedestrian halts, a vehicle brakes comfortably to a stop).', {
    durationS: num('How long [s]; omitted: for good.', { exclusiveMinimum: 0 }),
  }),
};

export const BEHAVIOUR_NAMES = valueList('BehaviourName', Object.keys(BEHAVIOURS) as (keyof typeof BEHAVIOURS)[]);

const behaviours = note(
  listOf(note(tagged('do', BEHAVIOURS, { trigger }), { typeName: 'Behaviour' }), {
    description: 'What the actor does, each item picked by "do"; parameters left out keep the simulator\'s defaults.',
    maxItems: 32,
  }),
  { asWritten: true },
);

// ---------------------------------------------------------------- actors

const fromKind = derived('from the kind, species or shape (tables below)');

const actor = obj('An actor.', {
  id: required(id('Unique id, used for relative placement, triggers and track ids.')),
  kind: required(oneOfStrings('What the actor is.', ACTOR_KINDS)),
  place: required(placement),
  speedMps: num('Initial speed [m/s].', { minimum: 0, maximum: 90 }, 0),
  colour: colour(derived("from the kind, species or shape (tables below); a pedestrian's is its `topColour`")),
  size: note(
    obj('Size overrides [m]; defaults come from the kind.', {
      lengthM: num('Length [m].', { exclusiveMinimum: 0, maximum: 30 }, fromKind),
      widthM: num('Width [m].', { exclusiveMinimum: 0, maximum: 5 }, fromKind),
      heightM: num('Height [m].', { exclusiveMinimum: 0, maximum: 6 }, fromKind),
    }),
    { typeName: 'Size', ...fromKind },
  ),
  person: note(
    obj('Pedestrian and cyclist appearance.', {
      heightM: num('Body height [m].', { minimum: 0.5, maximum: 2.3 }, derived('by age group (table below)')),
      ageGroup: oneOfStrings('Age group.', AGE_GROUPS, 'adult'),
      mobilityAid: oneOfStrings('Mobility aid.', MOBILITY_AIDS, 'none'),
      skinTone: oneOfStrings('Skin tone on the Fitzpatrick scale.', SKIN_TONES, 'III'),
      topColour: colour('blue'),
      bottomColour: colour('grey'),
    }),
    { typeName: 'PersonLook', ...derived('present for pedestrians and bicycles (the rider), absent for other kinds', { mayBeAbsent: true }) },
  ),
  animal: note(obj('Animal appearance.', { species: oneOfStrings('Species.', ANIMAL_SPECIES, 'deer') }), derived('present for animals only', { mayBeAbsent: true })),
  object: note(obj('Static object or debris.', { shape: oneOfStrings('Shape.', OBJECT_SHAPES, 'box') }), derived('present for objects only', { mayBeAbsent: true })),
  lights: obj(
    'Vehicle lights.',
    {
      headlights: bool('Headlights on (default: on when it is dark or foggy).', derived('`auto`: on when dark or foggy, decided downstream', { tsType: "boolean | 'auto'" })),
      hazard: bool('Hazard lights.', false),
      highBeams: bool('High beams (about 150 m of road) instead of low beams (about 60 m) while the headlights are on.', false),
    },
    { default: {} },
  ),
  behaviours,
});

// ---------------------------------------------------------------- focus

const focusOffset = num('Centre the clip this long [s] after the event (negative: before it). Default 0.', {}, 0);

const FOCUS_EVENTS = {
  behaviour: shape('A behaviour of an actor starts (the first time it does).', {
    actor: required(id('Actor id, or "ego".')),
    behaviour: required({ type: 'string', enum: BEHAVIOUR_NAMES, description: 'Which behaviour (its "do").' }),
    offsetS: focusOffset,
  }),
  door: shape('A door of a vehicle is half open (after an openDoor behaviour).', {
    actor: required(id('Id of the vehicle whose door opens.')),
    offsetS: focusOffset,
  }),
  collision: shape('The first collision (of `actor`, with `with` when given; any collision without them).', {
    offsetS: focusOffset,
    actor: id('Actor id, or "ego".'),
    with: id('The other actor id, or "ego".'),
  }),
  signal: shape('A signal of a junction first shows a colour.', {
    junction: required(id('Id of a junction block with signals.')),
    colour: required({ type: 'string', enum: SIGNAL_COLOURS, description: 'The colour.' }),
    offsetS: focusOffset,
    head: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', description: 'Only the head of this approach (as in "J1/<head>"); default any head of the junction.' },
  }),
};

const focus = obj(
  'What the scenario is about: the actors its edge case concerns and the moment it happens. Clips are centred on it, and labels mark the focus actors.',
  {
    actors: note(
      {
        description: 'Focus actor id or ids. Default: the actor the event names (none for a signal event).',
        anyOf: [id(), { type: 'array', maxItems: 16, uniqueItems: true, items: id() }],
      },
      derived('the actors the event names (`actor`, `with`; not the ego; none for a signal event)', { tsType: 'string[]' }),
    ),
    event: note({ description: 'The moment the scenario is about, picked by "kind".', ...tagged('kind', FOCUS_EVENTS) }, { typeName: 'FocusEvent' }),
  },
  { default: {} },
);

// ---------------------------------------------------------------- ego

const camera = obj(
  'The ego camera rig.',
  {
    widthPx: int('Image width [px].', { minimum: 16, maximum: 8192 }, 1280),
    heightPx: int('Image height [px].', { minimum: 16, maximum: 8192 }, 720),
    fovDeg: num('Horizontal field of view [deg].', { minimum: 10, maximum: 170 }, 90),
    heightM: num('Mounting height above the ground [m].', { minimum: 0.2, maximum: 5 }, 1.5),
    forwardM: num('Mounting position ahead of the vehicle centre [m].', {}, 1),
    pitchDeg: num('Pitch [deg], positive looks down.', { minimum: -45, maximum: 45 }, 0),
    noise: num('Sensor noise strength 0..1.', { minimum: 0, maximum: 1 }, 0),
    motionBlur: num('Motion blur strength 0..1.', { minimum: 0, maximum: 1 }, 0),
    lensDrops: num('Rain drops on the lens 0..1.', { minimum: 0, maximum: 1 }, 0),
  },
  { default: {} },
);

const ego = obj('The ego vehicle and its camera.', {
  kind: oneOfStrings('Vehicle kind.', VEHICLE_KINDS, 'car'),
  place: required(placement),
  speedMps: num('Initial speed [m/s].', { minimum: 0, maximum: 90 }, 0),
  colour: colour('white'),
  behaviours,
  camera: note(camera, { typeName: 'CameraRig' }),
  lights: obj(
    'Ego vehicle lights (its headlights follow the light: on when it is dark or foggy).',
    { highBeams: bool('High beams (about 150 m of road) instead of low beams (about 60 m).', false) },
    { default: {} },
  ),
});

// ---------------------------------------------------------------- road

const blockId = note(id('Unique block id, used by junction arms ("<id>.<arm>") and turns.'), derived('`b<index>`: `b0` for the first block'));

const BLOCKS = {
  straight: shape('A straight piece of road.', { lengthM: required(num('Length [m].', { exclusiveMinimum: 0, maximum: 5000 })) }),
  curve: shape('A circular arc, optionally with clothoid transitions.', {
    radiusM: required(num('Radius of the reference line [m].', { minimum: 5, maximum: 100000 })),
    angleDeg: required(num('Turned angle [deg].', { exclusiveMinimum: 0, maximum: 270 })),
    direction: required(oneOfStrings('Turn direction.', SIDES)),
    transitionM: num('Length of the clothoid entry and exit [m]; 0 for none.', { minimum: 0, maximum: 1000 }, 0),
  }),
  shift: shape('A sideways shift of all lanes with a smooth (sine) profile, as at a construction zone.', {
    lengthM: required(num('Length [m].', { exclusiveMinimum: 0, maximum: 2000 })),
    offsetM: required(num('Lateral shift [m], positive to the left.', { minimum: -20, maximum: 20 })),
  }),
  junction: shape('A T or four-way junction; the main road goes straight through.', {
    shape: required(oneOfStrings('t: one side arm; four-way: two.', ['t', 'four-way'])),
    side: oneOfStrings('Side of the arm for a T junction.', SIDES, 'right'),
    signals: bool('Traffic signals.', false),
    armLengthM: num('Length of each side arm [m].', { minimum: 10, maximum: 2000 }, 60),
    greenS: num('Green time of the main road [s].', { exclusiveMinimum: 0 }, 20),
    yellowS: num('Yellow time [s].', { minimum: 0 }, 3),
    allRedS: num('All-red time between phases [s].', { minimum: 0 }, 2),
    offsetS: num('Phase offset [s]: time into the cycle at t = 0.', { minimum: 0 }, 0),
  }),
  roundabout: shape('A roundabout; the main road enters at arm 0 and leaves at exitArm.', {
    radiusM: num('Radius of the circulating lane centre [m].', { minimum: 8, maximum: 200 }, 15),
    arms: int('Number of arms.', { minimum: 3, maximum: 6 }, 4),
    exitArm: int('Arm by which the main road leaves.', { minimum: 1, maximum: 5 }, 2),
    lanes: int('Circulating lanes.', { minimum: 1, maximum: 3 }, 1),
    armLengthM: num('Length of each side arm [m].', { minimum: 10, maximum: 2000 }, 60),
  }),
  tunnel: shape('A straight, covered piece of road.', {
    lengthM: required(num('Length [m].', { exclusiveMinimum: 0, maximum: 10000 })),
    lightLevel: num('Tunnel lighting 0..1.', { minimum: 0, maximum: 1 }, 0.5),
  }),
};

// Keys in the order the instance lists them: `t`, or else `side`, last.
const furniture = obj('Static road furniture, one item or a row.', {
  kind: required(oneOfStrings('What it is.', FURNITURE_KINDS)),
  s: required(num('Longitudinal position of the first item [m].')),
  sign: oneOfStrings('Sign type (kind: sign).', SIGN_TYPES),
  toS: num('Last position of a row [m].'),
  spacingM: num('Spacing of a row [m].', { exclusiveMinimum: 0 }),
  t: num('Lateral position from the reference line [m] (instead of side).'),
  side: oneOfStrings('Side of the road (placed beyond the kerb).', SIDES, derived('`right` when `t` is not given', { mayBeAbsent: true })),
});

const bySetting = derived('by `setting` (table below)');

const road = obj('The road: lane layout along a chain of blocks.', {
  lanes: obj(
    'Lane layout.',
    {
      forward: int('Lanes in the ego direction.', { minimum: 1, maximum: 6 }, 1),
      backward: int('Oncoming lanes.', { minimum: 0, maximum: 6 }, 1),
      widthM: num('Lane width [m].', { minimum: 2, maximum: 6 }, 3.5),
    },
    { default: {} },
  ),
  markings: obj(
    'Lane markings.',
    {
      centre: oneOfStrings('Between directions.', MARKINGS, 'dashed'),
      lanes: oneOfStrings('Between lanes of one direction.', MARKINGS, 'dashed'),
      edge: oneOfStrings('At the road edge.', MARKINGS, 'solid'),
    },
    { default: {} },
  ),
  parking: obj(
    'Parking lanes.',
    { left: bool('A parking lane on the left.', false), right: bool('A parking lane on the right.', false), widthM: num('Width [m].', { minimum: 1.5, maximum: 4 }, 2.5) },
    { default: {} },
  ),
  sidewalks: obj(
    'Sidewalks with kerbs.',
    {
      left: bool('A sidewalk on the left.', bySetting),
      right: bool('A sidewalk on the right.', bySetting),
      widthM: num('Width [m].', { minimum: 0.5, maximum: 10 }, 2),
      kerbHeightM: num('Kerb height [m].', { minimum: 0, maximum: 0.4 }, 0.15),
    },
    { default: {} },
  ),
  shoulderM: num('Paved shoulder width [m].', { minimum: 0, maximum: 5 }, bySetting),
  speedLimitMps: num('Speed limit [m/s].', { exclusiveMinimum: 0, maximum: 70 }, bySetting),
  surface: oneOfStrings('Road surface; auto follows the weather.', SURFACES, 'auto'),
  setting: oneOfStrings('Roadside context.', ROAD_SETTINGS, 'urban'),
  blocks: required({
    type: 'array',
    description: 'The chain of road blocks, laid end to end.',
    minItems: 1,
    maxItems: 64,
    items: note(tagged('kind', BLOCKS, { id: blockId }), { typeName: 'RoadBlock' }),
  }),
  crosswalks: listOf(obj('A zebra crossing.', { s: required(num('Position [m].')), widthM: num('Width [m].', { minimum: 1, maximum: 10 }, 4) }), {
    description: 'Zebra crossings.',
    maxItems: 32,
  }),
  furniture: listOf(note(furniture, { typeName: 'FurnitureItem' }), { description: 'Static road furniture.', maxItems: 256 }),
  // Last, as in the instance, where it is present only when written.
  frictionMu: num('Tyre-road friction coefficient, overriding the surface.', { exclusiveMinimum: 0, maximum: 1.5 }),
});

// ---------------------------------------------------------------- weather and light

const weather = obj(
  'Weather.',
  {
    rain: num('Rain intensity 0..1.', { minimum: 0, maximum: 1 }, 0),
    snow: num('Snowfall intensity 0..1.', { minimum: 0, maximum: 1 }, 0),
    fogVisibilityM: num('Meteorological visibility [m].', { minimum: 5, maximum: 100000 }, 100000),
    cloudCover: num('Cloud cover 0..1.', { minimum: 0, maximum: 1 }, derived('the larger of `rain` and `snow`')),
    wetness: num('Road wetness 0..1 (look and friction).', { minimum: 0, maximum: 1 }, derived('`rain`')),
    puddles: num('Puddle coverage 0..1.', { minimum: 0, maximum: 1 }, 0),
    snowCover: num('Snow lying on the ground 0..1.', { minimum: 0, maximum: 1 }, derived('`snow`')),
  },
  { default: {} },
);

const fromTimeOfDay = derived('from `timeOfDayH` by a simple solar model (below)');

const light = obj(
  'Light.',
  {
    timeOfDayH: num('Local solar time [h]; sets the sun unless sunElevationDeg is given.', { minimum: 0, maximum: 24 }, 12),
    sunElevationDeg: num('Sun elevation [deg].', { minimum: -90, maximum: 90 }, fromTimeOfDay),
    sunAzimuthDeg: num('Sun azimuth [deg], clockwise from the road direction at s = 0.', { minimum: -360, maximum: 360 }, fromTimeOfDay),
    streetLights: bool('Street lights on (default: when the sun is down).', derived('on when the sun elevation is below 0')),
    exposureEv: num('Exposure compensation [EV].', { minimum: -5, maximum: 5 }, 0),
    glare: num('Lens glare strength 0..1.', { minimum: 0, maximum: 1 }, 0),
  },
  { default: {} },
);

// ---------------------------------------------------------------- the file

const fileOnly = (node: Json): Json => note(node, { fileOnly: true });

const sweep = obj('Defaults for sweeps over this scenario.', {
  design: { type: 'string', enum: DESIGNS },
  gridLevels: { type: 'integer', minimum: 2, maximum: 64, description: 'Levels per continuous dimension in a grid design.' },
  maxTries: { type: 'integer', minimum: 1, maximum: 100000, description: 'Rejection-sampling tries per sample.' },
  samples: {
    type: 'array',
    description:
      'Written by "roadsynth search": the instances its sweep (design "search") renders, sample i being item i. Each is a point of the unit cube of the random dimensions and its importance weight.',
    maxItems: 100000,
    items: obj('One searched instance.', {
      u: required({
        type: 'array',
        description: 'One coordinate in [0, 1) per random dimension, in dimension order.',
        maxItems: 4096,
        items: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
      }),
      weight: required({ type: 'number', exclusiveMinimum: 0, description: 'Density under the declared distributions over the density of the proposal that drew it.' }),
      score: { type: 'number', description: 'Criticality under the search objective (higher is more critical).' },
      rollout: { type: 'integer', minimum: 0, description: 'Position of its rollout in the search.' },
    }),
  },
  search: {
    type: 'object',
    description: 'Written by "roadsynth search": how the samples were found (objective, method, budget, criticality per rollout, coverage); read by the report.',
  },
});

const labels = obj("How this scenario's labels are written.", {
  classMap: {
    type: 'object',
    description:
      'Default class map of runs of this scenario (--class-map overrides it): roadsynth class (Car, Van, Truck, Bus, Motorcycle, Cyclist, Pedestrian, Animal, Object) -> your class name, or null to drop it. Example: {Bus: Truck, Animal: null}.',
    maxProperties: 20,
    propertyNames: { pattern: '^[A-Z][A-Za-z]*$' },
    additionalProperties: { anyOf: [{ type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' }, { type: 'null' }] },
  },
});

const scenarioProperties: Record<string, Json> = {
  $schema: fileOnly({ type: 'string', description: 'Ignored; tells editors where the schema is.' }),
  version: required({ const: 1, description: 'Grammar version.' }),
  name: required({ type: 'string', minLength: 1, maxLength: 200, description: 'A short name of the scenario.' }),
  description: fileOnly({ type: 'string', maxLength: 20000, description: 'Free text: what the scenario shows and why.' }),
  parameters: fileOnly({
    type: 'object',
    description: 'Named parameters: a number, a string, or a distribution. Refer to them as "$name" or in "=expressions".',
    propertyNames: { pattern: idPattern },
    maxProperties: 256,
    additionalProperties: { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }, ref('distribution'), ref('reference')] },
  }),
  requires: fileOnly({
    type: 'array',
    description: 'Requirements over sampled values, such as "gapM > 2 * lengthM". Samples that break one are redrawn.',
    maxItems: 64,
    items: { type: 'string', minLength: 1, maxLength: 1000 },
  }),
  sweep: fileOnly(sweep),
  simulation: obj(
    'Simulation settings.',
    {
      durationS: num('Simulated time [s].', { exclusiveMinimum: 0, maximum: 600 }, 10),
      dtS: {
        type: 'number',
        exclusiveMinimum: 0,
        maximum: 0.1,
        description: 'Fixed physics time step [s]; raycast-vehicle suspensions in cannon-es stay stable at the default (100 Hz).',
        default: 0.01,
      },
      nearMissTtcS: { type: 'number', minimum: 0, description: 'A minimum TTC below this [s] counts as a near miss.', default: 1.5 },
    },
    { default: {} },
  ),
  road: required(note(road, { typeName: 'RoadSpec' })),
  weather: note(weather, { typeName: 'Weather' }),
  light: note(light, { typeName: 'Light' }),
  ego: required(
    note(ego, {
      typeName: 'EgoInstance',
      instanceOnly: [{ key: 'size', after: 'colour', typeName: 'Size', description: 'Size [m], from the kind (the file cannot override it for the ego).' }],
    }),
  ),
  actors: listOf(note(actor, { typeName: 'ActorInstance' }), { description: 'Everything else that moves or stands.', maxItems: 200 }),
  focus: note(focus, { typeName: 'ScenarioFocus' }),
  labels: fileOnly(labels),
};

const distribution = note(
  {
    description: 'A distribution of values.',
    anyOf: [
      obj('A fixed value.', { const: required({ type: ['number', 'string', 'boolean'] }) }),
      obj('Uniform on [low, high].', { uniform: required({ type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], minItems: 2, maxItems: 2 }) }),
      obj('Normal.', { normal: required(obj('', { mean: required({ type: 'number' }), sd: required({ type: 'number', minimum: 0 }) })) }),
      obj('Normal truncated to [min, max].', {
        truncnormal: required(
          obj('', { mean: required({ type: 'number' }), sd: required({ type: 'number', minimum: 0 }), min: required({ type: 'number' }), max: required({ type: 'number' }) }),
        ),
      }),
      obj('Integers low..high inclusive.', { int: required({ type: 'array', prefixItems: [{ type: 'integer' }, { type: 'integer' }], minItems: 2, maxItems: 2 }) }),
      obj('A weighted choice among values.', {
        choice: required({ type: 'array', minItems: 1, maxItems: 1000, items: { type: ['number', 'string', 'boolean'] } }),
        weights: ref('weights'),
      }),
    ],
  },
  { typeName: 'Distribution' },
);

export const scenarioSchema: Json = note(
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'roadsynth scenario',
    description: 'A driving scenario with distributions over its parameters. See docs/grammar.md.',
    type: 'object',
    additionalProperties: false,
    required: requiredKeys(scenarioProperties),
    properties: scenarioProperties,
    $defs: {
      weights: { type: 'array', minItems: 1, items: { type: 'number', minimum: 0 } },
      reference: {
        type: 'string',
        description: '"$name" refers to a parameter; "=expr" computes a value from parameters, e.g. "=gapM + 2".',
        pattern: '^(\\$[A-Za-z_][A-Za-z0-9_]*|=.+)$',
        maxLength: 1000,
      },
      distribution,
    },
  },
  { typeName: 'ScenarioInstance' },
);
