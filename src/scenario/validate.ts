/**
 * Schema validation with one clear error per place.
 *
 * ajv (draft 2020-12) decides validity. Its raw error list is noisy where the grammar says
 * "a number, or a distribution, or a reference" (anyOf fans out into one error per branch,
 * and per branch of the nested distribution). So when ajv rejects a value we walk the schema
 * along the data and, at each anyOf, follow only the branch the author evidently meant (by
 * the value's type, its keys, a leading "$" or "="); every verdict along the walk is still
 * ajv's, from validators compiled for each sub-schema and cached for the process.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { didYouMean, pointerSegment, type ScenarioError } from './errors.js';
import type { Position } from './parse.js';
import { SCHEMA_ID, scenarioSchema } from './schema.js';

type Schema = Record<string, unknown>;

/** Most errors reported for one file; the rest are summarised. */
export const MAX_VALIDATION_ERRORS = 100;

export interface SchemaProblem {
  pointer: string;
  message: string;
  hint?: string;
  /** Point at the key (unknown keys) rather than the value. */
  at: 'key' | 'value';
}

let ajv: InstanceType<typeof Ajv2020> | undefined;
const validators = new Map<string, ValidateFunction>();

function getAjv(): InstanceType<typeof Ajv2020> {
  if (!ajv) {
    // code.optimize off: ajv's pass that prunes the generated code costs ~60 % of compiling
    // this schema (measured: 610 -> 250 ms) and saves nothing noticeable on one file's check;
    // it is most of a `roadsynth validate` start.
    ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: false, inlineRefs: false, code: { optimize: false } });
    ajv.addSchema(scenarioSchema);
  }
  return ajv;
}

/** The ajv validator of the sub-schema at a schema pointer, compiled once per process. */
function validatorAt(schemaPointer: string): ValidateFunction {
  let v = validators.get(schemaPointer);
  if (!v) {
    const found = getAjv().getSchema(`${SCHEMA_ID}#${schemaPointer}`);
    if (!found) throw new Error(`no schema at ${schemaPointer}`);
    v = found;
    validators.set(schemaPointer, v);
  }
  return v;
}

