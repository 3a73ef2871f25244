/**
 * Where a rejected draw is tried again, so that requirements do not undo a design.
 *
 * Each design names the cell of its point (lhs: the sample's stratum in every dimension;
 * sobol: the dyadic box of its leading bits; pairwise: its row of discrete values; grid: its
 * grid cell) and a retry draws again inside that cell. Dimensions no requirement depends on
 * can take any value, so they stay in their cell on every try; the ones a requirement depends
 * on stay in their cell for the first half of the tries and are then drawn anywhere, which only
 * happens where the cell itself (nearly) breaks the requirement.
 */
import { freeVariables } from '../../scenario/expression.js';
import type { CompiledSpec } from '../resolve.js';
import { uniformVector } from '../rng.js';
import type { Design } from './design.js';

/** Dimensions whose value some requirement depends on (through named parameters). */
export function requirementDimensions(plan: CompiledSpec): Set<number> {
  const dims = new Set<number>();
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const rule = plan.rules.get(name);
    if (!rule) return;
    if (rule.kind === 'dimension') dims.add(rule.dimension);
    else if (rule.kind === 'ref') visit(rule.name);
    else if (rule.kind === 'expr') freeVariables(rule.expr).forEach(visit);
  };
  for (const r of plan.requirements) freeVariables(r.expr).forEach(visit);
  return dims;
}

/** The point of try `tryNo` (>= 1) of sample `index`. */
export type RetryPoint = (index: number, tryNo: number) => number[];

export function retryPoints(design: Design, plan: CompiledSpec, seed: number, maxTries: number): RetryPoint {
  const d = plan.dimensions.length;
  const constrained = requirementDimensions(plan);
  const inCellTries = Math.max(1, Math.floor(maxTries / 2));
  return (index, tryNo) => {
    const anywhere = uniformVector({ seed, index, tryNo, purpose: 'retry' }, d);
    if (!design.retry) return anywhere;
    const cell = design.retry(index, tryNo);
    if (tryNo < inCellTries) return cell;
    return cell.map((u, k) => (constrained.has(k) ? anywhere[k] : u));
  };
}
