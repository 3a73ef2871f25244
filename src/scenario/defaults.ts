/**
 * Fills every default of a resolved scenario (all distributions and references already
 * replaced by concrete values), giving a complete `ScenarioInstance`. Later stages never test
 * for missing fields.
 *
 * The filler walks the schema (`schema.ts`, the one description of the model): each key is
 * taken as written, else from the schema's `default`, else, where the schema notes a derived
 * default, computed by the rule of its type in `RULES` below, which runs once the object's own
 * keys are filled. Keys come out in the schema's order. A value of the wrong type here is a bug
 * upstream (sampled values are checked against the grammar before this runs), not a user error.
 */
import tables from './defaultTables.json' with { type: 'json' };
import { scenarioSchema } from './schema.js';
import { instanceBranches, noteOf, type SchemaNode } from './schemaNotes.js';
import type { AgeGroup, AnimalSpecies, InstanceTypes, MobilityAid, ObjectShape, PersonLook, RoadSetting, ScenarioInstance, Size, SpecNode, VehicleKind } from './types.js';

// ---------------------------------------------------------------- tables of derived defaults

/** Default size [m] and colour of a kind, species or shape. */
export interface Look extends Size {
  colour: string;
  /** How it stands, where that is not obvious (docs). */
  note?: string;
}

/** Speed limit [km/h], paved shoulder [m] and sidewalks by roadside setting. */
export const SETTING_DEFAULTS: Record<RoadSetting, { speedLimitKmh: number; shoulderM: number; sidewalks: boolean }> = tables.settings;
/** The bicycle's height is replaced by its rider's (see `kindLook`). */
export const VEHICLE_LOOKS: Record<VehicleKind | 'bicycle', Look> = tables.vehicles;
export const ANIMAL_LOOKS: Record<AnimalSpecies, Look> = tables.animals;
export const OBJECT_LOOKS: Record<ObjectShape, Look> = tables.objects;
/** Body height by age group [m]. */
export const PERSON_HEIGHT_M: Record<AgeGroup, number> = tables.personHeightM;
/** Footprint of a mobility aid with its user [m]; a person's box is the larger of body and aid. */
export const AID_FOOTPRINT_M: Record<MobilityAid, { lengthM: number; widthM: number }> = tables.aidFootprintM;

/** Footprint of a 1.75 m adult's body [m]; it scales with body height. */
export const BODY_FOOTPRINT_M = { lengthM: 0.3, widthM: 0.5 };
/** A seated wheelchair user's height as a share of body height. */
export const SEATED_HEIGHT_SHARE = 0.75;
/** A cyclist sits this high [m] and shows `RIDER_HEIGHT_SHARE` of their height above the saddle line. */
export const RIDER_SADDLE_M = 0.55;
export const RIDER_HEIGHT_SHARE = 0.7;
/** Latitude of the simple solar model [deg]; the road at s = 0 is taken to head north. */
export const SOLAR_LATITUDE_DEG = 45;