function schemaAt(schemaPointer: string): Schema {
  let node: unknown = scenarioSchema;
  for (const seg of schemaPointer.split('/').slice(1)) {
    node = (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node as Schema;
}

/** Follows `$ref`s to the schema pointer of the schema that holds content. */
function resolve(schemaPointer: string): string {
  let p = schemaPointer;
  for (let i = 0; i < 8; i++) {
    const ref = schemaAt(p).$ref;
    if (typeof ref !== 'string') return p;
    p = ref.replace(/^#/, '');
  }
  return p;
}

/** The non-anyOf schemas an anyOf stands for, refs and nested anyOfs expanded. */
function leaves(schemaPointer: string): string[] {
  const p = resolve(schemaPointer);
  const s = schemaAt(p);
  if (Array.isArray(s.anyOf)) return s.anyOf.flatMap((_, i) => leaves(`${p}/anyOf/${i}`));
  return [p];
}

/**
 * Checks `spec` against the grammar. Returns positioned errors (empty when valid).
 * @param locate maps a JSON pointer to its place in the source (from `parseScenarioText`).
 */
export function validateScenario(spec: unknown, locate: (pointer: string, part?: 'key' | 'value') => Position, fileName: string): ScenarioError[] {
  const problems = schemaProblems(spec);
  const shown = problems.slice(0, MAX_VALIDATION_ERRORS);
  const errors = shown.map((p): ScenarioError => {
    const pos = locate(p.pointer, p.at);
    return { file: fileName, line: pos.line, col: pos.col, pointer: p.pointer, message: p.message, ...(p.hint ? { hint: p.hint } : {}) };
  });
  if (problems.length > shown.length) {
    // The walk stops early once over the cap, so the rest are not counted.
    errors.push({ file: fileName, line: 1, col: 1, pointer: '', message: `more than ${MAX_VALIDATION_ERRORS} schema errors; the rest are not shown`, hint: 'fix these first' });
  }
  return errors;
}

/** Schema problems of a value, one per place, unpositioned (empty when valid). */
export function schemaProblems(spec: unknown): SchemaProblem[] {
  const root = validatorAt('');
  if (root(spec)) return [];
  const problems: SchemaProblem[] = [];
  explain('', spec, '', problems);
  if (problems.length === 0) {
    // The walk should always find the cause; if it does not, ajv's own words are better than silence.
    for (const e of root.errors ?? []) problems.push({ pointer: e.instancePath, message: e.message ?? 'invalid value', at: 'value' });
  }
  return problems;
}

/**
 * Schema problems of `value` if it stood at `segments` in the schema-valid `spec` (empty when it
 * fits). Only the sub-schema of that place is checked, which keeps probing cheap.
 */
export function problemsAt(spec: unknown, segments: readonly string[], value: unknown): SchemaProblem[] {
  const sp = schemaPointerAt(spec, segments);
  if (sp === undefined || validatorAt(sp)(value)) return [];
  const problems: SchemaProblem[] = [];
  explain(sp, value, segments.map((s) => `/${pointerSegment(s)}`).join(''), problems);
  return problems;
}

/** The schema pointer that governs the value at `segments` of a schema-valid `data`. */
function schemaPointerAt(data: unknown, segments: readonly string[]): string | undefined {
  let sp = '';
  let node = data;
  for (let i = 0; ; i++) {
    sp = resolve(sp);
    if (i === segments.length) return sp;
    // Settle on the branch of an alternative that the (valid) data at this level takes.
    for (let s = schemaAt(sp); Array.isArray(s.anyOf) || Array.isArray(s.oneOf); s = schemaAt(sp)) {
      const key = Array.isArray(s.anyOf) ? 'anyOf' : 'oneOf';
      const n = (s[key] as unknown[]).length;
      let branch = -1;
      for (let j = 0; j < n && branch < 0; j++) if (validatorAt(`${sp}/${key}/${j}`)(node)) branch = j;
      if (branch < 0) return undefined;
      sp = resolve(`${sp}/${key}/${branch}`);
    }
    const s = schemaAt(sp);
    const seg = segments[i];
    if (Array.isArray(node)) {
      const k = Number(seg);
      const prefix = Array.isArray(s.prefixItems) ? s.prefixItems.length : 0;
      sp = k < prefix ? `${sp}/prefixItems/${k}` : `${sp}/items`;
      node = node[k];
    } else if (node !== null && typeof node === 'object') {
      const props = (s.properties ?? {}) as Schema;
      if (Object.hasOwn(props, seg)) sp = `${sp}/properties/${pointerSegment(seg)}`;
      else if (typeof s.additionalProperties === 'object') sp = `${sp}/additionalProperties`;
      else return undefined;
      node = (node as Record<string, unknown>)[seg];
    } else return undefined;
  }
}

function explain(sp: string, data: unknown, ip: string, out: SchemaProblem[]): void {
  if (out.length > MAX_VALIDATION_ERRORS) return;
  const s = schemaAt(sp);
  if (typeof s.$ref === 'string') {
    explain(resolve(sp), data, ip, out);
    return;
  }
  const d = s.discriminator as { propertyName?: string } | undefined;
  if (Array.isArray(s.oneOf) && d?.propertyName) {
    explainTagged(sp, s.oneOf as Schema[], d.propertyName, data, ip, out);
    return;
  }
  // Containers are walked without asking ajv first: compiling a validator for every level of
  // a big subtree costs far more than walking it, and a container's own keywords (required,
  // unknown keys, item counts) are checked exactly below; ajv judges alternatives and leaves.
  const container = (s.type === 'object' || s.type === 'array') && typeAccepts(s, data);
  if (!container && validatorAt(sp)(data)) return;
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    explainAlternatives(sp, data, ip, out);
    return;
  }
  const before = out.length;
  explainPlain(sp, s, data, ip, out);
  if (!container && out.length === before) out.push({ pointer: ip, message: `expected ${describe(sp)}, got ${describeValue(data)}`, at: 'value' });
}

function explainPlain(sp: string, s: Schema, data: unknown, ip: string, out: SchemaProblem[]): void {
  const expected = (): void => {
    out.push({ pointer: ip, message: `expected ${describe(sp)}, got ${describeValue(data)}`, at: 'value' });
  };
  if (!typeAccepts(s, data)) {
    expected();
    return;
  }
  if ('const' in s && data !== s.const) {
    expected();
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.includes(data)) {
    const hint =
      typeof data === 'string'
        ? didYouMean(
            data,
            s.enum.filter((x): x is string => typeof x === 'string'),
          )
        : undefined;
    out.push({ pointer: ip, message: `expected ${describe(sp)}, got ${describeValue(data)}`, ...(hint ? { hint } : {}), at: 'value' });
    return;
  }
  if (typeof data === 'number' || typeof data === 'string' || typeof data === 'boolean' || data === null) {
    // Range, pattern, length, `not`: all summed up by the description of what is expected.
    expected();
    return;
  }
  if (Array.isArray(data)) {
    if ((typeof s.minItems === 'number' && data.length < s.minItems) || (typeof s.maxItems === 'number' && data.length > s.maxItems)) {
      out.push({ pointer: ip, message: `expected ${describe(sp)}, got a list of ${data.length}`, at: 'value' });
      return;
    }
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems.length : 0;
    data.forEach((item, i) => {
      const child = i < prefix ? `${sp}/prefixItems/${i}` : `${sp}/items`;
      if (i < prefix || s.items !== undefined) explain(child, item, `${ip}/${i}`, out);
    });
    return;
  }
  const obj = data as Record<string, unknown>;
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const names = Object.keys(props);
  for (const key of (s.required ?? []) as string[]) {
    if (!Object.hasOwn(obj, key)) {
      out.push({ pointer: ip, message: `missing required key "${key}"`, at: 'value' });
    }
  }
  const keys = Object.keys(obj);
  if (typeof s.minProperties === 'number' && keys.length < s.minProperties) {
    out.push({ pointer: ip, message: `expected at least ${s.minProperties} key${s.minProperties === 1 ? '' : 's'}`, hint: `one of ${names.join(', ')}`, at: 'value' });
  }
  if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) {
    out.push({ pointer: ip, message: `expected at most ${s.maxProperties} keys, got ${keys.length}`, at: 'value' });
  }
  const namePattern = (s.propertyNames as Schema | undefined)?.pattern;
  for (const key of keys) {
    const cp = `${ip}/${pointerSegment(key)}`;
    if (typeof namePattern === 'string' && !new RegExp(namePattern, 'u').test(key)) {
      out.push({ pointer: cp, message: `invalid name "${key}": use letters, digits and _, starting with a letter or _`, at: 'key' });
      continue;
    }
    if (Object.hasOwn(props, key)) {
      explain(`${sp}/properties/${pointerSegment(key)}`, obj[key], cp, out);
    } else if (s.additionalProperties === false) {
      const hint = didYouMean(key, names) ?? (names.length > 0 && names.length <= 16 ? `allowed here: ${names.join(', ')}` : undefined);
      out.push({ pointer: cp, message: `unknown key "${key}"`, ...(hint ? { hint } : {}), at: 'key' });
    } else if (typeof s.additionalProperties === 'object') {
      explain(`${sp}/additionalProperties`, obj[key], cp, out);
    }
  }
}

/** anyOf (or an untagged oneOf): follow the branch the author most likely meant. */
function explainAlternatives(sp: string, data: unknown, ip: string, out: SchemaProblem[]): void {
  // A fractional number is meant for an integer branch too: "expected an integer" says why it fails.
  const candidates = leaves(sp).filter((l) => typeAccepts(schemaAt(l), data) || (typeof data === 'number' && schemaAt(l).type === 'integer'));
  const expected: SchemaProblem = { pointer: ip, message: `expected ${describe(sp)}, got ${describeValue(data)}`, at: 'value' };
  if (candidates.length === 0) {
    out.push(expected);
    return;
  }
  let best = candidates[0];
  if (typeof data === 'string') {
    const isRef = data.startsWith('$') || data.startsWith('=');
    const refs = candidates.filter((c) => c.endsWith('/$defs/reference'));
    const others = candidates.filter((c) => !c.endsWith('/$defs/reference'));
    if (isRef && refs.length > 0) best = refs[0];
    else if (others.length > 0) best = others.find((c) => Array.isArray(schemaAt(c).enum)) ?? others[0];
    else {
      out.push(expected);
      return;
    }
  } else if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const keys = Object.keys(data);
    let bestScore = 0;
    for (const c of candidates) {
      const props = Object.keys((schemaAt(c).properties ?? {}) as Schema);
      const score = keys.filter((k) => props.includes(k)).length;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (bestScore === 0 && candidates.length > 1) {
      const shapes = candidates.map((c) => shapeOf(schemaAt(c))).filter((x) => x !== '');
      out.push({ ...expected, ...(shapes.length > 0 ? { hint: `write one of ${[...new Set(shapes)].join(', ')}` } : {}) });
      return;
    }
  }
  explain(best, data, ip, out);
}

/** oneOf with a discriminator: the tag picks the branch. */
function explainTagged(sp: string, branches: Schema[], tag: string, data: unknown, ip: string, out: SchemaProblem[]): void {
  const tags = branches.map((b) => ((b.properties as Record<string, Schema>)[tag]?.const as string) ?? '');
  const noun = tag === 'do' ? 'behaviour' : tag === 'kind' ? 'block kind' : `"${tag}"`;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    out.push({ pointer: ip, message: `expected a mapping with a "${tag}" key, got ${describeValue(data)}`, at: 'value' });
    return;
  }
  const value = (data as Record<string, unknown>)[tag];
  if (value === undefined) {
    out.push({ pointer: ip, message: `missing required key "${tag}"`, hint: `one of ${tags.join(', ')}`, at: 'value' });
    return;
  }
  if (typeof value !== 'string') {
    out.push({ pointer: `${ip}/${pointerSegment(tag)}`, message: `expected a ${noun} name, got ${describeValue(value)}`, hint: `one of ${tags.join(', ')}`, at: 'value' });
    return;
  }
  const i = tags.indexOf(value);
  if (i === -1) {
    const hint = didYouMean(value, tags);
    out.push({
      pointer: `${ip}/${pointerSegment(tag)}`,
      message: `unknown ${noun} ${describeValue(value)}, expected one of ${tags.join(', ')}`,
      ...(hint ? { hint } : {}),
      at: 'value',
    });
    return;
  }
  explain(`${sp}/oneOf/${i}`, data, ip, out);
}

