/**
 * The scenario grammar as one JSON Schema (draft 2020-12).
 *
 * This module is the single source of the grammar; `scenarios/scenario.schema.json` is written
 * from it (`npm run schema`) so editors can validate and complete scenario files, and a test
 * keeps the two in step.
 *
 * Any number or enumerated choice may instead be a distribution or a parameter reference; the
 * helpers `num`, `int` and `oneOfStrings` encode that rule once.
 */

type Json = Record<string, unknown>;

export const SCHEMA_ID = 'https://roadsynth.dev/schema/scenario.schema.json';

const ref = (name: string): Json => ({ $ref: `#/$defs/${name}` });

/** A number [unit in description] or a distribution or a `$param` / `=expr` reference. */
function num(description: string, bounds: { minimum?: number; maximum?: number; exclusiveMinimum?: number } = {}): Json {
  return {
    description,
    anyOf: [{ type: 'number', ...bounds }, ref('distribution'), ref('reference')],
  };
}

/** An integer, or an integer distribution, or a reference. */
function int(description: string, bounds: { minimum?: number; maximum?: number } = {}): Json {
  return {
    description,
    anyOf: [{ type: 'integer', ...bounds }, ref('distribution'), ref('reference')],
  };
}

/** One of the listed strings, or a choice among them, or a reference. */
function oneOfStrings(description: string, values: readonly string[]): Json {
  return {
    description,
    anyOf: [
      { type: 'string', enum: values },
      {
        type: 'object',
        required: ['choice'],
        additionalProperties: false,
        properties: {
          choice: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', enum: values } },
          weights: ref('weights'),
        },
      },
      ref('reference'),
    ],
  };
}

function bool(description: string): Json {
  return {
    description,
    anyOf: [
      { type: 'boolean' },
      {
        type: 'object',
        required: ['choice'],
        additionalProperties: false,
        properties: { choice: { type: 'array', minItems: 1, items: { type: 'boolean' } }, weights: ref('weights') },
      },
      ref('reference'),
    ],
  };
}

function obj(description: string, properties: Record<string, Json>, required: string[] = []): Json {
  return { type: 'object', description, additionalProperties: false, required, properties };
}

/** A tagged variant: `tag` holds a constant that picks the shape. */
function variant(tag: string, value: string, description: string, properties: Record<string, Json>, required: string[] = []): Json {
  return obj(description, { [tag]: { const: value }, ...properties }, [tag, ...required]);
}

export const VEHICLE_KINDS = ['car', 'van', 'truck', 'bus', 'motorcycle'] as const;
export const ACTOR_KINDS = [...VEHICLE_KINDS, 'bicycle', 'pedestrian', 'animal', 'object'] as const;
export const AGE_GROUPS = ['child', 'adult', 'elderly'] as const;
export const MOBILITY_AIDS = ['none', 'wheelchair', 'stroller', 'cane', 'walker'] as const;
export const SKIN_TONES = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export const ANIMAL_SPECIES = ['deer', 'dog', 'boar', 'cow', 'horse', 'fox', 'moose'] as const;
export const OBJECT_SHAPES = ['cone', 'barrier', 'box', 'tyre', 'barrel', 'debris', 'ball', 'pallet'] as const;
export const FURNITURE_KINDS = ['streetlight', 'sign', 'cone', 'barrier', 'tree', 'pole', 'bollard', 'building'] as const;
export const SIGN_TYPES = ['stop', 'yield', 'speed-limit', 'pedestrian-crossing', 'roadworks', 'animal', 'no-entry'] as const;
export const MARKINGS = ['none', 'solid', 'dashed', 'double-solid'] as const;
export const NAMED_LANES = ['parking-left', 'parking-right', 'sidewalk-left', 'sidewalk-right', 'shoulder-left', 'shoulder-right'] as const;
export const SURFACES = ['auto', 'dry', 'wet', 'snow', 'ice'] as const;
export const GAITS = ['walk', 'run'] as const;
export const TURNS = ['left', 'right', 'straight'] as const;
export const SIDES = ['left', 'right'] as const;
export const DESIGNS = ['random', 'grid', 'lhs', 'sobol', 'pairwise', 'search'] as const;
export const BEHAVIOUR_NAMES = [
  'keepLane',
  'brake',
  'accelerate',
  'laneChange',
  'cutIn',
  'turn',
  'signals',
  'wrongWay',
  'park',
  'openDoor',
  'swerve',
  'cross',
  'walk',
  'stop',
] as const;
export const FOCUS_EVENT_KINDS = ['behaviour', 'door', 'collision', 'signal'] as const;
export const SIGNAL_COLOURS = ['green', 'yellow', 'red'] as const;

