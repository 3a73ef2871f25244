/**
 * Completion from the scenario grammar (src/scenario/schema.ts): the keys allowed in the
 * mapping at the cursor, and the values (enums, constants, booleans) allowed for a key, with
 * each option's description from the schema.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { scenarioSchema } from '../../scenario/schema.js';
import { cursorPlace, ITEM } from './yamlPath.js';

type Schema = { [key: string]: unknown };

const isSchema = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

function deref(s: Schema, root: Schema): Schema {
  const ref = s.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return s;
  const defs = root.$defs;
  const target = isSchema(defs) ? defs[ref.slice('#/$defs/'.length)] : undefined;
  return isSchema(target) ? deref(target, root) : s;
}

/** The schema and every alternative below anyOf / oneOf / allOf, references resolved. */
function alternatives(s: Schema, root: Schema, out: Schema[] = []): Schema[] {
  const r = deref(s, root);
  out.push(r);
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    const list = r[k];
    if (Array.isArray(list)) for (const sub of list) if (isSchema(sub)) alternatives(sub, root, out);
  }
  return out;
}

/** Schemas that may describe the value at `path` (keys and ITEMs). */
export function schemasAt(path: readonly string[], root: Schema = scenarioSchema): Schema[] {
  let current = alternatives(root, root);
  for (const seg of path) {
    const next: Schema[] = [];
    for (const s of current) {
      if (seg === ITEM) {
        if (isSchema(s.items)) next.push(...alternatives(s.items, root));
      } else {
        const props = s.properties;
        if (isSchema(props) && isSchema(props[seg])) next.push(...alternatives(props[seg], root));
        else if (isSchema(s.additionalProperties) && !(isSchema(props) && seg in props)) next.push(...alternatives(s.additionalProperties, root));
      }
    }
    current = next;
  }
  return current;
}

function describe(s: Schema): string | undefined {
  return typeof s.description === 'string' && s.description !== '' ? s.description : undefined;
}

/** Keys allowed in the mapping at `path`. */
export function keyOptions(path: readonly string[]): Completion[] {
  const seen = new Map<string, Completion>();
  for (const s of schemasAt(path)) {
    if (!isSchema(s.properties)) continue;
    for (const [key, sub] of Object.entries(s.properties)) {
      if (seen.has(key) || key === '$schema') continue;
      const info = isSchema(sub) ? (describe(sub) ?? describe(deref(sub, scenarioSchema))) : undefined;
      seen.set(key, { label: key, type: 'property', apply: `${key}: `, info });
    }
  }
  return [...seen.values()];
}

/** Values allowed for `key` in the mapping at `path`. */
export function valueOptions(path: readonly string[], key: string): Completion[] {
  const seen = new Map<string, Completion>();
  const add = (v: unknown, info?: string): void => {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return;
    const label = String(v);
    if (!seen.has(label)) seen.set(label, { label, type: typeof v === 'string' ? 'enum' : 'constant', info });
  };
  for (const s of schemasAt([...path, key])) {
    if (Array.isArray(s.enum)) for (const v of s.enum) add(v, describe(s));
    if ('const' in s) add(s.const, describe(s));
    if (s.type === 'boolean') {
      add(true);
      add(false);
    }
  }
  return [...seen.values()];
}

/** The CodeMirror completion source. */
export function scenarioCompletion(context: CompletionContext): CompletionResult | null {
  const place = cursorPlace(context.state.doc.toString(), context.pos);
  if (place.word === '' && !context.explicit && place.at === 'key') return null;
  const options = place.at === 'key' ? keyOptions(place.path) : valueOptions(place.path, place.key ?? '');
  if (options.length === 0) return null;
  return { from: place.wordFrom, options, validFor: /^[\w$.-]*$/ };
}
