/**
 * Search for critical instances of a scenario: cross-entropy (the default), simulated
 * annealing, or random draws from the declared distributions (the baseline). The search
 * chooses points of the unit cube (see searchSpace.ts); an Evaluator rolls them out and scores
 * them. Every rollout records the importance weight of its point, so any set of rollouts can be
 * re-weighted to the declared distribution (docs/search.md).
 *
 * Deterministic: the same (spec, method, seed, budget, options) gives the same rollouts
 * however the evaluator spreads the work, because points are chosen in batches from seeded
 * streams and results are used in batch order.
 *
 * Requirements are met by rejection, from the proposal itself. The importance weight is then
 * the ratio of the two distributions restricted to the points that meet the requirements:
 * (1 / density(u)) x acceptance(proposal) / acceptance(declared). Both acceptances are
 * estimated from requirement checks alone (cheap: no rollout), so weights stay unbiased to
 * within the estimates' error.
 */
import type { DesignName, ScenarioSpec } from '../../scenario/types.js';
import { SamplingError } from '../errors.js';
import { pointMeetsRequirements, pointValues, sampledInstance } from '../pointInstance.js';
import { compileSpec, type CompiledSpec } from '../resolve.js';
import { streamRng, uniform01, type RandomGenerator } from '../rng.js';
import { crossEntropyUpdate, CEM_DEFAULTS, type CemSettings } from './crossEntropy.js';
import { annealKernel, ANNEAL_DEFAULTS, type AnnealSettings, temperatureAt } from './annealing.js';
import { declaredParams, Proposal } from './Proposal.js';
import { searchDimensions, type SearchDimension } from './searchSpace.js';
import type { Evaluation, Evaluator, Rollout, SearchMethod, SearchOutcome, SearchProgress } from './types.js';

/** Requirement checks used to estimate how much of a proposal meets the requirements. */
const PROPOSAL_PROBES = 128;
const DECLARED_PROBES = 2048;
const DEFAULT_MAX_TRIES = 1000;

export interface SearchOptions {
  method: SearchMethod;
  /** Rollouts to make. */
  budget: number;
  seed: number;
  /** How many of the most critical rollouts to keep. */
  keep: number;
  /** Stop at the first rollout with a collision (for measuring how fast a method finds one). */
  stopAtFirstCollision?: boolean;
  /** Rejection tries per draw before the search gives up on the requirements. */
  maxTries?: number;
  cem?: Partial<CemSettings>;
  anneal?: Partial<AnnealSettings>;
  onProgress?(p: SearchProgress): void;
  /** When aborted, the search stops after the batch in flight. */
  signal?: AbortSignal;
}

interface Draw {
  u: number[];
  /** Importance weight, requirements included. */
  weight: number;
}

/** The part of a search that does not depend on the method. */
class SearchState {
  readonly plan: CompiledSpec;
  readonly dims: SearchDimension[];
  readonly rollouts: Rollout[] = [];
  readonly declaredAcceptance: number;
  firstCollisionAt: number | null = null;
  private readonly sweepMaxTries: number | undefined;
  private collisions = 0;
  private bestScore = -Infinity;

  constructor(
    spec: ScenarioSpec,
    readonly options: SearchOptions,
    readonly evaluate: Evaluator,
  ) {
    if (!Number.isSafeInteger(options.budget) || options.budget < 1) throw new RangeError(`budget must be a positive whole number of rollouts, got ${options.budget}`);
    if (!Number.isSafeInteger(options.keep) || options.keep < 0) throw new RangeError(`keep must be a whole number, 0 or more, got ${options.keep}`);
    this.plan = compileSpec(spec);
    const sweep = spec.sweep;
    const tries = sweep !== null && typeof sweep === 'object' && !Array.isArray(sweep) ? sweep.maxTries : undefined;
    this.sweepMaxTries = typeof tries === 'number' ? tries : undefined;
    this.dims = searchDimensions(this.plan.dimensions);
    if (this.dims.length === 0) throw new SamplingError('the scenario has no distributions, so there is nothing to search; declare a parameter as a distribution');
    this.declaredAcceptance = this.acceptance(new Proposal(this.dims, declaredParams(this.dims)), 'search:declared-probe', DECLARED_PROBES);
    if (this.declaredAcceptance === 0) {
      throw new SamplingError(`no draw in ${DECLARED_PROBES} from the declared distributions met every requirement; run "roadsynth sample" to see which fails`);
    }
  }