const colour = {
  description: 'A colour: a CSS-like name (white, black, red, ...) or #rrggbb, or a choice among them.',
  anyOf: [
    { type: 'string', pattern: '^(#[0-9a-fA-F]{6}|[a-z]+)$', maxLength: 32 },
    {
      type: 'object',
      required: ['choice'],
      additionalProperties: false,
      properties: {
        choice: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(#[0-9a-fA-F]{6}|[a-z]+)$', maxLength: 32 } },
        weights: { $ref: '#/$defs/weights' },
      },
    },
    { $ref: '#/$defs/reference' },
  ],
};

const idPattern = '^[A-Za-z_][A-Za-z0-9_-]{0,63}$';

const trigger = {
  description: 'When a behaviour starts. Without a trigger it starts at time 0. Several conditions are combined with "all".',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    atS: num('Simulation time [s] at which the behaviour starts.', { minimum: 0 }),
    egoWithinM: num('Starts when the ego vehicle comes within this distance [m] (centre to centre).', { minimum: 0 }),
    egoAheadWithinM: num('Starts when the ego vehicle is behind this actor by less than this distance along the road [m].', { minimum: 0 }),
    ttcBelowS: num('Starts when the time to collision with the ego vehicle drops below this [s].', { minimum: 0 }),
    actorWithinM: obj(
      'Starts when another actor comes within a distance.',
      {
        actor: { type: 'string', pattern: idPattern },
        distanceM: num('Distance [m].', { minimum: 0 }),
      },
      ['actor', 'distanceM'],
    ),
    afterPreviousS: num('Starts this long [s] after the previous behaviour in the list started.', { minimum: 0 }),
    delayS: num('Extra delay [s] after the condition holds.', { minimum: 0 }),
  },
};

const placement = {
  description: 'Where an actor or object stands at time 0: on a lane of a road in (s, t) road coordinates, or relative to another actor.',
  anyOf: [
    obj(
      'Lane placement.',
      {
        road: {
          type: 'string',
          description: 'Road id: "main" (default) or "<junction or roundabout block id>.<arm>" with arm left, right or an arm index.',
          pattern: '^(main|[A-Za-z_][A-Za-z0-9_-]*\\.(left|right|ahead|[0-9]+))$',
        },
        lane: {
          description: 'Lane: 1..n are forward lanes counted from the centre line outwards, -1..-m the oncoming lanes, or a named lane.',
          anyOf: [{ type: 'integer', minimum: -8, maximum: 8, not: { const: 0 } }, { type: 'string', enum: NAMED_LANES }, ref('distribution'), ref('reference')],
        },
        s: num('Longitudinal position along the road reference line [m].'),
        offsetM: num('Lateral offset from the lane centre [m], positive to the left of the road direction.'),
        headingDeg: num('Heading relative to the lane direction of travel [deg], counter-clockwise.'),
      },
      ['s'],
    ),
    obj(
      "Placement relative to another actor, in that actor's frame.",
      {
        relativeTo: { type: 'string', pattern: idPattern, description: 'Id of the actor (or "ego").' },
        aheadM: num("Distance ahead of the other actor's centre [m] (negative: behind)."),
        leftM: num("Distance to the left of the other actor's centre [m] (negative: right)."),
        headingDeg: num('Heading relative to the other actor [deg], counter-clockwise.'),
      },
      ['relativeTo'],
    ),
  ],
};

