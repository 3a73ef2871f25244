/**
 * Types of the scenario pipeline's first two boxes.
 *
 * - `ScenarioSpec`: a validated scenario file. Any leaf may still be a `Distribution` or a
 *   reference (`"$name"`, `"=expr"`), so it is typed loosely as `SpecNode`.
 * - `ScenarioInstance`: one sample of a spec. Every value is concrete and every default is
 *   filled in (see `defaults.ts`), so later stages never test for missing fields. It and its
 *   parts are generated from the schema (`types.generated.ts`, by `npm run schema`).
 *
 * Units are in the names: M metres, S seconds, Mps metres per second, Deg degrees.
 * Road frame: s along the road reference line [m], t lateral, positive to the left [m].
 */
import type { DesignName, ScenarioInstance } from './types.generated.js';

export * from './types.generated.js';

/** A JSON value as it appears in a scenario file. */
export type SpecNode = null | boolean | number | string | SpecNode[] | { [key: string]: SpecNode };

/** A parsed and schema-valid scenario file; leaves may be distributions or references. */
export type ScenarioSpec = { [key: string]: SpecNode };

/** Value of one sampled dimension or named parameter, as recorded in the manifest. */
export type ParamValue = number | string | boolean;

/** A sample: the concrete instance with where it came from. */
export interface SampledInstance {
  index: number;
  seed: number;
  design: DesignName;
  /** Stable content hash of `instance` (hex). */
  hash: string;
  /** Named parameters and every inline distribution, keyed by name or JSON pointer. */
  parameters: Record<string, ParamValue>;
  /** Rejection tries used (1 = accepted at first draw). */
  tries: number;
  /**
   * Importance weight: density under the declared distributions over the density of the
   * proposal that drew it (design "search"); absent for the other designs, whose weight is 1.
   */
  weight?: number;
  instance: ScenarioInstance;
}
