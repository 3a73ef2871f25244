/**
 * The generated blocks of docs/grammar.md: the table of top-level keys and the reference of
 * every key (its values, its default, its description) with the tables the derived defaults
 * look up. Everything here is read off the schema, its notes and `defaultTables.json`; the prose
 * and the examples around the blocks are written by hand (and checked by test/scenario).
 */
import {
  AID_FOOTPRINT_M,
  ANIMAL_LOOKS,
  BODY_FOOTPRINT_M,
  type Look,
  OBJECT_LOOKS,
  PERSON_HEIGHT_M,
  RIDER_HEIGHT_SHARE,
  RIDER_SADDLE_M,
  SEATED_HEIGHT_SHARE,
  SETTING_DEFAULTS,
  SOLAR_LATITUDE_DEG,
  VEHICLE_LOOKS,
} from '../defaults.js';
import { scenarioSchema } from '../schema.js';
import { instanceBranches, noteOf, type SchemaNode } from '../schemaNotes.js';
import { shownDefault } from './typesText.js';

type Props = Record<string, SchemaNode>;

const code = (s: unknown): string => `\`${s}\``;
const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** Words for the string patterns of the grammar. */
const PATTERNS: [RegExp, string][] = [
  [/^\^\(#/, 'colour name or #rrggbb'],
  [/^\^\(main/, 'road id (`main` or `<block id>.<arm>`)'],
  [/^\^\[A-Za-z_\]/, 'id'],
];

function range(s: SchemaNode): string {
  const lo = s.minimum as number | undefined;
  const xlo = s.exclusiveMinimum as number | undefined;
  const hi = s.maximum as number | undefined;
  const parts: string[] = [];
  if (lo !== undefined && hi !== undefined) parts.push(`${lo}..${hi}`);
  else if (lo !== undefined) parts.push(`>= ${lo}`);
  if (xlo !== undefined) parts.push(`> ${xlo}`);
  if (hi !== undefined && lo === undefined) parts.push(`<= ${hi}`);
  const not = (s.not as SchemaNode | undefined)?.const;
  if (not !== undefined) parts.push(`not ${not}`);
  return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}

/** What a key takes, in a few words. */
function valueText(node: SchemaNode): string {
  const n = noteOf(node);
  if (n.asWritten) return `list of up to ${node.maxItems} behaviours`;
  if ('const' in node) return code(typeof node.const === 'string' ? node.const : JSON.stringify(node.const));
  if (Array.isArray(node.enum)) return `one of ${node.enum.map(code).join(', ')}`;
  if (Array.isArray(node.anyOf)) return [...new Set(instanceBranches(node).map(valueText))].join(' or ');
  if (Array.isArray(node.oneOf)) return `mapping picked by ${code((node.discriminator as { propertyName: string }).propertyName)}`;
  switch (node.type) {
    case 'number':
    case 'integer':
      return `${node.type}${range(node)}`;
    case 'boolean':
      return 'true or false';
    case 'string': {
      const words = PATTERNS.find(([re]) => typeof node.pattern === 'string' && re.test(node.pattern))?.[1];
      return words ?? (typeof node.maxLength === 'number' ? `text, up to ${node.maxLength} characters` : 'text');
    }
    case 'array': {
      const items = node.items as SchemaNode;
      const what = items.type === 'object' || Array.isArray(items.anyOf) || Array.isArray(items.oneOf) ? 'mappings' : `(${valueText(items)})`;
      return `list of ${typeof node.maxItems === 'number' ? `up to ${node.maxItems} ` : ''}${what}`;
    }
    default:
      return 'mapping';
  }
}

/** The default column: required, the default (fixed or derived), or blank (absent unless written). */
function defaultText(parent: SchemaNode, key: string, child: SchemaNode, asWritten: boolean): string {
  if (((parent.required as string[] | undefined) ?? []).includes(key)) return 'required';
  if (asWritten) return '';
  const d = shownDefault(child);
  if (d !== undefined) return d;
  return child.type === 'object' && 'default' in child ? "its keys' defaults" : '';
}

function table(node: SchemaNode, asWritten: boolean, keys: [string, SchemaNode][]): string {
  const rows = ['| key | value | default | |', '|---|---|---|---|'];
  const extra = noteOf(node).instanceOnly ?? [];
  for (const [key, child] of keys) {
    const description = typeof child.description === 'string' ? child.description : '';
    rows.push(`| ${code(key)} | ${cell(valueText(child))} | ${cell(defaultText(node, key, child, asWritten))} | ${cell(description)} |`);
    for (const e of extra.filter((x) => x.after === key)) rows.push(`| (${e.key}) | computed | | ${cell(e.description)} |`);
  }
  return rows.join('\n');
}

/** How often each named type stands in the schema: one used in several places is titled by its key alone. */
function typeUses(node: unknown, uses: Map<string, number>): Map<string, number> {
  if (node === null || typeof node !== 'object') return uses;
  const name = noteOf(node as SchemaNode).typeName;
  if (name) uses.set(name, (uses.get(name) ?? 0) + 1);
  for (const v of Object.values(node)) typeUses(v, uses);
  return uses;
}

/** One `### path` section per mapping of the instance, in the schema's order, each named type once. */
class Reference {
  readonly sections: string[] = [];
  private readonly seen = new Set<string>();
  private readonly uses = typeUses(scenarioSchema, new Map());

  object(node: SchemaNode, title: string, asWritten: boolean): void {
    const keys = Object.entries(node.properties as Props).filter(([, c]) => !noteOf(c).fileOnly);
    const lead = typeof node.description === 'string' && node.description !== '' ? `${node.description}\n\n` : '';
    this.sections.push(`### ${title}\n\n${lead}${table(node, asWritten, keys)}`);
    const path = title.split(' ')[0].replace(/`/g, '');
    for (const [key, child] of keys) this.part(child, `${path}.${key}`, asWritten);
  }

  part(node: SchemaNode, path: string, asWritten: boolean): void {
    const n = noteOf(node);
    if (n.typeName) {
      if (this.seen.has(n.typeName)) return;
      this.seen.add(n.typeName);
    }
    const written = asWritten || n.asWritten === true;
    const at = (n.typeName && (this.uses.get(n.typeName) ?? 0) > 1) || n.asWritten ? (path.split('.').pop() as string) : path;
    if (Array.isArray(node.anyOf)) {
      const shapes = instanceBranches(node).filter((x) => x.type === 'object');
      for (const b of shapes) this.object(b, shapes.length > 1 ? `${code(at)} with ${code((b.required as string[])[0])}` : code(at), written);
      for (const b of instanceBranches(node).filter((x) => x.type === 'array')) this.part(b, at, written);
    } else if (Array.isArray(node.oneOf)) {
      const tag = (node.discriminator as { propertyName: string }).propertyName;
      for (const v of node.oneOf as SchemaNode[]) this.object(v, `${code(at)} with ${code(`${tag}: ${(v.properties as Props)[tag].const}`)}`, written);
    } else if (node.type === 'array' && typeof node.items === 'object') this.part(node.items as SchemaNode, `${at}[]`, written);
    else if (node.type === 'object' && node.properties) this.object(node, code(at), written);
  }
}

const size = (s: { lengthM: number; widthM: number; heightM: number }): string => `${s.lengthM} × ${s.widthM} × ${s.heightM}`;

function lookTable(head: string, looks: Record<string, Look>): string {
  const rows = [`| ${head} | size [m] | colour |`, '|---|---|---|'];
  for (const [name, look] of Object.entries(looks)) rows.push(`| ${name} | ${size(look)}${look.note ? ` (${look.note})` : ''} | ${look.colour} |`);
  return rows.join('\n');
}

/** The tables the derived defaults look up (defaultTables.json and the constants of defaults.ts). */
function lookupTables(): string {
  const settings = ['| `setting` | `speedLimitMps` | `shoulderM` | sidewalks (`left`, `right`) |', '|---|---|---|---|'];
  for (const [name, row] of Object.entries(SETTING_DEFAULTS)) {
    settings.push(`| ${name} | ${Number((row.speedLimitKmh / 3.6).toFixed(2))} (${row.speedLimitKmh} km/h) | ${row.shoulderM} | ${row.sidewalks} |`);
  }
  const { bicycle, ...vehicles } = VEHICLE_LOOKS;
  const kinds = lookTable('kind', vehicles).split('\n');
  kinds.push(`| bicycle (with rider) | ${bicycle.lengthM} × ${bicycle.widthM} × (${RIDER_SADDLE_M} + ${RIDER_HEIGHT_SHARE} × rider height) | ${bicycle.colour} |`);
  kinds.push('| pedestrian | from the person, below | the person’s `topColour` |');
  const heights = Object.entries(PERSON_HEIGHT_M)
    .map(([group, h]) => `${group} ${h}`)
    .join(', ');
  const aids = Object.entries(AID_FOOTPRINT_M)
    .filter(([, f]) => f.lengthM > 0)
    .map(([aid, f]) => `${aid} ${f.lengthM} × ${f.widthM}`)
    .join(', ');
  return [
    '### Defaults by roadside setting',
    settings.join('\n'),
    '### Sizes and colours by kind',
    'Length × width × height; `size` overrides each of them.',
    kinds.join('\n'),
    `Animals (\`animal.species\`):\n\n${lookTable('species', ANIMAL_LOOKS)}`,
    `Objects (\`object.shape\`):\n\n${lookTable('shape', OBJECT_LOOKS)}`,
    '### Sun',
    `\`sunElevationDeg\` and \`sunAzimuthDeg\` follow from \`timeOfDayH\` with a simple solar model: equinox at latitude ${SOLAR_LATITUDE_DEG}° N, road heading north at ` +
      `s = 0. Sunrise 6 h in the east (azimuth 90°), noon ${90 - SOLAR_LATITUDE_DEG}° high behind the ego (azimuth 180°), sunset 18 h in the west (270°), midnight ${SOLAR_LATITUDE_DEG - 90}°.`,
    '### People',
    `Body height by age group [m]: ${heights}. A pedestrian's box: the body is ${BODY_FOOTPRINT_M.lengthM} long × ${BODY_FOOTPRINT_M.widthM} wide for a ` +
      `${PERSON_HEIGHT_M.adult} m adult, scaled with height; a mobility aid widens it to at least ${aids}. A wheelchair user is seated: height × ${SEATED_HEIGHT_SHARE}.`,
  ].join('\n\n');
}

/** The table of top-level keys. */
function topLevelBlock(): string {
  const keys = Object.entries(scenarioSchema.properties as Props);
  return table(scenarioSchema, false, keys);
}

/** Every mapping of the instance with its keys, then the lookup tables. */
function referenceBlock(): string {
  const ref = new Reference();
  for (const [key, child] of Object.entries(scenarioSchema.properties as Props)) {
    if (!noteOf(child).fileOnly) ref.part(child, key, false);
  }
  return [...ref.sections, lookupTables()].join('\n\n');
}

const BLOCKS: Record<string, () => string> = { 'top-level': topLevelBlock, reference: referenceBlock };

const begin = (name: string): string => `<!-- generated: ${name} (npm run schema writes this block from src/scenario/schema.ts; edit the schema, not this block) -->`;
const end = (name: string): string => `<!-- end of generated: ${name} -->`;

/** `doc` (the text of docs/grammar.md) with every generated block written afresh. */
export function grammarDocText(doc: string): string {
  let out = doc;
  for (const [name, make] of Object.entries(BLOCKS)) {
    const from = out.indexOf(begin(name));
    const to = out.indexOf(end(name));
    if (from < 0 || to < from) throw new Error(`docs/grammar.md has no generated block "${name}": add the lines\n${begin(name)}\n${end(name)}`);
    out = `${out.slice(0, from)}${begin(name)}\n\n${make()}\n\n${out.slice(to)}`;
  }
  return out;
}
