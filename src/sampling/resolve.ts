/**
 * Substitutes sampled values into a spec: distributions become their sampled values, "$name"
 * becomes the parameter's value and "=expr" the expression's value. Named parameters that
 * refer to other parameters are resolved in dependency order.
 *
 * `compileSpec` does the per-spec work once (dimensions, parameter order, parsed expressions);
 * `resolveParameters` and `resolveContent` run per sample.
 */
import { EvaluationError, evaluateExpression, freeVariables, type Expr } from '../scenario/expression.js';
import type { ParamValue, ScenarioSpec, SpecNode } from '../scenario/types.js';
import { pointerSegment } from '../scenario/errors.js';
import { collectDimensions, isObjectNode, namedParameters, NON_CONTENT_KEYS, type Dimension } from './dimensions.js';
import { isDistributionNode } from './distributions.js';
import { SamplingError } from './errors.js';
import { parameterOrder } from './parameterOrder.js';
import { checkParameterName, classifyString, compileExpression } from './references.js';

/** Top-level sections that steer sampling and are not part of an instance. */
const SAMPLING_KEYS: ReadonlySet<string> = new Set(['$schema', 'parameters', 'requires', 'sweep']);

/** How one named parameter gets its value. */
type ParameterRule = { kind: 'value'; value: ParamValue } | { kind: 'dimension'; dimension: number } | { kind: 'ref'; name: string } | { kind: 'expr'; source: string; expr: Expr };

export interface Requirement {
  source: string;
  expr: Expr;
}

export interface CompiledSpec {
  spec: ScenarioSpec;
  dimensions: Dimension[];
  /** Parameter names in declaration order. */
  parameterNames: string[];
  /** Parameter names in resolution order. */
  order: string[];
  rules: Map<string, ParameterRule>;
  requirements: Requirement[];
  /** The content sections (all but parameters, requires, sweep and $schema), compiled. */
  content: [string, Template][];
}

function parameterRule(name: string, value: SpecNode, dimensionIndex: Map<string, number>, declared: string[]): ParameterRule {
  const pointer = `/parameters/${pointerSegment(name)}`;
  if (isDistributionNode(value)) return { kind: 'dimension', dimension: dimensionIndex.get(name)! };
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'value', value };
  if (typeof value === 'string') {
    const meaning = classifyString(value);
    if (meaning.kind === 'text') return { kind: 'value', value };
    if (meaning.kind === 'ref') {
      checkParameterName(meaning.name, declared, pointer);
      return { kind: 'ref', name: meaning.name };
    }
    const expr = compileExpression(meaning.source, pointer);
    for (const v of freeVariables(expr)) checkParameterName(v, declared, pointer);
    return { kind: 'expr', source: meaning.source, expr };
  }
  throw new SamplingError('a parameter must be a number, string, boolean, distribution or reference', pointer);
}

function dependencies(rule: ParameterRule): string[] {
  if (rule.kind === 'ref') return [rule.name];
  if (rule.kind === 'expr') return freeVariables(rule.expr);
  return [];
}

/**
 * The spec's content compiled once: subtrees without anything to substitute are kept as they
 * are (and copied per sample), the rest become holes, so per-sample work builds no pointers.
 */
type Template =
  | { t: 'fixed'; node: SpecNode }
  | { t: 'dimension'; dimension: number }
  | { t: 'ref'; name: string }
  | { t: 'expr'; expr: Expr; source: string; pointer: string }
  | { t: 'array'; items: Template[] }
  | { t: 'object'; entries: [string, Template][] };

function compileTemplate(node: SpecNode, pointer: string, declared: string[], inlineDimensions: Map<string, number>): Template {
  if (isDistributionNode(node)) return { t: 'dimension', dimension: inlineDimensions.get(pointer)! };
  if (typeof node === 'string') {
    const meaning = classifyString(node);
    if (meaning.kind === 'ref') {
      checkParameterName(meaning.name, declared, pointer);
      return { t: 'ref', name: meaning.name };
    }
    if (meaning.kind === 'expr') {
      const expr = compileExpression(meaning.source, pointer);
      for (const v of freeVariables(expr)) checkParameterName(v, declared, pointer);
      return { t: 'expr', expr, source: meaning.source, pointer };
    }
    return { t: 'fixed', node };
  }
  let children: Template[];
  let result: Template;
  if (Array.isArray(node)) {
    children = node.map((child, i) => compileTemplate(child, `${pointer}/${i}`, declared, inlineDimensions));
    result = { t: 'array', items: children };
  } else if (isObjectNode(node)) {
    const entries = Object.entries(node).map(([k, child]): [string, Template] => [k, compileTemplate(child, `${pointer}/${pointerSegment(k)}`, declared, inlineDimensions)]);
    children = entries.map(([, c]) => c);
    result = { t: 'object', entries };
  } else {
    return { t: 'fixed', node };
  }
  return children.every((c) => c.t === 'fixed') ? { t: 'fixed', node } : result;
}