const pathPoint = obj(
  'A point of a path in road coordinates.',
  {
    s: num('Longitudinal position [m].'),
    t: num('Lateral position from the road reference line [m], positive to the left.'),
  },
  ['s', 't'],
);

const behaviourCommon = { trigger };

const behaviours = [
  variant('do', 'keepLane', 'Follow the lane at a desired speed with car-following (IDM) behind whatever is ahead.', {
    ...behaviourCommon,
    speedMps: num('Desired speed [m/s].', { minimum: 0, maximum: 90 }),
    timeGapS: num('Desired time gap to the vehicle ahead [s].', { minimum: 0 }),
    minGapM: num('Minimum standstill gap [m].', { minimum: 0 }),
    maxAccelMps2: num('Maximum acceleration [m/s^2].', { exclusiveMinimum: 0 }),
    comfortDecelMps2: num('Comfortable deceleration [m/s^2].', { exclusiveMinimum: 0 }),
  }),
  variant(
    'do',
    'brake',
    'Brake hard, limited by tyre friction.',
    {
      ...behaviourCommon,
      decelMps2: num('Requested deceleration [m/s^2].', { exclusiveMinimum: 0, maximum: 15 }),
      toSpeedMps: num('Speed at which braking ends [m/s].', { minimum: 0 }),
    },
    ['decelMps2'],
  ),
  variant(
    'do',
    'accelerate',
    'Change speed at a given rate.',
    {
      ...behaviourCommon,
      toSpeedMps: num('Target speed [m/s].', { minimum: 0, maximum: 90 }),
      accelMps2: num('Rate [m/s^2].', { exclusiveMinimum: 0 }),
    },
    ['toSpeedMps'],
  ),
  variant(
    'do',
    'laneChange',
    'Move to another lane with a smooth lateral profile.',
    {
      ...behaviourCommon,
      toLane: { anyOf: [{ type: 'integer', minimum: -8, maximum: 8, not: { const: 0 } }, ref('distribution'), ref('reference')] },
      lateralSpeedMps: num('Peak lateral speed [m/s].', { exclusiveMinimum: 0, maximum: 10 }),
      durationS: num('Duration of the manoeuvre [s] (instead of lateralSpeedMps).', { exclusiveMinimum: 0 }),
    },
    ['toLane'],
  ),
  variant(
    'do',
    'cutIn',
    'Change into the ego lane when the gap ahead of the ego vehicle is short.',
    {
      ...behaviourCommon,
      gapM: num('Longitudinal gap to the ego front bumper at which the cut-in starts [m].', { minimum: 0 }),
      lateralSpeedMps: num('Peak lateral speed [m/s].', { exclusiveMinimum: 0, maximum: 10 }),
      relativeSpeedMps: num('Speed relative to the ego vehicle during the cut-in [m/s].'),
    },
    ['gapM'],
  ),
  variant(
    'do',
    'turn',
    'Take a turn through a junction or roundabout.',
    {
      ...behaviourCommon,
      at: { type: 'string', pattern: idPattern, description: 'Id of the junction or roundabout block.' },
      direction: oneOfStrings('Turn direction at a junction.', TURNS),
      exit: int('Exit arm index at a roundabout (1 = first exit).', { minimum: 1, maximum: 8 }),
      speedMps: num('Speed through the turn [m/s].', { minimum: 0 }),
      gapAcceptanceS: num('Smallest time gap [s] in the conflicting stream that the driver accepts.', { minimum: 0 }),
    },
    ['at'],
  ),
  variant(
    'do',
    'signals',
    'How the actor treats traffic signals.',
    {
      ...behaviourCommon,
      obey: bool('true: stop at red; false: run red lights.'),
    },
    ['obey'],
  ),
  variant('do', 'wrongWay', 'Drive against the direction of the lane it stands on.', {
    ...behaviourCommon,
    speedMps: num('Speed [m/s].', { minimum: 0, maximum: 90 }),
  }),
  variant('do', 'park', 'Stand still, optionally with hazard lights.', {
    ...behaviourCommon,
    hazardLights: bool('Hazard lights flashing.'),
  }),
  variant('do', 'openDoor', 'Open a door of a standing vehicle.', {
    ...behaviourCommon,
    side: oneOfStrings('Which side.', SIDES),
    durationS: num('Time to swing fully open [s].', { exclusiveMinimum: 0 }),
  }),
  variant(
    'do',
    'swerve',
    'A lateral detour, for example around an open door.',
    {
      ...behaviourCommon,
      offsetM: num('Lateral offset at the peak [m], positive to the left.'),
      durationS: num('Duration of the whole detour [s].', { exclusiveMinimum: 0 }),
    },
    ['offsetM'],
  ),
  variant('do', 'cross', 'Cross the road, from where the actor stands to the far side.', {
    ...behaviourCommon,
    speedMps: num('Crossing speed [m/s].', { minimum: 0, maximum: 15 }),
    gait: oneOfStrings('Walk or run.', GAITS),
    angleDeg: num('Angle of the crossing line to the road normal [deg].', { minimum: -80, maximum: 80 }),
    stopAtT: num('Lateral position [m] where the crossing ends (default: the far kerb).'),
  }),
  variant(
    'do',
    'walk',
    'Walk or run along a path of road-coordinate points.',
    {
      ...behaviourCommon,
      path: { type: 'array', minItems: 1, maxItems: 64, items: pathPoint },
      speedMps: num('Speed [m/s].', { minimum: 0, maximum: 15 }),
      gait: oneOfStrings('Walk or run.', GAITS),
    },
    ['path'],
  ),
  variant('do', 'stop', 'Stop moving (a pedestrian halts, a vehicle brakes comfortably to a stop).', {
    ...behaviourCommon,
    durationS: num('How long [s]; omitted: for good.', { exclusiveMinimum: 0 }),
  }),
];

