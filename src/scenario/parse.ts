/**
 * Parses a scenario file (YAML or JSON) into a plain value, keeping a map from every JSON
 * pointer to the line and column of its key and value, so later checks can point at the place.
 *
 * Hostile or broken input never throws: it becomes `ScenarioError`s. The guards, in order:
 * size cap, control characters (binary files), a cheap token-level nesting check before the
 * recursive YAML composer runs (a very deep file would otherwise overflow the stack or exhaust
 * memory inside the `yaml` package), the YAML errors themselves (syntax, duplicate keys,
 * several documents), unsupported tags and key types, non-finite numbers, alias expansion
 * (`maxAliasCount`) and the exact nesting depth after aliases are expanded.
 */
import { CST, LineCounter, Lexer, isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { pointerSegment, sortScenarioErrors, type ScenarioError } from './errors.js';
import type { ScenarioSpec } from './types.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

export interface ParsedScenario {
  /** Present when the text parsed into a mapping with no errors. */
  spec?: ScenarioSpec;
  errors: ScenarioError[];
  /**
   * Position of the value (or, with part 'key', the key) at a JSON pointer. A pointer that is
   * not in the file (a missing key) falls back to its nearest ancestor that is.
   */
  locate(pointer: string, part?: 'key' | 'value'): Position;
  /**
   * Position of character `index` (0-based) of the string value at `pointer`, allowing for an
   * opening quote; used to point inside an expression.
   */
  locateInString(pointer: string, index: number): Position;
}

interface SourceEntry {
  key?: number;
  value: number;
  /** 1 when the scalar is written in quotes, so its text starts one column later. */
  quote: 0 | 1;
}

/** Largest accepted file [bytes]; callers that read files check this before reading. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;
/** Largest accepted text [characters]: a text never has more characters than UTF-8 bytes. */
export const MAX_SCENARIO_CHARS = MAX_SCENARIO_BYTES;
/** Deepest accepted nesting of mappings and sequences. A real scenario needs about 9. */
export const MAX_NESTING_DEPTH = 32;
/** Alias expansion budget handed to `yaml` (its resource-exhaustion guard). */
export const MAX_ALIAS_COUNT = 100;
/** Most YAML syntax errors reported for one file. */
export const MAX_YAML_ERRORS = 10;
/** Most values after alias expansion. */
export const MAX_VALUE_COUNT = 200_000;

const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

// C0 controls other than tab, LF and CR, plus DEL and the C1 range YAML also rejects (NEL aside).
const CONTROL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x80-\x84\x86-\x9F\uFFFE\uFFFF]/;

