/**
 * The scenario grammar's distributions as inverse CDFs on u in [0, 1).
 *
 * Designs produce points in the unit cube and every dimension maps its coordinate through
 * `quantile`, so random, grid, Latin hypercube, Sobol and pairwise designs all share one
 * code path. Distributions with finitely many values also expose their levels, which grid
 * and pairwise designs enumerate.
 */
import type { ParamValue, SpecNode } from '../scenario/types.js';
import { SamplingError } from './errors.js';
import { normalCdf, normalPdf, normalQuantile, normalQuantileUpper } from './normal.js';

export type DistributionKind = 'const' | 'uniform' | 'normal' | 'truncnormal' | 'int' | 'choice';

export interface ScalarDistribution {
  readonly kind: DistributionKind;
  /** Inverse CDF: the value at cumulative probability u in [0, 1). */
  quantile(u: number): ParamValue;
  /** Mean, or undefined where values are not numbers. */
  readonly mean: number | undefined;
  /** Variance, or undefined where values are not numbers. */
  readonly variance: number | undefined;
  /** Number of distinct values that can be drawn; Infinity for continuous distributions. */
  readonly levelCount: number;
  /** A u in [0, 1) whose quantile is the j-th value (0 <= j < levelCount); only for finite levelCount. */
  levelU(j: number): number;
}

const DISTRIBUTION_KEYS: readonly DistributionKind[] = ['const', 'uniform', 'normal', 'truncnormal', 'int', 'choice'];

/** Whether a spec node is a distribution object (one distribution key, plus weights for choice). */
export function isDistributionNode(node: SpecNode): node is { [key: string]: SpecNode } {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const keys = Object.keys(node);
  const kind = keys.find((k): k is DistributionKind => (DISTRIBUTION_KEYS as readonly string[]).includes(k));
  if (kind === undefined) return false;
  return keys.every((k) => k === kind || (kind === 'choice' && k === 'weights'));
}

// Designs can hit u = 0 exactly (the first Sobol point); keep quantiles of unbounded
// distributions finite by staying half an ulp-of-2^-53 inside the unit interval.
const U_MIN = 2 ** -54;
const clampU = (u: number): number => Math.min(Math.max(u, U_MIN), 1 - U_MIN);

/** A fixed value. */
export function constant(value: ParamValue): ScalarDistribution {
  const numeric = typeof value === 'number';
  return { kind: 'const', quantile: () => value, mean: numeric ? value : undefined, variance: numeric ? 0 : undefined, levelCount: 1, levelU: () => 0.5 };
}

/** Uniform on [low, high]. */
export function uniform(low: number, high: number): ScalarDistribution {
  const width = high - low;
  return {
    kind: 'uniform',
    quantile: (u) => low + u * width,
    mean: low + width / 2,
    variance: (width * width) / 12,
    levelCount: width === 0 ? 1 : Infinity,
    levelU: () => 0.5,
  };
}

/** Normal with mean and standard deviation sd. */
export function normal(mean: number, sd: number): ScalarDistribution {
  return {
    kind: 'normal',
    quantile: (u) => mean + sd * normalQuantile(clampU(u)),
    mean,
    variance: sd * sd,
    levelCount: sd === 0 ? 1 : Infinity,
    levelU: () => 0.5,
  };
}

/**
 * Normal(mean, sd) restricted to [min, max], by inverting the CDF on [Phi(a), Phi(b)] for the
 * standardised bounds a, b. Bounds above the mean are handled through the upper tail so that
 * intervals far out keep their precision; where even that underflows, the truncated normal is
 * an exponential with rate a to within rounding, and that is used instead.
 */