const actorProps = {
  id: { type: 'string', pattern: idPattern, description: 'Unique id, used for relative placement, triggers and track ids.' },
  kind: oneOfStrings('What the actor is.', ACTOR_KINDS),
  place: placement,
  speedMps: num('Initial speed [m/s].', { minimum: 0, maximum: 90 }),
  colour,
  size: obj('Size overrides [m]; defaults come from the kind.', {
    lengthM: num('Length [m].', { exclusiveMinimum: 0, maximum: 30 }),
    widthM: num('Width [m].', { exclusiveMinimum: 0, maximum: 5 }),
    heightM: num('Height [m].', { exclusiveMinimum: 0, maximum: 6 }),
  }),
  person: obj('Pedestrian and cyclist appearance.', {
    heightM: num('Body height [m].', { minimum: 0.5, maximum: 2.3 }),
    ageGroup: oneOfStrings('Age group.', AGE_GROUPS),
    mobilityAid: oneOfStrings('Mobility aid.', MOBILITY_AIDS),
    skinTone: oneOfStrings('Skin tone on the Fitzpatrick scale.', SKIN_TONES),
    topColour: colour,
    bottomColour: colour,
  }),
  animal: obj('Animal appearance.', {
    species: oneOfStrings('Species.', ANIMAL_SPECIES),
  }),
  object: obj('Static object or debris.', {
    shape: oneOfStrings('Shape.', OBJECT_SHAPES),
  }),
  lights: obj('Vehicle lights.', {
    headlights: bool('Headlights on (default: on when it is dark or foggy).'),
    hazard: bool('Hazard lights.'),
    highBeams: bool('High beams (about 150 m of road) instead of low beams (about 60 m) while the headlights are on.'),
  }),
  behaviours: { type: 'array', maxItems: 32, items: { oneOf: behaviours, discriminator: { propertyName: 'do' } } },
};

const focusOffset = num('Centre the clip this long [s] after the event (negative: before it). Default 0.');

