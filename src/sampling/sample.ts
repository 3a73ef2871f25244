/**
 * Sampling a scenario spec into concrete instances.
 *
 * Sample i depends only on (spec, seed, design, i), and for the lhs design also on `count`,
 * the size of the sweep that the Latin hypercube strata are laid over. So slices, shards and
 * resumed runs reproduce the same instances, as long as lhs sweeps pass the same count.
 *
 * Requirements are met by rejection: try 0 uses the design's point, retries use seeded points
 * derived from (seed, index, try) inside the same cell of the design (designs/retry.ts), so
 * LHS strata, Sobol boxes and pairwise rows survive rejection. After maxTries failures the
 * sample fails with an InfeasibleRequirementError that reports how often each requirement held.
 * The search design replays the points a search kept, with their importance weights.
 */
import { applyDefaults } from '../scenario/defaults.js';
import { resolvedProblems } from '../scenario/instanceCheck.js';
import type { DesignName, ParamValue, SampledInstance, ScenarioSpec } from '../scenario/types.js';
import { createDesign } from './designs/createDesign.js';
import type { Design } from './designs/design.js';
import { DEFAULT_GRID_LEVELS } from './designs/gridDesign.js';
import { InfeasibleRequirementError, SampledValueError, SamplingError } from './errors.js';
import { contentHash } from './hash.js';
import { compileSpec, evaluateAt, resolveContent, resolveParameters, type CompiledSpec } from './resolve.js';
import { retryPoints } from './designs/retry.js';

export const DEFAULT_MAX_TRIES = 1000;

export interface SamplerOptions {
  seed: number;
  design: DesignName;
  /** Samples in the sweep; required by the lhs design (its block size), ignored by the others. */
  count?: number;
  /** Levels per continuous dimension for the grid design (default: spec.sweep.gridLevels, else 3). */
  gridLevels?: number;
  /** Rejection tries per sample (default: spec.sweep.maxTries, else 1000). */
  maxTries?: number;
}

export interface SampleOptions extends SamplerOptions {
  index: number;
}

/** A spec prepared for one design and seed; `sample` may be called for any index, in any order. */
export interface Sampler {
  readonly plan: CompiledSpec;
  readonly design: Design;
  sample(index: number): SampledInstance;
}

function sweepSetting(spec: ScenarioSpec, key: 'gridLevels' | 'maxTries'): number | undefined {
  const sweep = spec.sweep;
  if (sweep === null || typeof sweep !== 'object' || Array.isArray(sweep)) return undefined;
  const v = sweep[key];
  return typeof v === 'number' ? v : undefined;
}

/** The searched points of a search result file (sweep.samples), if any. */
function searchSamples(spec: ScenarioSpec): { u: number[]; weight: number }[] | undefined {
  const sweep = spec.sweep;
  if (sweep === null || typeof sweep !== 'object' || Array.isArray(sweep) || !Array.isArray(sweep.samples)) return undefined;
  return sweep.samples.map((s) => {
    const item = s !== null && typeof s === 'object' && !Array.isArray(s) ? s : {};
    const u = Array.isArray(item.u) ? item.u.map(Number) : [];
    return { u, weight: typeof item.weight === 'number' ? item.weight : 1 };
  });
}

