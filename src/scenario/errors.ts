/**
 * Scenario errors: values a user can act on, naming the file, the place (line, column and
 * JSON pointer) and, where we can guess it, the fix.
 */
import { distance } from 'fastest-levenshtein';
import type { ScenarioSpec, SpecNode } from './types.js';

export interface ScenarioError {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
  /** JSON pointer of the value concerned ("" for the whole document). */
  pointer: string;
  message: string;
  /** A suggested fix, e.g. `did you mean "speedMps"?`. */
  hint?: string;
}

/** `scenarios/x.yaml:14:7 /actors/2/speedMps: expected a number (did you mean "speedMps"?)` */
export function formatScenarioError(e: ScenarioError): string {
  const where = e.pointer === '' ? `${e.file}:${e.line}:${e.col}` : `${e.file}:${e.line}:${e.col} ${e.pointer}`;
  return `${where}: ${e.message}${e.hint ? ` (${e.hint})` : ''}`;
}

/** Orders errors by position, then pointer, so output is stable and reads top to bottom. */
export function sortScenarioErrors(errors: readonly ScenarioError[]): ScenarioError[] {
  return [...errors].sort(
    (a, b) => a.line - b.line || a.col - b.col || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/**
 * The candidate closest to `word` by edit distance, if it is close enough to be a plausible
 * typo (1 edit for words up to 2 letters, else 2 or a third of the length, whichever is more),
 * or a case-only difference.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === lower ? 0 : distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = word.length <= 2 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** `did you mean "x"?` for the closest candidate, or undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const m = closestMatch(word, candidates);
  return m === undefined ? undefined : `did you mean "${m}"?`;
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Splits a JSON pointer into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The node of a spec at a JSON pointer (e.g. a distribution written inline), or undefined. */
export function nodeAt(spec: ScenarioSpec, pointer: string): SpecNode | undefined {
  let node: SpecNode | undefined = spec;
  for (const seg of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(seg)] : node[seg];
  }
  return node;
}