const focusEvents = [
  variant(
    'kind',
    'behaviour',
    'A behaviour of an actor starts (the first time it does).',
    {
      actor: { type: 'string', pattern: idPattern, description: 'Actor id, or "ego".' },
      behaviour: { type: 'string', enum: BEHAVIOUR_NAMES, description: 'Which behaviour (its "do").' },
      offsetS: focusOffset,
    },
    ['actor', 'behaviour'],
  ),
  variant(
    'kind',
    'door',
    'A door of a vehicle is half open (after an openDoor behaviour).',
    {
      actor: { type: 'string', pattern: idPattern, description: 'Id of the vehicle whose door opens.' },
      offsetS: focusOffset,
    },
    ['actor'],
  ),
  variant('kind', 'collision', 'The first collision (of `actor`, with `with` when given; any collision without them).', {
    actor: { type: 'string', pattern: idPattern, description: 'Actor id, or "ego".' },
    with: { type: 'string', pattern: idPattern, description: 'The other actor id, or "ego".' },
    offsetS: focusOffset,
  }),
  variant(
    'kind',
    'signal',
    'A signal of a junction first shows a colour.',
    {
      junction: { type: 'string', pattern: idPattern, description: 'Id of a junction block with signals.' },
      head: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', description: 'Only the head of this approach (as in "J1/<head>"); default any head of the junction.' },
      colour: { type: 'string', enum: SIGNAL_COLOURS, description: 'The colour.' },
      offsetS: focusOffset,
    },
    ['junction', 'colour'],
  ),
];

const focus = obj('What the scenario is about: the actors its edge case concerns and the moment it happens. Clips are centred on it, and labels mark the focus actors.', {
  actors: {
    description: 'Focus actor id or ids. Default: the actor the event names (none for a signal event).',
    anyOf: [
      { type: 'string', pattern: idPattern },
      { type: 'array', maxItems: 16, uniqueItems: true, items: { type: 'string', pattern: idPattern } },
    ],
  },
  event: { oneOf: focusEvents, discriminator: { propertyName: 'kind' } },
});

const camera = obj('The ego camera rig.', {
  widthPx: int('Image width [px].', { minimum: 16, maximum: 8192 }),
  heightPx: int('Image height [px].', { minimum: 16, maximum: 8192 }),
  fovDeg: num('Horizontal field of view [deg].', { minimum: 10, maximum: 170 }),
  heightM: num('Mounting height above the ground [m].', { minimum: 0.2, maximum: 5 }),
  forwardM: num('Mounting position ahead of the vehicle centre [m].'),
  pitchDeg: num('Pitch [deg], positive looks down.', { minimum: -45, maximum: 45 }),
  noise: num('Sensor noise strength 0..1.', { minimum: 0, maximum: 1 }),
  motionBlur: num('Motion blur strength 0..1.', { minimum: 0, maximum: 1 }),
  lensDrops: num('Rain drops on the lens 0..1.', { minimum: 0, maximum: 1 }),
});