  get done(): boolean {
    return this.rollouts.length >= this.options.budget || (this.options.stopAtFirstCollision === true && this.firstCollisionAt !== null) || this.options.signal?.aborted === true;
  }

  get remaining(): number {
    return this.options.budget - this.rollouts.length;
  }

  rng(iteration: number, stream: number, purpose: string): RandomGenerator {
    return streamRng({ seed: this.options.seed, index: iteration, tryNo: stream, purpose });
  }

  /** Share of `probes` draws of `proposal` that meet the requirements. */
  acceptance(proposal: Proposal, purpose: string, probes = PROPOSAL_PROBES, iteration = 0, stream = 0): number {
    if (this.plan.requirements.length === 0) return 1;
    const rng = this.rng(iteration, stream, purpose);
    let ok = 0;
    for (let i = 0; i < probes; i++) if (pointMeetsRequirements(this.plan, proposal.draw(rng))) ok++;
    return ok / probes;
  }

  /**
   * `count` draws of `proposal` that meet the requirements, from the stream (iteration, stream).
   * The proposal's acceptance is estimated from these draws' tries plus extra probes.
   */
  draw(proposal: Proposal, count: number, iteration: number, stream: number, purpose = `search:${this.options.method}`): Draw[] {
    const rng = this.rng(iteration, stream, purpose);
    const maxTries = this.options.maxTries ?? this.sweepMaxTries ?? DEFAULT_MAX_TRIES;
    const points: number[][] = [];
    let tries = 0;
    while (points.length < count) {
      let u: number[] | null = null;
      for (let t = 0; t < maxTries && u === null; t++) {
        const candidate = proposal.draw(rng);
        tries++;
        if (pointMeetsRequirements(this.plan, candidate)) u = candidate;
      }
      if (u === null)
        throw new SamplingError(`the search proposal drew ${maxTries} points in a row that broke a requirement; loosen the requirements or raise sweep.maxTries`, '/requires');
      points.push(u);
    }
    // The declared distribution's own acceptance cancels exactly: its draws weigh 1.
    let acceptance = proposal.params.defensive === 1 ? this.declaredAcceptance : 1;
    if (this.plan.requirements.length > 0 && proposal.params.defensive < 1) {
      const probeOk = this.acceptance(proposal, `search:${this.options.method}:probe`, PROPOSAL_PROBES, iteration, stream) * PROPOSAL_PROBES;
      acceptance = (probeOk + count) / (PROPOSAL_PROBES + tries);
    }
    return points.map((u) => ({ u, weight: (proposal.weight(u) * acceptance) / this.declaredAcceptance }));
  }

  /** Rolls out the draws (at most the remaining budget) and records them; returns the new rollouts. */
  async run(draws: readonly Draw[], iteration: number): Promise<Rollout[]> {
    const batch = draws.slice(0, Math.max(0, this.remaining));
    const samples = batch.map((d, k) =>
      sampledInstance(this.plan, pointValues(this.plan, d.u), {
        index: this.rollouts.length + k,
        seed: this.options.seed,
        design: 'search' as DesignName,
        tries: 1,
        weight: d.weight,
      }),
    );
    const results: Evaluation[] = samples.length > 0 ? await this.evaluate(samples) : [];
    if (results.length !== samples.length) throw new Error(`the evaluator returned ${results.length} results for ${samples.length} instances`);
    const out: Rollout[] = [];
    for (let k = 0; k < batch.length; k++) {
      if (this.options.stopAtFirstCollision && this.firstCollisionAt !== null) break;
      const r = results[k];
      const rollout: Rollout = {
        rollout: this.rollouts.length,
        iteration,
        u: batch[k].u,
        weight: batch[k].weight,
        score: Number.isFinite(r.score) ? r.score : r.score > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE,
        collision: r.collision,
        metrics: r.metrics,
        hash: samples[k].hash,
      };
      this.rollouts.push(rollout);
      out.push(rollout);
      if (r.collision) {
        this.collisions++;
        if (this.firstCollisionAt === null) this.firstCollisionAt = this.rollouts.length;
      }
      this.bestScore = Math.max(this.bestScore, rollout.score);
    }
    this.options.onProgress?.({ rollouts: this.rollouts.length, budget: this.options.budget, bestScore: this.bestScore, collisions: this.collisions });
    return out;
  }