export function parseScenarioText(text: string, fileName: string): ParsedScenario {
  // The YAML package reports problems as Error objects, hundreds for a broken file, and V8
  // captures a stack trace for each. Nobody reads those stacks (errors become values here),
  // and capturing them triples the parse time of a broken file, so turn capture off meanwhile.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseText(text, fileName);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function parseText(text: string, fileName: string): ParsedScenario {
  const lineCounter = new LineCounter();
  const entries = new Map<string, SourceEntry>();
  const errors: ScenarioError[] = [];

  const posAt = (offset: number): Position => {
    const p = lineCounter.linePos(Math.max(0, offset));
    return { line: p.line, col: p.col };
  };
  const errorAt = (offset: number, pointer: string, message: string, hint?: string): void => {
    const p = posAt(offset);
    errors.push({ file: fileName, line: p.line, col: p.col, pointer, message, ...(hint ? { hint } : {}) });
  };
  const locate = (pointer: string, part: 'key' | 'value' = 'value'): Position => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const e = entries.get(p);
      if (e) return posAt(part === 'key' && e.key !== undefined ? e.key : e.value);
      if (p === '') return { line: 1, col: 1 };
    }
  };
  const locateInString = (pointer: string, index: number): Position => {
    const e = entries.get(pointer);
    if (!e) return locate(pointer);
    return posAt(e.value + e.quote + index);
  };
  const result = (spec?: ScenarioSpec): ParsedScenario => ({
    ...(spec && errors.length === 0 ? { spec } : {}),
    errors: sortScenarioErrors(errors),
    locate,
    locateInString,
  });

  if (typeof text !== 'string') {
    errors.push({ file: fileName, line: 1, col: 1, pointer: '', message: 'file content is not text' });
    return result();
  }
  if (text.length > MAX_SCENARIO_CHARS) {
    errors.push({
      file: fileName,
      line: 1,
      col: 1,
      pointer: '',
      message: `file is larger than ${MAX_SCENARIO_CHARS / 1024 / 1024} MB; a scenario file is a few kB`,
    });
    return result();
  }
  // Count lines before anything else so every later error has a position.
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);

  const control = CONTROL_CHAR.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    errorAt(control.index, '', `file contains the control character U+${code}; is it a binary file?`, 'scenario files are UTF-8 text');
    return result();
  }
  if (text.trim() === '') {
    errorAt(0, '', 'file is empty: expected a scenario mapping with version, name, road and ego');
    return result();
  }

  // JSON allows tabs between tokens where YAML forbids tabs as indentation; outside strings
  // they are plain white space, and a tab inside a JSON string is invalid JSON anyway.
  const source = /\.json$/i.test(fileName) ? text.replace(/\t/g, ' ') : text;

  const tooDeepAt = nestingBound(source) <= MAX_NESTING_DEPTH * 2 ? undefined : nestingBeyond(source, MAX_NESTING_DEPTH * 2);
  if (tooDeepAt !== undefined) {
    errorAt(tooDeepAt, '', `nested deeper than ${MAX_NESTING_DEPTH} levels`, 'a scenario needs about 10 levels; check brackets and indentation');
    return result();
  }

  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(source, {
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
      // Not 'silent': yaml then drops its "several documents" error.
      logLevel: 'error',
      version: '1.2',
      schema: 'core',
    });
  } catch (err) {
    // The guards above should make this unreachable; a crash inside the YAML package must
    // still not take the caller down.
    errorAt(0, '', `could not parse the file: ${(err as Error).message ?? String(err)}`);
    return result();
  }

  const yamlErrors = [...doc.errors, ...doc.warnings];
  // After the first few, YAML errors are mostly echoes of the same mistake.
  for (const e of yamlErrors.slice(0, MAX_YAML_ERRORS)) {
    const [start] = e.pos;
    errorAt(start, '', yamlMessage(e.code, e.message, source.slice(start, start + 60)));
  }
  if (yamlErrors.length > MAX_YAML_ERRORS) {
    const last = yamlErrors[MAX_YAML_ERRORS - 1].pos[0];
    errorAt(last, '', `${yamlErrors.length - MAX_YAML_ERRORS} more YAML errors not shown`, 'fix the first ones; the rest often follow from them');
  }
  if (errors.length > 0) return result();

  const firstAlias = walkDocument(doc.contents as YamlNode | null, entries, errorAt);
  if (errors.length > 0) return result();

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const msg = (err as Error).message ?? '';
    if (/alias/i.test(msg)) {
      errorAt(firstAlias ?? 0, '', `aliases expand too much (more than ${MAX_ALIAS_COUNT} times the anchored content)`, 'this looks like a YAML alias bomb; write the values out');
    } else {
      errorAt(firstAlias ?? 0, '', `could not resolve the document: ${msg}`);
    }
    return result();
  }

  if (value === null || value === undefined) {
    errorAt(0, '', 'file is empty: expected a scenario mapping with version, name, road and ego');
    return result();
  }
  if (!isPlainObject(value)) {
    errorAt(entries.get('')?.value ?? 0, '', `expected a mapping (key: value lines) at the top level, got ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}`);
    return result();
  }
  const problem = checkResolved(value, firstAlias !== undefined);
  if (problem) {
    const p = locate(problem.pointer);
    errors.push({ file: fileName, line: p.line, col: p.col, pointer: problem.pointer, message: problem.message });
    return result();
  }
  return result(value as ScenarioSpec);
}

function yamlMessage(code: string, message: string, near: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return `duplicate key "${keyText(near)}": each key may appear once in a mapping`;
    case 'MULTIPLE_DOCS':
      return 'the file holds several YAML documents ("---"); a scenario file holds one';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed as indentation in YAML; indent with spaces';
    case 'TAG_RESOLVE_FAILED':
      return `unsupported YAML tag ${message.replace(/^.*tag:?\s*/i, '')}; remove it`;
    default: {
      const m = message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '').trim();
      return `YAML syntax: ${m.charAt(0).toLowerCase()}${m.slice(1)}`;
    }
  }
}

/** The key written at the start of `near`, without quotes. */
function keyText(near: string): string {
  const m = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^:\n,{}[\]]*))/.exec(near);
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
}

/**
 * A cheap upper bound on nesting: deepest bracket count plus deepest indentation plus one.
 * Block nesting needs a wider indent per level and flow nesting a bracket per level, so an
 * ordinary file is cleared here without lexing it a second time.
 */
function nestingBound(source: string): number {
  let brackets = 0;
  let maxBrackets = 0;
  let indent = 0;
  let maxIndent = 0;
  let atLineStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      atLineStart = true;
      indent = 0;
      continue;
    }
    if (atLineStart) {
      // Spaces, and the "- " / "? " indicators of compact nesting, count as indentation.
      if (c === 32 || c === 45 || c === 63) {
        indent++;
        if (indent > maxIndent) maxIndent = indent;
        continue;
      }
      atLineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++brackets > maxBrackets) maxBrackets = brackets;
    } else if ((c === 93 || c === 125) && brackets > 0) brackets--;
  }
  return maxBrackets + maxIndent + 1;
}

/**
 * Token-level nesting estimate, run before the recursive YAML composer: flow brackets plus a
 * stack of block indentation columns. It may overestimate slightly, so it is run with a larger
 * limit; the exact depth is checked after parsing. Returns the offset where `limit` is passed.
 */
