/**
 * The random dimensions of a spec, in a stable order: named parameters that are distributions
 * first (in declaration order), then distributions written inline, in document order.
 *
 * The order fixes which coordinate of a design point drives which value, so it must not depend
 * on anything but the spec's text: adding an actor at the end never changes earlier dimensions.
 */
import { pointerSegment } from '../scenario/errors.js';
import type { ScenarioSpec, SpecNode } from '../scenario/types.js';
import { isDistributionNode, toDistribution, type ScalarDistribution } from './distributions.js';

export interface Dimension {
  /** The parameter name, or the JSON pointer of an inline distribution (e.g. "/actors/0/speedMps"). */
  key: string;
  source: 'parameter' | 'inline';
  /** JSON pointer of the distribution node in the spec. */
  pointer: string;
  distribution: ScalarDistribution;
}

/**
 * Top-level sections that are not part of the scenario's content: parameters are handled by
 * name, requirements and sweep settings steer sampling, and the rest are free text.
 */
export const NON_CONTENT_KEYS: ReadonlySet<string> = new Set(['$schema', 'name', 'description', 'parameters', 'requires', 'sweep']);

/** Whether a spec node is a JSON object (not an array, not null). */
export function isObjectNode(node: SpecNode | undefined): node is { [key: string]: SpecNode } {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

/** The named parameters of a spec, or an empty object. */
export function namedParameters(spec: ScenarioSpec): { [name: string]: SpecNode } {
  const p = spec.parameters;
  return isObjectNode(p) ? p : {};
}

function collectInline(node: SpecNode, pointer: string, out: Dimension[]): void {
  if (isDistributionNode(node)) {
    out.push({ key: pointer, source: 'inline', pointer, distribution: toDistribution(node, pointer) });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      collectInline(child, `${pointer}/${i}`, out);
    });
  } else if (isObjectNode(node)) {
    for (const [k, child] of Object.entries(node)) collectInline(child, `${pointer}/${pointerSegment(k)}`, out);
  }
}

/** All random dimensions of `spec`; throws a SamplingError for a malformed distribution. */
export function collectDimensions(spec: ScenarioSpec): Dimension[] {
  const out: Dimension[] = [];
  for (const [name, value] of Object.entries(namedParameters(spec))) {
    if (!isDistributionNode(value)) continue;
    const pointer = `/parameters/${pointerSegment(name)}`;
    out.push({ key: name, source: 'parameter', pointer, distribution: toDistribution(value, pointer) });
  }
  for (const [k, child] of Object.entries(spec)) {
    if (!NON_CONTENT_KEYS.has(k)) collectInline(child, `/${pointerSegment(k)}`, out);
  }
  return out;
}