// ---------------------------------------------------------------- descriptions

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeAccepts(s: Schema, data: unknown): boolean {
  const t = jsonType(data);
  if (s.type === undefined) {
    if ('const' in s) return jsonType(s.const) === t || (typeof s.const === 'number' && typeof data === 'number');
    if (Array.isArray(s.enum)) return s.enum.some((e) => jsonType(e) === t);
    return true;
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  return types.some((x) => x === t || (x === 'number' && t === 'integer'));
}

function describeValue(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 37) + '...' : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  return 'a mapping';
}

function range(s: Schema): string {
  const lo = typeof s.minimum === 'number' ? s.minimum : undefined;
  const xlo = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const hi = typeof s.maximum === 'number' ? s.maximum : undefined;
  const parts: string[] = [];
  if (lo !== undefined && hi !== undefined) parts.push(`from ${lo} to ${hi}`);
  else {
    if (lo !== undefined) parts.push(`>= ${lo}`);
    if (hi !== undefined && xlo === undefined) parts.push(`<= ${hi}`);
  }
  if (xlo !== undefined) parts.push(hi !== undefined ? `> ${xlo} and <= ${hi}` : `> ${xlo}`);
  const not = (s.not as Schema | undefined)?.const;
  if (not !== undefined) parts.push(`other than ${JSON.stringify(not)}`);
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

const PATTERN_WORDS: [RegExp, string][] = [
  [/^\^\(\\\$/, 'a "$param" or "=expr" reference'],
  [/^\^\(#/, 'a colour name or #rrggbb'],
  [/^\^\(main/, 'a road id ("main" or "<block id>.<arm>")'],
  [/^\^\[A-Za-z_\]/, 'an id (letters, digits, _ and -, starting with a letter or _)'],
];

/** A short phrase for what a schema accepts, e.g. `a number from 0 to 90`. */
function describe(sp: string): string {
  const p = resolve(sp);
  if (p === '/$defs/distribution') return 'a distribution';
  if (p === '/$defs/reference') return 'a "$param" or "=expr" reference';
  const s = schemaAt(p);
  if (Array.isArray(s.anyOf) || (Array.isArray(s.oneOf) && !s.discriminator)) {
    const key = Array.isArray(s.anyOf) ? 'anyOf' : 'oneOf';
    const parts = [...new Set((s[key] as unknown[]).map((_, i) => describe(`${p}/${key}/${i}`)))];
    return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
  }
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return `one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  const t = Array.isArray(s.type) ? (s.type as string[]).join(' or ') : s.type;
  switch (t) {
    case 'number':
      return `a number${range(s)}`;
    case 'integer':
      return `an integer${range(s)}`;
    case 'boolean':
      return 'true or false';
    case 'string': {
      const pat = typeof s.pattern === 'string' ? PATTERN_WORDS.find(([re]) => re.test(s.pattern as string))?.[1] : undefined;
      if (pat) return pat;
      if (typeof s.minLength === 'number' && s.minLength > 0) return 'a non-empty string';
      return 'a string';
    }
    case 'array': {
      const n = s.minItems === s.maxItems && typeof s.minItems === 'number' ? ` of ${s.minItems}` : '';
      const lo = typeof s.minItems === 'number' && n === '' && s.minItems > 0 ? ` of at least ${s.minItems}` : '';
      const hi = typeof s.maxItems === 'number' && n === '' ? `${lo ? ' and' : ' of'} at most ${s.maxItems}` : '';
      return `a list${n}${lo}${hi}`;
    }
    case 'object': {
      const shape = shapeOf(s);
      return shape ? `a mapping like ${shape}` : 'a mapping';
    }
    default:
      return t ? `a ${t}` : 'a valid value';
  }
}

/** `{uniform: ...}` for an object schema keyed by one required property, else ''. */
function shapeOf(s: Schema): string {
  const req = (s.required ?? []) as string[];
  return s.type === 'object' && req.length >= 1 ? `{${req.map((k) => `${k}: ...`).join(', ')}}` : '';
}