const blocks = [
  variant(
    'kind',
    'straight',
    'A straight piece of road.',
    {
      id: { type: 'string', pattern: idPattern },
      lengthM: num('Length [m].', { exclusiveMinimum: 0, maximum: 5000 }),
    },
    ['lengthM'],
  ),
  variant(
    'kind',
    'curve',
    'A circular arc, optionally with clothoid transitions.',
    {
      id: { type: 'string', pattern: idPattern },
      radiusM: num('Radius of the reference line [m].', { minimum: 5, maximum: 100000 }),
      angleDeg: num('Turned angle [deg].', { exclusiveMinimum: 0, maximum: 270 }),
      direction: oneOfStrings('Turn direction.', SIDES),
      transitionM: num('Length of the clothoid entry and exit [m]; 0 for none.', { minimum: 0, maximum: 1000 }),
    },
    ['radiusM', 'angleDeg', 'direction'],
  ),
  variant(
    'kind',
    'shift',
    'A sideways shift of all lanes with a smooth (sine) profile, as at a construction zone.',
    {
      id: { type: 'string', pattern: idPattern },
      lengthM: num('Length [m].', { exclusiveMinimum: 0, maximum: 2000 }),
      offsetM: num('Lateral shift [m], positive to the left.', { minimum: -20, maximum: 20 }),
    },
    ['lengthM', 'offsetM'],
  ),
  variant(
    'kind',
    'junction',
    'A T or four-way junction; the main road goes straight through.',
    {
      id: { type: 'string', pattern: idPattern },
      shape: oneOfStrings('t: one side arm; four-way: two.', ['t', 'four-way']),
      side: oneOfStrings('Side of the arm for a T junction.', SIDES),
      signals: bool('Traffic signals.'),
      armLengthM: num('Length of each side arm [m].', { minimum: 10, maximum: 2000 }),
      greenS: num('Green time of the main road [s].', { exclusiveMinimum: 0 }),
      yellowS: num('Yellow time [s].', { minimum: 0 }),
      allRedS: num('All-red time between phases [s].', { minimum: 0 }),
      offsetS: num('Phase offset [s]: time into the cycle at t = 0.', { minimum: 0 }),
    },
    ['shape'],
  ),
  variant('kind', 'roundabout', 'A roundabout; the main road enters at arm 0 and leaves at exitArm.', {
    id: { type: 'string', pattern: idPattern },
    radiusM: num('Radius of the circulating lane centre [m].', { minimum: 8, maximum: 200 }),
    arms: int('Number of arms.', { minimum: 3, maximum: 6 }),
    exitArm: int('Arm by which the main road leaves.', { minimum: 1, maximum: 5 }),
    lanes: int('Circulating lanes.', { minimum: 1, maximum: 3 }),
    armLengthM: num('Length of each side arm [m].', { minimum: 10, maximum: 2000 }),
  }),
  variant(
    'kind',
    'tunnel',
    'A straight, covered piece of road.',
    {
      id: { type: 'string', pattern: idPattern },
      lengthM: num('Length [m].', { exclusiveMinimum: 0, maximum: 10000 }),
      lightLevel: num('Tunnel lighting 0..1.', { minimum: 0, maximum: 1 }),
    },
    ['lengthM'],
  ),
];

const furniture = obj(
  'Static road furniture, one item or a row.',
  {
    kind: oneOfStrings('What it is.', FURNITURE_KINDS),
    sign: oneOfStrings('Sign type (kind: sign).', SIGN_TYPES),
    s: num('Longitudinal position of the first item [m].'),
    toS: num('Last position of a row [m].'),
    spacingM: num('Spacing of a row [m].', { exclusiveMinimum: 0 }),
    side: oneOfStrings('Side of the road (placed beyond the kerb).', SIDES),
    t: num('Lateral position from the reference line [m] (instead of side).'),
  },
  ['kind', 's'],
);