/** Id of a road block written without one. */
export function defaultBlockId(index: number): string {
  return `b${index}`;
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

const sizeOf = (look: Size): Size => ({ lengthM: look.lengthM, widthM: look.widthM, heightM: look.heightM });

// ---------------------------------------------------------------- fixed defaults by place

/**
 * The schema's `default` at `pointer`: keys of the instance, with a tagged variant named by its
 * tag, e.g. `/road/blocks/roundabout/arms`. Throws when there is none (a typo is a bug).
 */
function fixedDefault(pointer: string): unknown {
  let node = scenarioSchema;
  for (const seg of pointer.split('/').slice(1)) {
    while (node.type === 'array') node = node.items as SchemaNode;
    if (Array.isArray(node.oneOf)) {
      const tag = (node.discriminator as { propertyName: string }).propertyName;
      node = (node.oneOf as SchemaNode[]).find((v) => (v.properties as Record<string, SchemaNode>)[tag].const === seg) ?? {};
    } else node = (node.properties as Record<string, SchemaNode> | undefined)?.[seg] ?? {};
  }
  if (!('default' in node)) throw new Error(`the scenario schema gives no default at ${pointer}`);
  return node.default;
}

export const DEFAULT_DURATION_S = fixedDefault('/simulation/durationS') as number;
export const DEFAULT_DT_S = fixedDefault('/simulation/dtS') as number;
export const DEFAULT_FORWARD_LANES = fixedDefault('/road/lanes/forward') as number;
export const DEFAULT_BACKWARD_LANES = fixedDefault('/road/lanes/backward') as number;
export const DEFAULT_JUNCTION_SIDE = fixedDefault('/road/blocks/junction/side') as string;
export const DEFAULT_ROUNDABOUT_ARMS = fixedDefault('/road/blocks/roundabout/arms') as number;

// ---------------------------------------------------------------- derived defaults

type Obj = { [key: string]: unknown };

/** Where a rule runs. */
interface FillContext {
  pointer: string;
  /** Position in the enclosing list (a block without an id is named by it). */
  index: number;
  /** Key `key` of this object filled from `value`, as if the file had written it. */
  fill(key: string, value: SpecNode): unknown;
}

/**
 * The derived defaults, one rule per instance type whose keys (or whose parts' keys) the schema
 * notes as `derived`. A rule sees its object with every other key filled; a derived key the file
 * left out is still undefined there.
 */
type Rules = { [T in keyof InstanceTypes]?: (value: InstanceTypes[T], ctx: FillContext) => void };

const RULES: Rules = {
  RoadSpec(road, ctx) {
    const row = SETTING_DEFAULTS[road.setting];
    if (!row) throw fault(`${ctx.pointer}/setting`, 'a roadside setting', road.setting);
    road.sidewalks.left ??= row.sidewalks;
    road.sidewalks.right ??= row.sidewalks;
    road.shoulderM ??= row.shoulderM;
    road.speedLimitMps ??= row.speedLimitKmh / 3.6;
  },
  RoadBlock(block, ctx) {
    block.id ??= defaultBlockId(ctx.index);
  },
  FurnitureItem(item) {
    // A lateral position wins over a side.
    if (item.t !== undefined) item.side = undefined;
    else item.side ??= 'right';
  },
  Weather(w) {
    w.cloudCover ??= Math.max(w.rain, w.snow);
    // Rain wets the road and snow settles unless the file says otherwise.
    w.wetness ??= w.rain;
    w.snowCover ??= w.snow;
  },
  Light(l) {
    const sun = sunFromTimeOfDay(l.timeOfDayH);
    l.sunElevationDeg ??= sun.elevationDeg;
    l.sunAzimuthDeg ??= sun.azimuthDeg;
    l.streetLights ??= l.sunElevationDeg < 0;
  },
  EgoInstance(ego) {
    ego.size = sizeOf(VEHICLE_LOOKS[ego.kind]);
  },
  PersonLook(p) {
    p.heightM ??= PERSON_HEIGHT_M[p.ageGroup];
  },
  ActorInstance(a, ctx) {
    // Appearance blocks belong to their kinds only; a kind that has one always gets it.
    a.person = a.kind === 'pedestrian' || a.kind === 'bicycle' ? (a.person ?? (ctx.fill('person', {}) as PersonLook)) : undefined;
    a.animal = a.kind === 'animal' ? (a.animal ?? (ctx.fill('animal', {}) as { species: AnimalSpecies })) : undefined;
    a.object = a.kind === 'object' ? (a.object ?? (ctx.fill('object', {}) as { shape: ObjectShape })) : undefined;
    const look = kindLook(a, ctx.pointer);
    a.colour ??= look.colour;
    const written: Partial<Size> = a.size ?? {};
    a.size = { lengthM: written.lengthM ?? look.lengthM, widthM: written.widthM ?? look.widthM, heightM: written.heightM ?? look.heightM };
    a.lights.headlights ??= 'auto';
  },
  ScenarioFocus(f) {
    const written = f.actors as string | string[] | undefined;
    if (typeof written === 'string') f.actors = [written];
    else if (written === undefined) {
      const e = f.event;
      const named = e === undefined || e.kind === 'signal' ? [] : e.kind === 'collision' ? [e.actor, e.with] : [e.actor];
      f.actors = named.filter((id): id is string => id !== undefined && id !== 'ego');
    }
  },
};

/** Size and colour of an actor before the file's overrides. */
function kindLook(a: InstanceTypes['ActorInstance'], pointer: string): Look {
  switch (a.kind) {
    case 'pedestrian':
      return { ...personSize(a.person as PersonLook), colour: (a.person as PersonLook).topColour };
    case 'bicycle':
      return { ...VEHICLE_LOOKS.bicycle, heightM: RIDER_SADDLE_M + RIDER_HEIGHT_SHARE * (a.person as PersonLook).heightM };
    case 'animal':
      return ANIMAL_LOOKS[(a.animal as { species: AnimalSpecies }).species];
    case 'object':
      return OBJECT_LOOKS[(a.object as { shape: ObjectShape }).shape];
    default:
      if (!Object.hasOwn(VEHICLE_LOOKS, a.kind)) throw fault(`${pointer}/kind`, 'an actor kind', a.kind);
      return VEHICLE_LOOKS[a.kind];
  }
}

// ---------------------------------------------------------------- the filler

function fault(pointer: string, expected: string, got: unknown): Error {
  return new TypeError(`applyDefaults: ${pointer || '/'} must be ${expected} after sampling, got ${JSON.stringify(got)}`);
}

const missing = (v: unknown): v is null | undefined => v === undefined || v === null;

function asObject(v: unknown, pointer: string): Obj {
  if (missing(v)) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw fault(pointer, 'a mapping', v);
  return v as Obj;
}

function asList(v: unknown, pointer: string): unknown[] {
  if (missing(v)) return [];
  if (!Array.isArray(v)) throw fault(pointer, 'a list', v);
  return v;
}

const isFiniteNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);