/** A deep copy of a JSON value, so instances never share objects with the spec. */
function copyNode(node: SpecNode): SpecNode {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(copyNode);
  const out: { [key: string]: SpecNode } = {};
  for (const k in node) out[k] = copyNode(node[k]);
  return out;
}

/** Everything about a spec that does not change from sample to sample. Throws SamplingError. */
export function compileSpec(spec: ScenarioSpec): CompiledSpec {
  const dimensions = collectDimensions(spec);
  const params = namedParameters(spec);
  const parameterNames = Object.keys(params);
  const dimensionIndex = new Map<string, number>();
  const inlineDimensions = new Map<string, number>();
  for (const [i, d] of dimensions.entries()) (d.source === 'parameter' ? dimensionIndex : inlineDimensions).set(d.key, i);

  const rules = new Map<string, ParameterRule>();
  for (const name of parameterNames) rules.set(name, parameterRule(name, params[name], dimensionIndex, parameterNames));
  const order = parameterOrder(parameterNames, new Map([...rules].map(([n, r]) => [n, dependencies(r)])));

  const requires = Array.isArray(spec.requires) ? spec.requires : [];
  const requirements = requires.map((source, i) => {
    const pointer = `/requires/${i}`;
    if (typeof source !== 'string') throw new SamplingError('a requirement must be an expression string', pointer);
    const expr = compileExpression(source, pointer);
    for (const v of freeVariables(expr)) checkParameterName(v, parameterNames, pointer);
    return { source, expr };
  });

  const content = Object.entries(spec)
    .filter(([k]) => !SAMPLING_KEYS.has(k))
    .map(([k, child]): [string, Template] => [
      k,
      NON_CONTENT_KEYS.has(k) ? { t: 'fixed', node: child } : compileTemplate(child, `/${pointerSegment(k)}`, parameterNames, inlineDimensions),
    ]);
  return { spec, dimensions, parameterNames, order, rules, requirements, content };
}

/** Evaluates an expression, turning evaluation faults into a SamplingError at `pointer`. */
export function evaluateAt(expr: Expr, source: string, vars: Record<string, ParamValue>, pointer: string): ParamValue {
  try {
    return evaluateExpression(expr, vars);
  } catch (err) {
    if (err instanceof EvaluationError) throw new SamplingError(`in "${source}" at column ${err.col}: ${err.message}`, pointer);
    throw err;
  }
}

/** Values of every named parameter, given the values of all dimensions. */
export function resolveParameters(plan: CompiledSpec, dimensionValues: readonly ParamValue[]): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  for (const name of plan.order) {
    const rule = plan.rules.get(name)!;
    switch (rule.kind) {
      case 'value':
        values[name] = rule.value;
        break;
      case 'dimension':
        values[name] = dimensionValues[rule.dimension];
        break;
      case 'ref':
        values[name] = values[rule.name];
        break;
      case 'expr':
        values[name] = evaluateAt(rule.expr, rule.source, values, `/parameters/${pointerSegment(name)}`);
        break;
    }
  }
  // Report parameters in declaration order, not resolution order.
  return Object.fromEntries(plan.parameterNames.map((n) => [n, values[n]]));
}

function instantiate(t: Template, dims: readonly ParamValue[], params: Record<string, ParamValue>): SpecNode {
  switch (t.t) {
    case 'fixed':
      return copyNode(t.node);
    case 'dimension':
      return dims[t.dimension];
    case 'ref':
      return params[t.name];
    case 'expr':
      return evaluateAt(t.expr, t.source, params, t.pointer);
    case 'array':
      return t.items.map((item) => instantiate(item, dims, params));
    case 'object': {
      const out: { [key: string]: SpecNode } = {};
      for (const [k, child] of t.entries) out[k] = instantiate(child, dims, params);
      return out;
    }
  }
}

/**
 * The spec's content with every value concrete: what `applyDefaults` expects. The sections
 * that steer sampling (parameters, requires, sweep, $schema) are left out.
 */
export function resolveContent(plan: CompiledSpec, dimensionValues: readonly ParamValue[], params: Record<string, ParamValue>): ScenarioSpec {
  const out: ScenarioSpec = {};
  for (const [k, t] of plan.content) out[k] = instantiate(t, dimensionValues, params);
  return out;
}
