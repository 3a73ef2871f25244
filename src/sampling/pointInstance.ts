/**
 * From a point of the unit cube to a sampled instance: each coordinate through its dimension's
 * inverse CDF, then the named parameters, the requirements and the instance. Sweep designs and
 * searches share these steps, so a point gives the same instance whichever of them chose it.
 */
import { applyDefaults } from '../scenario/defaults.js';
import type { DesignName, ParamValue, SampledInstance } from '../scenario/types.js';
import { resolvedProblems } from '../scenario/instanceCheck.js';
import { SampledValueError, SamplingError } from './errors.js';
import { contentHash } from './hash.js';
import { evaluateAt, resolveContent, resolveParameters, type CompiledSpec } from './resolve.js';

export interface PointValues {
  /** Value of each dimension, in dimension order. */
  values: ParamValue[];
  /** Value of each named parameter. */
  params: Record<string, ParamValue>;
}

/** The dimension values and named parameters at point u. */
export function pointValues(plan: CompiledSpec, u: readonly number[]): PointValues {
  const values = plan.dimensions.map((d, k) => d.distribution.quantile(u[k]));
  return { values, params: resolveParameters(plan, values) };
}

/**
 * Whether each requirement holds for these parameters, in requirement order. Throws a
 * SamplingError for a requirement that is not true or false.
 */
export function requirementsHeld(plan: CompiledSpec, params: Record<string, ParamValue>): boolean[] {
  return plan.requirements.map((r, j) => {
    const ok = evaluateAt(r.expr, r.source, params, `/requires/${j}`);
    if (typeof ok !== 'boolean') {
      throw new SamplingError(`requirement "${r.source}" gives ${JSON.stringify(ok)}; a requirement must be true or false`, `/requires/${j}`);
    }
    return ok;
  });
}

/** Whether point u meets every requirement. */
export function pointMeetsRequirements(plan: CompiledSpec, u: readonly number[]): boolean {
  if (plan.requirements.length === 0) return true;
  return requirementsHeld(plan, pointValues(plan, u).params).every((x) => x);
}

export interface SampleMeta {
  index: number;
  seed: number;
  design: DesignName;
  tries: number;
  /** Importance weight (declared density over the density of what drew the point); 1 when absent. */
  weight?: number;
}

/** The sampled instance for values that met the requirements. */
export function sampledInstance(plan: CompiledSpec, point: PointValues, meta: SampleMeta): SampledInstance {
  const { values, params } = point;
  const parameters: Record<string, ParamValue> = { ...params };
  plan.dimensions.forEach((d, k) => {
    if (d.source === 'inline') parameters[d.key] = values[k];
  });
  const resolved = resolveContent(plan, values, params);
  // Sampled values are checked where they stand, as the sweep sampler does.
  const problem = resolvedProblems(resolved)[0];
  if (problem) throw new SampledValueError(meta.index, problem.pointer, problem.message);
  const instance = applyDefaults(resolved);
  return {
    index: meta.index,
    seed: meta.seed,
    design: meta.design,
    hash: contentHash(instance),
    parameters,
    tries: meta.tries,
    ...(meta.weight !== undefined ? { weight: meta.weight } : {}),
    instance,
  };
}