export function truncnormal(mean: number, sd: number, min: number, max: number): ScalarDistribution {
  if (sd === 0 || min === max) {
    const v = Math.min(Math.max(mean, min), max);
    return { ...constant(v), kind: 'truncnormal' };
  }
  const a = (min - mean) / sd;
  const b = (max - mean) / sd;
  // Work on whichever side keeps the interval's probabilities away from 1.
  const upper = a > 0;
  const lo = upper ? normalCdf(-b) : normalCdf(a);
  const hi = upper ? normalCdf(-a) : normalCdf(b);
  const mass = hi - lo;
  const clampX = (x: number): number => Math.min(Math.max(x, a), b);

  let standardQuantile: (u: number) => number;
  if (mass > 1e-280) {
    standardQuantile = upper ? (u) => clampX(normalQuantileUpper(hi - u * mass)) : (u) => clampX(normalQuantile(lo + u * mass));
  } else {
    // Far tail: density proportional to exp(-t x) near the bound t closest to the mean.
    const near = upper ? a : -b;
    const span = b - a;
    const expQuantile = (u: number): number => -Math.log1p(-u * -Math.expm1(-near * span)) / near;
    standardQuantile = upper ? (u) => clampX(a + expQuantile(u)) : (u) => clampX(b - expQuantile(1 - u));
  }

  // Moments of the truncated standard normal; with Z the mass, phi the density:
  // mean = (phi(a) - phi(b)) / Z, var = 1 + (a phi(a) - b phi(b)) / Z - mean^2.
  const pa = Number.isFinite(a) ? normalPdf(a) : 0;
  const pb = Number.isFinite(b) ? normalPdf(b) : 0;
  const apa = Number.isFinite(a) ? a * pa : 0;
  const bpb = Number.isFinite(b) ? b * pb : 0;
  let zMean: number;
  let zVar: number;
  if (mass > 1e-280) {
    zMean = (pa - pb) / mass;
    zVar = Math.max(0, 1 + (apa - bpb) / mass - zMean * zMean);
  } else {
    // Moments of the exponential with rate t (the near bound) truncated to the interval's width w:
    // mean 1/t - w e^(-tw) / (1 - e^(-tw)), variance 1/t^2 - w^2 e^(-tw) / (1 - e^(-tw))^2.
    const t = upper ? a : -b;
    const w = b - a;
    const tail = Math.exp(-t * w);
    const kept = -Math.expm1(-t * w);
    const offset = 1 / t - (w * tail) / kept;
    zMean = upper ? a + offset : b - offset;
    zVar = Math.max(0, 1 / (t * t) - (w * w * tail) / (kept * kept));
  }
  return {
    kind: 'truncnormal',
    quantile: (u) => mean + sd * standardQuantile(clampU(u)),
    mean: mean + sd * zMean,
    variance: sd * sd * zVar,
    levelCount: Infinity,
    levelU: () => 0.5,
  };
}

/** Integers low..high inclusive, equally likely. */
export function intRange(low: number, high: number): ScalarDistribution {
  const n = high - low + 1;
  return {
    kind: 'int',
    quantile: (u) => low + Math.min(Math.floor(u * n), n - 1),
    mean: (low + high) / 2,
    variance: (n * n - 1) / 12,
    levelCount: n,
    levelU: (j) => (j + 0.5) / n,
  };
}

/** One of `values`, with probabilities proportional to `weights` (equal when omitted). */
export function choice(values: readonly ParamValue[], weights?: readonly number[]): ScalarDistribution {
  const w = weights ?? values.map(() => 1);
  const total = w.reduce((s, x) => s + x, 0);
  // Zero-weight values can never be drawn, so they are not levels either.
  const live = values.map((_, i) => i).filter((i) => w[i] > 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const i of live) {
    acc += w[i];
    cumulative.push(acc);
  }
  const numeric = values.every((v) => typeof v === 'number');
  let mean: number | undefined;
  let variance: number | undefined;
  if (numeric) {
    const nums = values as readonly number[];
    mean = live.reduce((s, i) => s + (w[i] / total) * nums[i], 0);
    const m = mean;
    variance = live.reduce((s, i) => s + (w[i] / total) * (nums[i] - m) ** 2, 0);
  }
  return {
    kind: 'choice',
    quantile(u) {
      const target = u * total;
      for (let k = 0; k < live.length; k++) if (target < cumulative[k]) return values[live[k]];
      return values[live[live.length - 1]];
    },
    mean,
    variance,
    levelCount: live.length,
    levelU: (j) => ((j === 0 ? 0 : cumulative[j - 1]) + w[live[j]] / 2) / total,
  };
}

