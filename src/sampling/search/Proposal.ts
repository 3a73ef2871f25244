/**
 * A proposal distribution on the unit cube of a scenario's random dimensions: independent per
 * dimension (a normal in z = Phi^-1(u) for continuous ones, probabilities per value for
 * discrete ones, uniform inside the value's interval), mixed with the declared distribution
 * itself with probability `defensive`.
 *
 * The defensive share bounds every importance weight by 1 / defensive and keeps the whole
 * space reachable, so re-weighted estimates stay finite however far the search has moved.
 * `density(u)` is the density the draws really come from (mixture included); the importance
 * weight of a draw is declared density / proposal density = 1 / density(u).
 */
import { normalCdf } from '../normal.js';
import { uniform01, type RandomGenerator } from '../rng.js';
import { levelOf, zOf, type SearchDimension } from './searchSpace.js';

/** Continuous coordinates are drawn in [-Z_MAX, Z_MAX] (u within 3e-14 of the ends). */
export const Z_MAX = 7.5;

export interface ProposalParams {
  /** Per dimension: mean in z (continuous dimensions; ignored for discrete ones). */
  mean: number[];
  /** Per dimension: standard deviation in z (continuous dimensions). */
  sd: number[];
  /** Per dimension: probability of each value (discrete dimensions; [] for continuous ones). */
  probs: number[][];
  /** Share of draws taken from the declared distribution, in [0, 1]. */
  defensive: number;
}

/** The declared distribution as a proposal: every weight is 1. */
export function declaredParams(dims: readonly SearchDimension[]): ProposalParams {
  return {
    mean: dims.map(() => 0),
    sd: dims.map(() => 1),
    probs: dims.map((d) => (d.kind === 'discrete' ? [...d.widths] : [])),
    defensive: 1,
  };
}

function checkParams(dims: readonly SearchDimension[], p: ProposalParams): void {
  if (!(p.defensive >= 0 && p.defensive <= 1)) throw new RangeError(`defensive share must be in [0, 1], got ${p.defensive}`);
  dims.forEach((d, k) => {
    if (d.kind === 'continuous') {
      if (!(p.sd[k] > 0) || !Number.isFinite(p.mean[k])) throw new RangeError(`dimension ${d.key}: proposal needs a finite mean and sd > 0`);
    } else {
      const probs = p.probs[k];
      if (probs.length !== d.widths.length) throw new RangeError(`dimension ${d.key}: ${probs.length} probabilities for ${d.widths.length} values`);
      if (probs.some((x) => !(x >= 0))) throw new RangeError(`dimension ${d.key}: probabilities must be 0 or more`);
    }
  });
}

export class Proposal {
  /** Probability mass of each continuous factor inside [-Z_MAX, Z_MAX]. */
  private readonly mass: number[];
  /** Discrete factors' probabilities, normalised, with their cumulative sums. */
  private readonly probs: number[][];
  private readonly cumulative: number[][];

  constructor(
    readonly dims: readonly SearchDimension[],
    readonly params: ProposalParams,
  ) {
    checkParams(dims, params);
    this.mass = dims.map((d, k) => (d.kind === 'continuous' ? normalCdf((Z_MAX - params.mean[k]) / params.sd[k]) - normalCdf((-Z_MAX - params.mean[k]) / params.sd[k]) : 1));
    this.probs = dims.map((d, k) => {
      if (d.kind !== 'discrete') return [];
      // A value with no declared probability can never be drawn; it gets no proposal share either.
      const raw = params.probs[k].map((x, j) => (d.widths[j] > 0 ? x : 0));
      const total = raw.reduce((s, x) => s + x, 0);
      return total > 0 ? raw.map((x) => x / total) : [...d.widths];
    });
    this.cumulative = this.probs.map((ps) => {
      let acc = 0;
      return ps.map((x) => (acc += x));
    });
    this.mass.forEach((m, k) => {
      if (!(m > 0)) throw new RangeError(`dimension ${dims[k].key}: proposal has no mass inside the declared range`);
    });
  }

  /** One point of the unit cube drawn from this proposal. */
  draw(rng: RandomGenerator): number[] {
    if (this.params.defensive > 0 && uniform01(rng) < this.params.defensive) return this.dims.map(() => uniform01(rng));
    return this.dims.map((d, k) => {
      if (d.kind === 'discrete') {
        const c = this.cumulative[k];
        const target = uniform01(rng) * c[c.length - 1];
        let j = c.findIndex((x) => target < x);
        if (j < 0) j = c.length - 1;
        while (d.widths[j] === 0 || this.probs[k][j] === 0) j = (j + 1) % c.length;
        return d.edges[j] + uniform01(rng) * d.widths[j];
      }
      // Inverse CDF of the normal truncated to [-Z_MAX, Z_MAX].
      const mean = this.params.mean[k];
      const sd = this.params.sd[k];
      const lo = normalCdf((-Z_MAX - mean) / sd);
      const p = lo + uniform01(rng) * this.mass[k];
      const z = mean + sd * zOf(p);
      return normalCdf(Math.min(Math.max(z, -Z_MAX), Z_MAX));
    });
  }

  /** Log density of the non-defensive part at u (in u coordinates; the declared density is 1). */
  private logCore(u: readonly number[]): number {
    let log = 0;
    for (let k = 0; k < this.dims.length; k++) {
      const d = this.dims[k];
      if (d.kind === 'discrete') {
        const j = levelOf(d, u[k]);
        if (d.widths[j] === 0) return -Infinity;
        log += Math.log(this.probs[k][j] / d.widths[j]);
      } else {
        const z = zOf(u[k]);
        if (Math.abs(z) > Z_MAX) return -Infinity;
        const t = (z - this.params.mean[k]) / this.params.sd[k];
        // q_z(z) / phi(z): the normal's density over the standard normal's.
        log += -0.5 * t * t - Math.log(this.params.sd[k]) - Math.log(this.mass[k]) + 0.5 * z * z;
      }
    }
    return log;
  }

  /** Density of this proposal at u, relative to the declared distribution (which has density 1). */
  density(u: readonly number[]): number {
    const a = this.params.defensive;
    const core = a < 1 ? Math.exp(this.logCore(u)) : 0;
    return a + (1 - a) * core;
  }

  /** Importance weight of u: declared density over this proposal's density. */
  weight(u: readonly number[]): number {
    return 1 / this.density(u);
  }
}