/** By JSON Schema type: what the fault says is expected, and the check. Mappings and lists only come here when the value is neither. */
const LEAF_CHECKS: Record<string, [expected: string, ok: (v: unknown) => boolean]> = {
  number: ['a finite number', isFiniteNumber],
  integer: ['a finite number', isFiniteNumber],
  string: ['a string', (v) => typeof v === 'string'],
  boolean: ['true or false', (v) => typeof v === 'boolean'],
  object: ['a mapping', () => false],
  array: ['a list', () => false],
};

/** JSON types a leaf of the instance may have. */
function leafTypes(node: SchemaNode): string[] {
  if (Array.isArray(node.anyOf)) return [...new Set(instanceBranches(node).flatMap(leafTypes))];
  return Array.isArray(node.type) ? (node.type as string[]) : [String(node.type)];
}

/** The object a missing required key stands for: an empty mapping or list, or nothing for a leaf. */
function emptyOf(node: SchemaNode): SpecNode | undefined {
  const types = Array.isArray(node.anyOf) ? instanceBranches(node).map((b) => b.type) : [node.type];
  return types.includes('object') ? {} : types.includes('array') ? [] : undefined;
}

/** One fill of one scenario: derived keys still owed, checked once every rule has run. */
class Filler {
  private readonly owed: { obj: Obj; key: string; pointer: string }[] = [];

  instance(resolved: SpecNode): ScenarioInstance {
    const out = this.value(scenarioSchema, resolved, '', 0) as ScenarioInstance;
    const reachable = new Set<unknown>();
    strip(out, reachable);
    for (const { obj, key, pointer } of this.owed) {
      if (reachable.has(obj) && obj[key] === undefined) throw new Error(`applyDefaults: no rule gave the derived default at ${pointer}/${key}`);
    }
    return out;
  }