/** Prepares `spec` for sampling. Throws SamplingError for a spec that cannot be sampled. */
export function createSampler(spec: ScenarioSpec, options: SamplerOptions): Sampler {
  const plan = compileSpec(spec);
  const { seed } = options;
  // A searched point met the requirements when it was found; any other point would not carry its weight.
  const maxTries = options.design === 'search' ? 1 : (options.maxTries ?? sweepSetting(spec, 'maxTries') ?? DEFAULT_MAX_TRIES);
  if (!Number.isInteger(maxTries) || maxTries < 1) throw new RangeError(`maxTries must be a positive integer, got ${maxTries}`);
  const gridLevels = options.gridLevels ?? sweepSetting(spec, 'gridLevels') ?? DEFAULT_GRID_LEVELS;
  const dims = plan.dimensions;
  const design = createDesign(
    options.design,
    dims.map((d) => d.distribution),
    { seed, count: options.count, gridLevels, searchSamples: searchSamples(spec) },
  );
  if (options.design === 'search' && options.count !== undefined) design.point(options.count - 1);
  const retry = retryPoints(design, plan, seed, maxTries);

  const draw = (index: number, tryNo: number) => {
    const u = tryNo === 0 ? design.point(index) : retry(index, tryNo);
    const values = dims.map((d, k) => d.distribution.quantile(u[k]));
    return { values, params: resolveParameters(plan, values) };
  };

  const held = plan.requirements.map(() => 0);
  const meets = (params: Record<string, ParamValue>): boolean => {
    let all = true;
    plan.requirements.forEach((r, j) => {
      const ok = evaluateAt(r.expr, r.source, params, `/requires/${j}`);
      if (typeof ok !== 'boolean') {
        throw new SamplingError(`requirement "${r.source}" gives ${JSON.stringify(ok)}; a requirement must be true or false`, `/requires/${j}`);
      }
      if (ok) held[j]++;
      all &&= ok;
    });
    return all;
  };

  return {
    plan,
    design,
    sample(index) {
      held.fill(0);
      for (let tryNo = 0; tryNo < maxTries; tryNo++) {
        const { values, params } = draw(index, tryNo);
        if (!meets(params)) continue;
        const parameters: Record<string, ParamValue> = { ...params };
        dims.forEach((d, k) => {
          if (d.source === 'inline') parameters[d.key] = values[k];
        });
        const resolved = resolveContent(plan, values, params);
        // Sampled values are checked where they stand, like literal ones at validation.
        const problem = resolvedProblems(resolved)[0];
        if (problem) throw new SampledValueError(index, problem.pointer, problem.message);
        const instance = applyDefaults(resolved);
        const weight = design.weight?.(index);
        return { index, seed, design: options.design, hash: contentHash(instance), parameters, tries: tryNo + 1, ...(weight !== undefined ? { weight } : {}), instance };
      }
      throw new InfeasibleRequirementError(
        index,
        maxTries,
        plan.requirements.map((r, j) => ({ requirement: r.source, held: held[j], tries: maxTries, rate: held[j] / maxTries })),
      );
    },
  };
}

// Samplers are reused across calls on the same spec object, which must not be mutated.
const samplerCache = new WeakMap<ScenarioSpec, Map<string, Sampler>>();

function cachedSampler(spec: ScenarioSpec, options: SamplerOptions): Sampler {
  const key = JSON.stringify([options.seed, options.design, options.count, options.gridLevels, options.maxTries]);
  let bySpec = samplerCache.get(spec);
  if (!bySpec) {
    bySpec = new Map();
    samplerCache.set(spec, bySpec);
  }
  let sampler = bySpec.get(key);
  if (!sampler) {
    sampler = createSampler(spec, options);
    bySpec.set(key, sampler);
  }
  return sampler;
}

/** Sample `options.index` of the sweep described by `options`. */
export function sampleScenario(spec: ScenarioSpec, options: SampleOptions): SampledInstance {
  const { index, ...rest } = options;
  return cachedSampler(spec, rest).sample(index);
}

/**
 * Samples from .. from + count - 1. For the lhs design, `options.count` is the size of the
 * whole sweep; when it is not given, the sweep is taken to be 0 .. from + count - 1.
 */
export function sampleRange(spec: ScenarioSpec, options: SamplerOptions, from: number, count: number): SampledInstance[] {
  const sweepSize = options.design === 'lhs' ? Math.max(1, from + count) : undefined;
  const sampler = cachedSampler(spec, { ...options, count: options.count ?? sweepSize });
  return Array.from({ length: count }, (_, k) => sampler.sample(from + k));
}
