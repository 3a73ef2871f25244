/**
 * "Write this override into the file": the text edit that puts a value in place of the
 * distribution at a JSON pointer of a scenario (YAML or JSON), and touches nothing else: the
 * rest of the file, its comments (a comment after the distribution on its line included) and
 * its layout stay as they are. The node is found with the yaml package's Document API (its
 * source ranges); the edit is a plain text replacement, so the editor keeps it undoable.
 */
import { isMap, isNode, isPair, isScalar, parseDocument } from 'yaml';
import type { ParamValue } from '../../scenario/types.js';

export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

/** Words YAML reads as something other than a string when written plain. */
const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~|nan|inf|-?\.inf|\.nan)$/i;

/** A value as the file should spell it: JSON for a JSON file, plain YAML where that is safe. */
export function spell(value: ParamValue, json: boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return String(value);
  if (!json && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(value) && !YAML_WORDS.test(value)) return value;
  return JSON.stringify(value);
}

function pointerPath(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * The edit writing `value` at `pointer` of `text`, or an error message. A distribution written
 * as a block (`key:` then indented lines) becomes `key: value` on the key's line.
 */
export function overrideEdit(text: string, pointer: string, value: ParamValue): TextEdit | string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return `the file does not parse (${doc.errors[0]!.message.split('\n')[0]}); fix it first`;
  const path = pointerPath(pointer);
  if (path.length === 0) return `${pointer} is not a value of the file`;
  const node = doc.getIn(path, true);
  if (!isNode(node) || !node.range) return `${pointer} is not in the file as written`;
  const json = /^\s*[{[]/.test(text.replace(/^(?:\s*#.*\n)*/, ''));
  const insert = spell(value, json);
  const [start, valueEnd] = node.range;
  const parent = doc.getIn(path.slice(0, -1), true);
  const flow = (node as { flow?: boolean }).flow === true || isScalar(node);
  if (!flow && isMap(parent)) {
    // A block value starts on the line after its key: replace from the key's colon.
    const pair = parent.items.find((p) => isPair(p) && p.value === node);
    const keyEnd = pair && isNode(pair.key) ? pair.key.range?.[1] : undefined;
    if (keyEnd !== undefined) {
      const colon = text.indexOf(':', keyEnd);
      if (colon >= 0 && colon < start) return { from: colon + 1, to: trimEnd(text, valueEnd), insert: ` ${insert}` };
    }
  }
  return { from: start, to: trimEnd(text, valueEnd), insert };
}

/** The end of a value without the line breaks and spaces a block node's range takes in. */
function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1] as string)) e--;
  return e;
}

/** The text with an edit applied. */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
}