function isNumber(x: SpecNode | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function isScalar(x: SpecNode): x is ParamValue {
  return typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean';
}

function numberPair(node: SpecNode, pointer: string, what: string): [number, number] {
  if (!Array.isArray(node) || node.length !== 2 || !isNumber(node[0]) || !isNumber(node[1])) {
    throw new SamplingError(`${what} needs [low, high] with two numbers`, pointer);
  }
  const [low, high] = node;
  if (low > high) throw new SamplingError(`${what} [${low}, ${high}]: low is above high; swap them`, pointer);
  return [low, high];
}

function normalParams(node: SpecNode, pointer: string, keys: readonly string[]): Record<string, number> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new SamplingError(`expected an object with ${keys.join(', ')}`, pointer);
  const out: Record<string, number> = {};
  for (const k of keys) {
    const v = node[k];
    if (!isNumber(v)) throw new SamplingError(`"${k}" must be a number`, `${pointer}/${k}`);
    out[k] = v;
  }
  if (out.sd < 0) throw new SamplingError(`sd ${out.sd} is negative; a standard deviation is 0 or more`, `${pointer}/sd`);
  return out;
}

/**
 * Builds a distribution from its spec node; `pointer` (JSON pointer) is used in error messages.
 * Checks what the schema cannot: ordered bounds, matching weights, a positive total weight.
 */
export function toDistribution(node: SpecNode, pointer: string): ScalarDistribution {
  if (!isDistributionNode(node)) throw new SamplingError('expected a distribution', pointer);
  const d = node as Partial<Record<DistributionKind, SpecNode>> & { weights?: SpecNode };
  if ('const' in d) {
    if (d.const === undefined || !isScalar(d.const)) throw new SamplingError('const needs a number, string or boolean', pointer);
    return constant(d.const);
  }
  if ('uniform' in d) {
    const [low, high] = numberPair(d.uniform ?? null, `${pointer}/uniform`, 'uniform');
    return uniform(low, high);
  }
  if ('normal' in d) {
    const p = normalParams(d.normal ?? null, `${pointer}/normal`, ['mean', 'sd']);
    return normal(p.mean, p.sd);
  }
  if ('truncnormal' in d) {
    const p = normalParams(d.truncnormal ?? null, `${pointer}/truncnormal`, ['mean', 'sd', 'min', 'max']);
    if (p.min > p.max) throw new SamplingError(`truncnormal min ${p.min} is above max ${p.max}; swap them`, `${pointer}/truncnormal`);
    return truncnormal(p.mean, p.sd, p.min, p.max);
  }
  if ('int' in d) {
    const [low, high] = numberPair(d.int ?? null, `${pointer}/int`, 'int');
    if (!Number.isInteger(low) || !Number.isInteger(high)) throw new SamplingError('int bounds must be integers', `${pointer}/int`);
    return intRange(low, high);
  }
  const values = d.choice;
  if (!Array.isArray(values) || values.length === 0 || !values.every(isScalar)) {
    throw new SamplingError('choice needs a non-empty list of numbers, strings or booleans', `${pointer}/choice`);
  }
  let weights: number[] | undefined;
  if (d.weights !== undefined) {
    const w = d.weights;
    if (!Array.isArray(w) || !w.every(isNumber) || w.some((x) => x < 0)) {
      throw new SamplingError('weights must be a list of numbers, 0 or more', `${pointer}/weights`);
    }
    if (w.length !== values.length) {
      throw new SamplingError(`${w.length} weights for ${values.length} choices; give one weight per choice`, `${pointer}/weights`);
    }
    if (!w.some((x) => x > 0)) throw new SamplingError('all weights are 0; give at least one a positive weight', `${pointer}/weights`);
    weights = w as number[];
  }
  return choice(values as ParamValue[], weights);
}
