/**
 * Checks that literal distributions can only give values the grammar accepts where they stand.
 *
 * `speedMps: {uniform: [0, 120]}` is a valid distribution, so the schema accepts it, yet it
 * would sample speeds above the 90 m/s limit; `lanes: {forward: {uniform: [1, 3]}}` would
 * sample 1.74 lanes. So probe values of each distribution (the ends of its range, every
 * choice, and one fractional value inside a continuous range) are checked against the
 * sub-schema of the place where it stands. A `"$name"` use of a parameter holding a literal value or
 * distribution is probed the same way. Expressions are left to sampling.
 */
import { pointerSegment, type ScenarioError } from './errors.js';
import type { Position } from './parse.js';
import type { ScenarioSpec, SpecNode } from './types.js';
import { problemsAt } from './validate.js';

type Obj = { [key: string]: SpecNode };

const isObj = (v: SpecNode | undefined): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Most probe values per distribution (a long choice is cut short). */
const MAX_PROBES = 24;
/** Where in a continuous range the fractional probe sits (any non-special share works). */
const FRACTION = 0.37;

/** Probe values of a literal distribution, or undefined when `node` is none. */
export function probeValues(node: SpecNode): SpecNode[] | undefined {
  if (!isObj(node)) return undefined;
  const keys = Object.keys(node);
  const nums = (v: SpecNode | undefined): number[] | undefined => (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined);
  if (keys.length === 1 && 'const' in node) return [node.const];
  if (keys.length === 1 && 'uniform' in node) {
    const r = nums(node.uniform);
    return r ? [r[0], r[1], r[0] + (r[1] - r[0]) * FRACTION] : undefined;
  }
  if (keys.length === 1 && 'int' in node) return nums(node.int);
  if (keys.length === 1 && isObj(node.truncnormal)) {
    const { min, max } = node.truncnormal;
    return typeof min === 'number' && typeof max === 'number' ? [min, max, min + (max - min) * FRACTION] : undefined;
  }
  if (keys.length === 1 && isObj(node.normal)) {
    // Unbounded: only whether a typical draw has the right type can be checked.
    const { mean, sd } = node.normal;
    return typeof mean === 'number' && typeof sd === 'number' ? [mean + sd * FRACTION] : undefined;
  }
  if ('choice' in node && Array.isArray(node.choice) && keys.every((k) => k === 'choice' || k === 'weights')) {
    return node.choice.slice(0, MAX_PROBES);
  }
  return undefined;
}

interface Site {
  segments: string[];
  pointer: string;
  probes: SpecNode[];
  /** What gives the values, for the message. */
  what: string;
}

/** Distributions and parameter uses outside `parameters`, `requires` and free text. */
function findSites(spec: ScenarioSpec): Site[] {
  const params = isObj(spec.parameters) ? spec.parameters : {};
  const sites: Site[] = [];
  const visit = (node: SpecNode, segments: string[]): void => {
    const pointer = segments.map((s) => `/${pointerSegment(s)}`).join('');
    if (typeof node === 'string' && /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(node)) {
      const name = node.slice(1);
      if (!Object.hasOwn(params, name)) return;
      const value = params[name];
      const probes = typeof value === 'number' || typeof value === 'boolean' ? [value] : probeValues(value);
      // A string parameter value may itself be a reference or an expression: leave it to sampling.
      if (probes) sites.push({ segments, pointer, probes, what: `parameter "${node}"` });
      return;
    }
    const probes = probeValues(node);
    if (probes) {
      sites.push({ segments, pointer, probes, what: 'this distribution' });
      return;
    }
    if (Array.isArray(node))
      node.forEach((x, i) => {
        visit(x, [...segments, String(i)]);
      });
    else if (isObj(node)) for (const [k, v] of Object.entries(node)) visit(v, [...segments, k]);
  };
  for (const [k, v] of Object.entries(spec)) {
    if (k === 'parameters' || k === 'requires' || k === 'name' || k === 'description' || k === '$schema') continue;
    visit(v, [k]);
  }
  return sites;
}

function show(v: SpecNode): string {
  return typeof v === 'number' ? String(Number(v.toPrecision(6))) : JSON.stringify(v);
}

/**
 * One error per distribution or parameter use that can give a value the grammar rejects at
 * its place. Expects a schema-valid spec.
 */
export function checkDistributionRanges(spec: ScenarioSpec, locate: (pointer: string) => Position, fileName: string): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const site of findSites(spec)) {
    for (const probe of site.probes) {
      const problem = problemsAt(spec, site.segments, probe).find((p) => p.pointer === site.pointer || p.pointer.startsWith(`${site.pointer}/`));
      if (!problem) continue;
      const pos = locate(site.pointer);
      const takes = problem.message.replace(/^expected /, '').replace(/, got [\s\S]*$/, '');
      const wantsInteger = typeof probe === 'number' && !Number.isInteger(probe) && takes.startsWith('an integer');
      errors.push({
        file: fileName,
        line: pos.line,
        col: pos.col,
        pointer: site.pointer,
        message: `${site.what} can give ${show(probe)}; this place takes ${takes}`,
        ...(wantsInteger ? { hint: 'use {int: [low, high]} or a choice for whole numbers' } : {}),
      });
      break;
    }
  }
  return errors;
}