  outcome(): SearchOutcome {
    return {
      method: this.options.method,
      seed: this.options.seed,
      budget: this.options.budget,
      rollouts: this.rollouts,
      kept: byCriticality(this.rollouts).slice(0, this.options.keep),
      firstCollisionAt: this.firstCollisionAt,
      declaredAcceptance: this.declaredAcceptance,
    };
  }
}

/** Most critical first; ties in the order the rollouts were made. */
export function byCriticality(rollouts: readonly Rollout[]): Rollout[] {
  return [...rollouts].sort((a, b) => b.score - a.score || a.rollout - b.rollout);
}

/**
 * Declared draws come from the random search's streams, whichever method asks: the first
 * iteration of cem and the starts of annealing are then exactly the random baseline's first
 * draws, so a comparison of methods with one seed differs only where the methods differ.
 */
const DECLARED_STREAM = 'search:random';

async function randomSearch(state: SearchState, batchSize: number): Promise<void> {
  const declared = new Proposal(state.dims, declaredParams(state.dims));
  for (let it = 0; !state.done; it++) await state.run(state.draw(declared, Math.min(batchSize, state.remaining), it, 0, DECLARED_STREAM), it);
}

async function crossEntropySearch(state: SearchState, settings: CemSettings): Promise<void> {
  let params = declaredParams(state.dims);
  for (let it = 0; !state.done; it++) {
    const proposal = new Proposal(state.dims, params);
    await state.run(state.draw(proposal, Math.min(settings.population, state.remaining), it, 0, it === 0 ? DECLARED_STREAM : undefined), it);
    params = crossEntropyUpdate(state.dims, params, byCriticality(state.rollouts), settings);
  }
}

async function annealingSearch(state: SearchState, settings: AnnealSettings): Promise<void> {
  const declared = new Proposal(state.dims, declaredParams(state.dims));
  // Start from the best of a few declared draws per chain; their spread sets the temperature scale.
  const starts = await state.run(state.draw(declared, Math.min(settings.chains * settings.startsPerChain, state.remaining), 0, 0, DECLARED_STREAM), 0);
  if (starts.length === 0) return;
  const ranked = byCriticality(starts);
  const chains = Array.from({ length: Math.min(settings.chains, ranked.length) }, (_, c) => ranked[c]);
  const scores = starts.map((r) => r.score);
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  const spread = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length);
  const t0 = spread > 0 ? spread : 1;
  const totalRounds = Math.max(1, Math.ceil(state.remaining / chains.length));
  for (let round = 1; !state.done; round++) {
    const heat = temperatureAt(round - 1, totalRounds, settings);
    const draws = chains.slice(0, state.remaining).map((current, c) => state.draw(new Proposal(state.dims, annealKernel(state.dims, current.u, heat, settings)), 1, round, c)[0]);
    const made = await state.run(draws, round);
    const accept = state.rng(round, 0, 'search:anneal-accept');
    made.forEach((next, c) => {
      const delta = next.score - chains[c].score;
      if (delta >= 0 || uniform01(accept) < Math.exp(delta / (t0 * heat))) chains[c] = next;
    });
  }
}

export async function search(spec: ScenarioSpec, evaluate: Evaluator, options: SearchOptions): Promise<SearchOutcome> {
  const state = new SearchState(spec, options, evaluate);
  const cem = { ...CEM_DEFAULTS, ...options.cem };
  switch (options.method) {
    case 'random':
      await randomSearch(state, cem.population);
      break;
    case 'cem':
      await crossEntropySearch(state, cem);
      break;
    case 'anneal':
      await annealingSearch(state, { ...ANNEAL_DEFAULTS, ...options.anneal });
      break;
  }
  return state.outcome();
}
