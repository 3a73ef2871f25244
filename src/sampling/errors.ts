/**
 * Errors a scenario author can cause while sampling. Each names where (a JSON pointer or a
 * parameter) and says how to fix it; the CLI shows the message without a stack.
 */

/** A spec that passed the schema but cannot be sampled as written. */
export class SamplingError extends Error {
  /** JSON pointer of the offending node, when there is one. */
  readonly pointer: string | undefined;
  constructor(message: string, pointer?: string) {
    super(pointer === undefined ? message : `${pointer}: ${message}`);
    this.name = 'SamplingError';
    this.pointer = pointer;
  }
}

/** Named parameters that refer to each other in a loop. */
export class ParameterCycleError extends SamplingError {
  /** The parameters on the loop, in order, the first repeated at the end. */
  readonly cycle: string[];
  constructor(cycle: string[]) {
    super(
      `parameters ${cycle.map((c) => `"${c}"`).join(' -> ')} refer to each other in a cycle; ` + 'give one of them a value or a distribution that does not depend on the others',
      `/parameters/${cycle[0]}`,
    );
    this.name = 'ParameterCycleError';
    this.cycle = cycle;
  }
}

/** How often one requirement held during rejection sampling. */
export interface RequirementStats {
  requirement: string;
  /** Tries in which it held. */
  held: number;
  tries: number;
  /** held / tries. */
  rate: number;
}

/** No draw within the try budget satisfied every requirement. */
export class InfeasibleRequirementError extends SamplingError {
  /** The requirement that failed most often. */
  readonly requirement: string;
  readonly tries: number;
  readonly stats: RequirementStats[];
  constructor(index: number, tries: number, stats: RequirementStats[]) {
    const worstIndex = stats.reduce((w, s, j) => (s.rate < stats[w].rate ? j : w), 0);
    const worst = stats[worstIndex];
    const pct = (r: number): string => `${(100 * r).toFixed(r > 0 && r < 0.001 ? 4 : 1)}%`;
    const lines = stats.map((s) => `  "${s.requirement}": held in ${s.held} of ${s.tries} tries (${pct(s.rate)})`);
    super(
      `sample ${index}: no draw met every requirement in ${tries} tries; ` +
        `"${worst.requirement}" failed most (acceptance rate ${pct(worst.rate)}).\n` +
        `${lines.join('\n')}\n` +
        'Widen the distributions it depends on, loosen the requirement, or raise sweep.maxTries.',
      `/requires/${worstIndex}`,
    );
    this.name = 'InfeasibleRequirementError';
    this.requirement = worst.requirement;
    this.tries = tries;
    this.stats = stats;
  }
}

/** A sampled value that the grammar does not accept where it stands (e.g. an expression giving 349 m/s). */
export class SampledValueError extends SamplingError {
  constructor(
    readonly index: number,
    pointer: string,
    message: string,
  ) {
    super(`sample ${index} gives a value this place does not take: ${message}`, pointer);
    this.name = 'SampledValueError';
  }
}