  /** The instance value of `node` for the written `v`. */
  private value(node: SchemaNode, v: unknown, pointer: string, index: number): unknown {
    const n = noteOf(node);
    // Behaviours keep the simulator's defaults: taken as written.
    if (n.asWritten) return asList(v, pointer).map((item, i) => asObject(item, `${pointer}/${i}`));
    if ('const' in node) return node.const;
    const concrete = this.branch(node, v, pointer);
    let out: unknown;
    if (concrete !== node) out = this.value(concrete, v, pointer, index);
    else if (node.type === 'object') out = this.object(node, asObject(v, pointer), pointer, index);
    else if (node.type === 'array') out = asList(v, pointer).map((item, i) => this.value(node.items as SchemaNode, item, `${pointer}/${i}`, i));
    else out = leaf(node, v, pointer);
    const rule = n.typeName ? (RULES as Record<string, ((value: unknown, ctx: FillContext) => void) | undefined>)[n.typeName] : undefined;
    if (rule) {
      const objectNode = concrete;
      rule(out, { pointer, index, fill: (key, value) => this.value((objectNode.properties as Record<string, SchemaNode>)[key], value, `${pointer}/${key}`, 0) });
    }
    return out;
  }

  /** The one shape of a union that a written value takes; the node itself when it is no union or the value a leaf. */
  private branch(node: SchemaNode, v: unknown, pointer: string): SchemaNode {
    if (Array.isArray(node.oneOf)) {
      const tag = (node.discriminator as { propertyName: string }).propertyName;
      const written = asObject(v, pointer)[tag];
      const variants = node.oneOf as SchemaNode[];
      const found = variants.find((b) => (b.properties as Record<string, SchemaNode>)[tag].const === written);
      if (!found) throw fault(`${pointer}/${tag}`, `one of ${variants.map((b) => (b.properties as Record<string, SchemaNode>)[tag].const).join(', ')}`, written);
      return found;
    }
    if (!Array.isArray(node.anyOf) || missing(v) || typeof v !== 'object') return node;
    const branches = instanceBranches(node);
    if (Array.isArray(v)) return branches.find((b) => b.type === 'array') ?? node;
    // A mapping takes the (last) shape whose required keys it has: `relativeTo` marks a relative placement.
    const objects = branches.filter((b) => b.type === 'object');
    const complete = objects.filter((b) => ((b.required as string[]) ?? []).every((k) => !missing((v as Obj)[k])));
    return complete[complete.length - 1] ?? objects[0] ?? node;
  }

  private object(node: SchemaNode, written: Obj, pointer: string, index: number): Obj {
    const required = (node.required as string[] | undefined) ?? [];
    const instanceOnly = noteOf(node).instanceOnly ?? [];
    const out: Obj = {};
    for (const [key, child] of Object.entries(node.properties as Record<string, SchemaNode>)) {
      const n = noteOf(child);
      if (n.fileOnly) continue;
      const v = written[key];
      const at = `${pointer}/${key}`;
      if (!missing(v)) out[key] = this.value(child, v, at, index);
      else if ('default' in child) out[key] = this.value(child, child.default, at, index);
      else if (n.derived !== undefined) {
        // Held in place (so keys keep the schema's order) until the rule fills it.
        out[key] = undefined;
        if (!n.mayBeAbsent) this.owed.push({ obj: out, key, pointer });
      } else if (required.includes(key)) out[key] = this.value(child, emptyOf(child), at, index);
      for (const extra of instanceOnly.filter((e) => e.after === key)) {
        out[extra.key] = undefined;
        this.owed.push({ obj: out, key: extra.key, pointer });
      }
    }
    return out;
  }
}

function leaf(node: SchemaNode, v: unknown, pointer: string): unknown {
  const checks = [...new Map(leafTypes(node).map((t) => LEAF_CHECKS[t])).entries()];
  if (checks.some(([, ok]) => ok(v))) return v;
  throw fault(pointer, checks.map(([expected]) => expected).join(' or '), v);
}

/** Removes keys a rule left undefined, and collects every object of the result. */
function strip(v: unknown, reachable: Set<unknown>): void {
  if (v === null || typeof v !== 'object') return;
  reachable.add(v);
  if (Array.isArray(v)) {
    for (const x of v) strip(x, reachable);
    return;
  }
  const obj = v as Obj;
  for (const key of Object.keys(obj)) {
    if (obj[key] === undefined) delete obj[key];
    else strip(obj[key], reachable);
  }
}

/** Completes a resolved scenario with every default. */
export function applyDefaults(resolved: SpecNode): ScenarioInstance {
  return new Filler().instance(resolved);
}