export const scenarioSchema: Json = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: SCHEMA_ID,
  title: 'roadsynth scenario',
  description: 'A driving scenario with distributions over its parameters. See docs/grammar.md.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'name', 'road', 'ego'],
  properties: {
    $schema: { type: 'string' },
    version: { const: 1, description: 'Grammar version.' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 20000 },
    parameters: {
      type: 'object',
      description: 'Named parameters: a number, a string, or a distribution. Refer to them as "$name" or in "=expressions".',
      propertyNames: { pattern: idPattern },
      maxProperties: 256,
      additionalProperties: { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }, ref('distribution'), ref('reference')] },
    },
    requires: {
      type: 'array',
      description: 'Requirements over sampled values, such as "gapM > 2 * lengthM". Samples that break one are redrawn.',
      maxItems: 64,
      items: { type: 'string', minLength: 1, maxLength: 1000 },
    },
    sweep: obj('Defaults for sweeps over this scenario.', {
      design: { type: 'string', enum: DESIGNS },
      gridLevels: { type: 'integer', minimum: 2, maximum: 64, description: 'Levels per continuous dimension in a grid design.' },
      maxTries: { type: 'integer', minimum: 1, maximum: 100000, description: 'Rejection-sampling tries per sample.' },
      samples: {
        type: 'array',
        description:
          'Written by "roadsynth search": the instances its sweep (design "search") renders, sample i being item i. Each is a point of the unit cube of the random dimensions and its importance weight.',
        maxItems: 100000,
        items: obj(
          'One searched instance.',
          {
            u: {
              type: 'array',
              description: 'One coordinate in [0, 1) per random dimension, in dimension order.',
              maxItems: 4096,
              items: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
            },
            weight: { type: 'number', exclusiveMinimum: 0, description: 'Density under the declared distributions over the density of the proposal that drew it.' },
            score: { type: 'number', description: 'Criticality under the search objective (higher is more critical).' },
            rollout: { type: 'integer', minimum: 0, description: 'Position of its rollout in the search.' },
          },
          ['u', 'weight'],
        ),
      },
      search: {
        type: 'object',
        description: 'Written by "roadsynth search": how the samples were found (objective, method, budget, criticality per rollout, coverage); read by the report.',
      },
    }),
    simulation: obj('Simulation settings.', {
      durationS: num('Simulated time [s].', { exclusiveMinimum: 0, maximum: 600 }),
      dtS: { type: 'number', exclusiveMinimum: 0, maximum: 0.1, description: 'Fixed physics time step [s].' },
      nearMissTtcS: { type: 'number', minimum: 0, description: 'A minimum TTC below this [s] counts as a near miss.' },
    }),
    road: obj(
      'The road: lane layout along a chain of blocks.',
      {
        lanes: obj('Lane layout.', {
          forward: int('Lanes in the ego direction.', { minimum: 1, maximum: 6 }),
          backward: int('Oncoming lanes.', { minimum: 0, maximum: 6 }),
          widthM: num('Lane width [m].', { minimum: 2, maximum: 6 }),
        }),
        markings: obj('Lane markings.', {
          centre: oneOfStrings('Between directions.', MARKINGS),
          lanes: oneOfStrings('Between lanes of one direction.', MARKINGS),
          edge: oneOfStrings('At the road edge.', MARKINGS),
        }),
        parking: obj('Parking lanes.', {
          left: bool('A parking lane on the left.'),
          right: bool('A parking lane on the right.'),
          widthM: num('Width [m].', { minimum: 1.5, maximum: 4 }),
        }),
        sidewalks: obj('Sidewalks with kerbs.', {
          left: bool('A sidewalk on the left.'),
          right: bool('A sidewalk on the right.'),
          widthM: num('Width [m].', { minimum: 0.5, maximum: 10 }),
          kerbHeightM: num('Kerb height [m].', { minimum: 0, maximum: 0.4 }),
        }),
        shoulderM: num('Paved shoulder width [m].', { minimum: 0, maximum: 5 }),
        speedLimitMps: num('Speed limit [m/s].', { exclusiveMinimum: 0, maximum: 70 }),
        surface: oneOfStrings('Road surface; auto follows the weather.', SURFACES),
        frictionMu: num('Tyre-road friction coefficient, overriding the surface.', { exclusiveMinimum: 0, maximum: 1.5 }),
        setting: oneOfStrings('Roadside context.', ['urban', 'suburban', 'rural', 'highway']),
        blocks: { type: 'array', minItems: 1, maxItems: 64, items: { oneOf: blocks, discriminator: { propertyName: 'kind' } } },
        crosswalks: {
          type: 'array',
          maxItems: 32,
          items: obj('A zebra crossing.', { s: num('Position [m].'), widthM: num('Width [m].', { minimum: 1, maximum: 10 }) }, ['s']),
        },
        furniture: { type: 'array', maxItems: 256, items: furniture },
      },
      ['blocks'],
    ),
    weather: obj('Weather.', {
      rain: num('Rain intensity 0..1.', { minimum: 0, maximum: 1 }),
      snow: num('Snowfall intensity 0..1.', { minimum: 0, maximum: 1 }),
      fogVisibilityM: num('Meteorological visibility [m].', { minimum: 5, maximum: 100000 }),
      cloudCover: num('Cloud cover 0..1.', { minimum: 0, maximum: 1 }),
      wetness: num('Road wetness 0..1 (look and friction).', { minimum: 0, maximum: 1 }),
      puddles: num('Puddle coverage 0..1.', { minimum: 0, maximum: 1 }),
      snowCover: num('Snow lying on the ground 0..1.', { minimum: 0, maximum: 1 }),
    }),
    light: obj('Light.', {
      timeOfDayH: num('Local solar time [h]; sets the sun unless sunElevationDeg is given.', { minimum: 0, maximum: 24 }),
      sunElevationDeg: num('Sun elevation [deg].', { minimum: -90, maximum: 90 }),
      sunAzimuthDeg: num('Sun azimuth [deg], clockwise from the road direction at s = 0.', { minimum: -360, maximum: 360 }),
      streetLights: bool('Street lights on (default: when the sun is down).'),
      exposureEv: num('Exposure compensation [EV].', { minimum: -5, maximum: 5 }),
      glare: num('Lens glare strength 0..1.', { minimum: 0, maximum: 1 }),
    }),
    ego: obj(
      'The ego vehicle and its camera.',
      {
        kind: oneOfStrings('Vehicle kind.', VEHICLE_KINDS),
        place: placement,
        speedMps: num('Initial speed [m/s].', { minimum: 0, maximum: 90 }),
        colour,
        behaviours: actorProps.behaviours,
        camera,
        lights: obj('Ego vehicle lights (its headlights follow the light: on when it is dark or foggy).', {
          highBeams: bool('High beams (about 150 m of road) instead of low beams (about 60 m).'),
        }),
      },
      ['place'],
    ),
    actors: { type: 'array', maxItems: 200, items: obj('An actor.', actorProps, ['id', 'kind', 'place']) },
    focus,
    labels: obj("How this scenario's labels are written.", {
      classMap: {
        type: 'object',
        description:
          'Default class map of runs of this scenario (--class-map overrides it): roadsynth class (Car, Van, Truck, Bus, Motorcycle, Cyclist, Pedestrian, Animal, Object) -> your class name, or null to drop it. Example: {Bus: Truck, Animal: null}.',
        maxProperties: 20,
        propertyNames: { pattern: '^[A-Z][A-Za-z]*$' },
        additionalProperties: { anyOf: [{ type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' }, { type: 'null' }] },
      },
    }),
  },
  $defs: {
    weights: { type: 'array', minItems: 1, items: { type: 'number', minimum: 0 } },
    reference: {
      type: 'string',
      description: '"$name" refers to a parameter; "=expr" computes a value from parameters, e.g. "=gapM + 2".',
      pattern: '^(\\$[A-Za-z_][A-Za-z0-9_]*|=.+)$',
      maxLength: 1000,
    },
    distribution: {
      description: 'A distribution of values.',
      anyOf: [
        obj('A fixed value.', { const: { type: ['number', 'string', 'boolean'] } }, ['const']),
        obj('Uniform on [low, high].', { uniform: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], minItems: 2, maxItems: 2 } }, ['uniform']),
        obj('Normal.', { normal: obj('', { mean: { type: 'number' }, sd: { type: 'number', minimum: 0 } }, ['mean', 'sd']) }, ['normal']),
        obj(
          'Normal truncated to [min, max].',
          {
            truncnormal: obj('', { mean: { type: 'number' }, sd: { type: 'number', minimum: 0 }, min: { type: 'number' }, max: { type: 'number' } }, ['mean', 'sd', 'min', 'max']),
          },
          ['truncnormal'],
        ),
        obj('Integers low..high inclusive.', { int: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'integer' }], minItems: 2, maxItems: 2 } }, ['int']),
        obj(
          'A weighted choice among values.',
          {
            choice: { type: 'array', minItems: 1, maxItems: 1000, items: { type: ['number', 'string', 'boolean'] } },
            weights: { $ref: '#/$defs/weights' },
          },
          ['choice'],
        ),
      ],
    },
  },
};