function nestingBeyond(source: string, limit: number): number | undefined {
  let flow = 0;
  const blockCols: number[] = [];
  let offset = 0;
  let lineStart = 0;
  let firstOnLine = true;
  let afterIndicator = false;
  for (const token of new Lexer().lex(source)) {
    // Mode markers are not part of the source text.
    if (token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END) continue;
    const tokenOffset = offset;
    offset += token.length;
    const type = CST.tokenType(token); // null for plain scalar text and block scalar bodies
    if (type === 'newline') {
      lineStart = offset;
      firstOnLine = true;
      afterIndicator = false;
      continue;
    }
    if (type === 'space' || type === 'comment' || type === 'byte-order-mark') continue;
    if (flow === 0 && (firstOnLine || afterIndicator)) {
      const col = tokenOffset - lineStart;
      while (blockCols.length > 0 && blockCols[blockCols.length - 1] >= col) blockCols.pop();
      blockCols.push(col);
    }
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    afterIndicator = type === 'seq-item-ind' || type === 'explicit-key-ind';
    firstOnLine = false;
    const nl = token.lastIndexOf('\n');
    if (nl !== -1) {
      // A block scalar body ends with its newline; a multi-line quoted scalar goes on.
      lineStart = tokenOffset + nl + 1;
      firstOnLine = nl === token.length - 1;
    }
    if (flow + blockCols.length > limit) return tokenOffset;
  }
  return undefined;
}

/**
 * Records the source offsets of every key and value, and reports what the resolved value
 * cannot show: key types, tags and non-finite numbers. Iterative, so depth is bounded by the
 * pre-check rather than the call stack. Returns the offset of the first alias, if any.
 */
function walkDocument(
  root: YamlNode | null,
  entries: Map<string, SourceEntry>,
  errorAt: (offset: number, pointer: string, message: string, hint?: string) => void,
): number | undefined {
  let firstAlias: number | undefined;
  if (!root) return undefined;
  const stack: { node: YamlNode; pointer: string; keyOffset?: number }[] = [{ node: root, pointer: '' }];
  while (stack.length > 0) {
    const { node, pointer, keyOffset } = stack.pop()!;
    const start = node.range?.[0] ?? keyOffset ?? 0;
    const quote = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
    entries.set(pointer, { key: keyOffset, value: start, quote });
    if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
      errorAt(start, pointer, `YAML tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not supported`, 'remove the tag');
    }
    if (isAlias(node)) {
      if (firstAlias === undefined) firstAlias = start;
      continue;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'number' && !Number.isFinite(v)) {
        errorAt(start, pointer, `number ${String(node.source ?? v)} is not finite; numbers must be finite`);
      } else if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        errorAt(start, pointer, 'unsupported value; use a number, string, true/false, a list or a mapping');
      }
      continue;
    }
    if (isMap(node)) {
      const children: typeof stack = [];
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (!isScalar(key) || (key.value !== null && typeof key.value === 'object')) {
          const at = (key as YamlNode | null)?.range?.[0] ?? start;
          errorAt(at, pointer, 'a key must be a plain name, not a list, mapping or alias');
          continue;
        }
        const childPointer = `${pointer}/${pointerSegment(String(key.value ?? ''))}`;
        const keyAt = key.range?.[0] ?? start;
        const value = pair.value as YamlNode | null;
        if (value) children.push({ node: value, pointer: childPointer, keyOffset: keyAt });
        else entries.set(childPointer, { key: keyAt, value: keyAt, quote: 0 });
      }
      // Push in reverse so entries are visited in source order.
      stack.push(...children.reverse());
      continue;
    }
    if (isSeq(node)) {
      const children: typeof stack = [];
      node.items.forEach((item, i) => {
        if (item && typeof item === 'object' && 'range' in item) {
          children.push({ node: item as YamlNode, pointer: `${pointer}/${i}` });
        }
      });
      stack.push(...children.reverse());
    }
  }
  return firstAlias;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Checks the resolved value (aliases expanded): depth, size and value kinds. Iterative. */
function checkResolved(root: Record<string, unknown>, hasAliases: boolean): { pointer: string; message: string } | undefined {
  const stack: { v: unknown; pointer: string; depth: number }[] = [{ v: root, pointer: '', depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const { v, pointer, depth } = stack.pop()!;
    if (++count > MAX_VALUE_COUNT) return { pointer, message: `more than ${MAX_VALUE_COUNT} values after expanding aliases` };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { pointer, message: 'numbers must be finite' };
      continue;
    }
    if (Array.isArray(v) || isPlainObject(v)) {
      if (depth >= MAX_NESTING_DEPTH) {
        return { pointer, message: `nested deeper than ${MAX_NESTING_DEPTH} levels${hasAliases ? ' (after expanding aliases)' : ''}` };
      }
      const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
      for (const [k, x] of entries) stack.push({ v: x, pointer: `${pointer}/${pointerSegment(k)}`, depth: depth + 1 });
      continue;
    }
    return { pointer, message: 'unsupported value; use a number, string, true/false, a list or a mapping' };
  }
  return undefined;
}
