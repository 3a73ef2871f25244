/**
 * How a swept parameter is binned for plots and coverage cells: its levels (choices, integers,
 * booleans: anything with few values) or equal-width bins over its range.
 */
import type { ParamValue } from '../scenario/types.js';
import { binIndex, equalEdges } from './histogram.js';

export type ParamAxis = { key: string; kind: 'levels'; levels: string[] } | { key: string; kind: 'bins'; edges: number[] };

/** More distinct values than this and a numeric parameter is binned instead. */
export const MAX_LEVELS = 12;

/** Index of the level or bin of `value` on `axis`, -1 when it falls outside. */
export function axisIndex(axis: ParamAxis, value: ParamValue): number {
  if (axis.kind === 'levels') return axis.levels.indexOf(String(value));
  return typeof value === 'number' ? binIndex(axis.edges, value) : -1;
}

export function axisSize(axis: ParamAxis): number {
  return axis.kind === 'levels' ? axis.levels.length : axis.edges.length - 1;
}

/** Readable names of the levels or bins ("0.25..0.50"). */
export function axisLabels(axis: ParamAxis): string[] {
  if (axis.kind === 'levels') return axis.levels;
  const { edges } = axis;
  // One decimal more than the bin width needs, so neighbouring edges read apart and 1e-5 noise reads as 0.
  const digits = Math.min(6, Math.max(0, Math.ceil(-Math.log10(edges[1] - edges[0])) + 1));
  const fmt = (v: number): string => String(Number(v.toFixed(digits)) + 0);
  return edges.slice(0, -1).map((e, i) => `${fmt(e)}..${fmt(edges[i + 1])}`);
}

/**
 * The axis for `values` (the declared distribution's possible values, or what was drawn):
 * levels when they are not all numbers, or are at most MAX_LEVELS integers (or any
 * numbers when `fewLevels` says the distribution has only a few values); else `bins`
 * equal-width bins from their min to their max.
 */
export function axisFor(key: string, values: readonly ParamValue[], bins: number, fewLevels = false): ParamAxis {
  const distinct = [...new Set(values.map((v) => (typeof v === 'number' ? v : String(v))))];
  const numeric = distinct.every((v): v is number => typeof v === 'number');
  const integers = numeric && distinct.every((v) => Number.isInteger(v));
  if (!numeric || (distinct.length <= MAX_LEVELS && (integers || fewLevels))) {
    const sorted = numeric ? [...distinct].sort((a, b) => a - b) : distinct.map(String).sort();
    return { key, kind: 'levels', levels: sorted.map(String) };
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of distinct) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { key, kind: 'bins', edges: equalEdges(min, max, bins) };
}
