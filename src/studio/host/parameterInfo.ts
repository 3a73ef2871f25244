/**
 * The parameter panel's view of a scenario: each random dimension with a slider range (or the
 * list of choices) read from its distribution node, and its value in the current sample.
 */
import type { ParamValue, ScenarioSpec, SpecNode } from '../../scenario/types.js';
import { nodeAt } from '../../scenario/errors.js';
import type { Dimension } from '../../sampling/dimensions.js';
import type { ParameterInfo } from '../api.js';

const num = (v: SpecNode | undefined): number => (typeof v === 'number' ? v : NaN);

/** A slider step of about 1/200 of the range, rounded to 1, 2 or 5 times a power of ten. */
export function niceStep(range: number): number {
  if (!(range > 0)) return 1;
  const raw = range / 200;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 2 ? 1 : m < 5 ? 2 : 5) * p;
}

function rangeOf(node: Record<string, SpecNode>): Pick<ParameterInfo, 'kind' | 'min' | 'max' | 'step' | 'choices'> {
  if ('uniform' in node && Array.isArray(node.uniform)) {
    const [min, max] = [num(node.uniform[0]), num(node.uniform[1])];
    return { kind: 'uniform', min, max, step: niceStep(max - min) };
  }
  if ('int' in node && Array.isArray(node.int)) return { kind: 'int', min: num(node.int[0]), max: num(node.int[1]), step: 1 };
  const params = (key: string): Record<string, SpecNode> => {
    const v = node[key];
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
  };
  if ('truncnormal' in node) {
    const p = params('truncnormal');
    return { kind: 'truncnormal', min: num(p.min), max: num(p.max), step: niceStep(num(p.max) - num(p.min)) };
  }
  if ('normal' in node) {
    const p = params('normal');
    const [mean, sd] = [num(p.mean), num(p.sd)];
    return { kind: 'normal', min: mean - 3 * sd, max: mean + 3 * sd, step: niceStep(6 * sd) };
  }
  if ('choice' in node && Array.isArray(node.choice)) {
    return { kind: 'choice', choices: node.choice.filter((v): v is ParamValue => v !== null && typeof v !== 'object') };
  }
  return { kind: 'const' };
}

/**
 * @param dims       dimensions of the spec as written (before overrides)
 * @param values     value of each dimension key in the current sample
 * @param line       1-based line of a JSON pointer in the file
 */
export function parameterInfos(
  spec: ScenarioSpec,
  dims: readonly Dimension[],
  values: Record<string, ParamValue>,
  overrides: Record<string, ParamValue>,
  line: (pointer: string) => number,
): ParameterInfo[] {
  return dims.map((d) => {
    const node = nodeAt(spec, d.pointer);
    const range = node !== null && typeof node === 'object' && !Array.isArray(node) ? rangeOf(node) : { kind: 'const' as const };
    return {
      key: d.key,
      source: d.source,
      pointer: d.pointer,
      line: line(d.pointer),
      ...range,
      value: values[d.key],
      overridden: Object.hasOwn(overrides, d.key),
    };
  });
}
