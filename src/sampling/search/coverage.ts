/**
 * Coverage design: a grid over some declared parameters (by default the weather, light and
 * actor-kind ones), each discrete value one level and each continuous dimension split into
 * `levels` bins of equal declared probability. The design picks instances one cell at a time,
 * each in a cell that is still empty, until the share of filled cells reaches the target, so
 * it never needs more instances than cells.
 *
 * Cells are visited in a seeded order; an instance is drawn from the declared distribution
 * restricted to its cell (other dimensions as declared). A cell where no draw in `triesPerCell`
 * meets the requirements is reported as infeasible and left empty.
 *
 * Weights: the proposal picks each of the n filled cells with probability 1/n and draws from
 * the declared distribution inside it, so a sample's weight is n x P(cell) x acceptance in the
 * cell / acceptance overall (requirements included, acceptances estimated from checks).
 */
import type { ScenarioSpec } from '../../scenario/types.js';
import { IndexPermutation } from '../IndexPermutation.js';
import { SamplingError } from '../errors.js';
import { pointMeetsRequirements } from '../pointInstance.js';
import { compileSpec, type CompiledSpec } from '../resolve.js';
import { keyWords, streamRng, uniform01 } from '../rng.js';
import { searchDimensions, type SearchDimension } from './searchSpace.js';

/** Parameters a coverage grid spans by default: weather, light, and who or what the actors are. */
export const COVERAGE_WORDS = /weather|rain|snow|fog|wet|cloud|puddle|light|sun|timeOfDay|night|glare|exposure|kind|species/i;
/** One instance per cell, each written to the result file: this many keeps it under the scenario file size limit. */
export const MAX_COVERAGE_CELLS = 5000;
const PROBES_PER_CELL = 32;
const DECLARED_PROBES = 2048;

export interface CoverageOptions {
  /** Dimension keys spanning the grid (default: those matching COVERAGE_WORDS). */
  keys?: readonly string[];
  /** Bins per continuous dimension. */
  levels: number;
  /** Share of cells to fill, in (0, 1]. */
  target: number;
  /** Most instances to pick. */
  budget: number;
  seed: number;
  triesPerCell?: number;
}

export interface CoverageAxis {
  key: string;
  /** Level boundaries in u: level j is [edges[j], edges[j + 1]). */
  edges: number[];
}

export interface CoverageSample {
  u: number[];
  weight: number;
  cell: number;
}

export interface CoverageResult {
  axes: CoverageAxis[];
  cells: number;
  /** Cells where no draw met the requirements. */
  infeasible: number;
  samples: CoverageSample[];
  /** Filled share of all cells after the design. */
  after: number;
  /** Share of cells the same number of declared (random) draws fills, for comparison. */
  before: number;
  target: number;
  reached: boolean;
}

function axisOf(dim: SearchDimension, levels: number): CoverageAxis {
  if (dim.kind === 'discrete') return { key: dim.key, edges: [...dim.edges] };
  return { key: dim.key, edges: Array.from({ length: levels + 1 }, (_, j) => j / levels) };
}

function levelIn(axis: CoverageAxis, u: number): number {
  let j = 0;
  while (j < axis.edges.length - 2 && u >= axis.edges[j + 1]) j++;
  return j;
}

/** The cell of point u (mixed radix over the axes, the last fastest). */
export function cellOf(axes: readonly CoverageAxis[], positions: readonly number[], u: readonly number[]): number {
  let cell = 0;
  axes.forEach((a, i) => {
    cell = cell * (a.edges.length - 1) + levelIn(a, u[positions[i]]);
  });
  return cell;
}

function cellLevels(axes: readonly CoverageAxis[], cell: number): number[] {
  const out = new Array<number>(axes.length);
  for (let i = axes.length - 1; i >= 0; i--) {
    const n = axes[i].edges.length - 1;
    out[i] = cell % n;
    cell = Math.floor(cell / n);
  }
  return out;
}

export function coverageAxes(spec: ScenarioSpec | CompiledSpec, keys: readonly string[] | undefined, levels: number): { axes: CoverageAxis[]; positions: number[] } {
  const plan = 'dimensions' in spec && 'rules' in spec ? (spec as CompiledSpec) : compileSpec(spec as ScenarioSpec);
  if (!Number.isInteger(levels) || levels < 1) throw new RangeError(`levels must be a positive whole number, got ${levels}`);
  const dims = searchDimensions(plan.dimensions);
  const known = dims.map((d) => d.key);
  let positions: number[];
  if (keys && keys.length > 0) {
    positions = keys.map((k) => {
      const at = known.indexOf(k);
      if (at < 0) throw new SamplingError(`"${k}" is not a random dimension of this scenario; its dimensions are ${known.join(', ')}`);
      return at;
    });
  } else {
    positions = dims.map((d, i) => (COVERAGE_WORDS.test(d.key) ? i : -1)).filter((i) => i >= 0);
    if (positions.length === 0) positions = dims.map((d, i) => (d.kind === 'discrete' ? i : -1)).filter((i) => i >= 0);
  }
  // A dimension with one possible value splits nothing.
  positions = positions.filter((p) => {
    const dim = dims[p];
    return dim.kind === 'continuous' || dim.widths.filter((w) => w > 0).length > 1;
  });
  if (positions.length === 0) throw new SamplingError('no parameter to build a coverage grid over; name some with --cells');
  const axes = positions.map((p) => axisOf(dims[p], levels));
  return { axes, positions };
}

export function coverageDesign(spec: ScenarioSpec, options: CoverageOptions): CoverageResult {
  if (!(options.target > 0 && options.target <= 1)) throw new RangeError(`target coverage must be in (0, 1], got ${options.target}`);
  if (!Number.isSafeInteger(options.budget) || options.budget < 1) throw new RangeError(`budget must be a positive whole number, got ${options.budget}`);
  const plan = compileSpec(spec);
  const d = plan.dimensions.length;
  const { axes, positions } = coverageAxes(plan, options.keys, options.levels);
  const cells = axes.reduce((n, a) => n * (a.edges.length - 1), 1);
  if (cells > MAX_COVERAGE_CELLS) {
    throw new SamplingError(
      `a grid over ${axes.map((a) => a.key).join(', ')} has ${cells} cells, more than ${MAX_COVERAGE_CELLS}; name fewer parameters with --cells or lower --levels`,
    );
  }
  const triesPerCell = options.triesPerCell ?? 200;
  const volume = (levels: number[]): number => levels.reduce((v, j, i) => v * (axes[i].edges[j + 1] - axes[i].edges[j]), 1);
  const drawIn = (levels: number[], rng: ReturnType<typeof streamRng>): number[] => {
    const u = Array.from({ length: d }, () => uniform01(rng));
    positions.forEach((p, i) => {
      const lo = axes[i].edges[levels[i]];
      u[p] = lo + uniform01(rng) * (axes[i].edges[levels[i] + 1] - lo);
    });
    return u;
  };
  const acceptance = (draw: () => number[], probes: number): number => {
    if (plan.requirements.length === 0) return 1;
    let ok = 0;
    for (let i = 0; i < probes; i++) if (pointMeetsRequirements(plan, draw())) ok++;
    return ok / probes;
  };
  const declaredRng = streamRng({ seed: options.seed, index: 0, tryNo: 0, purpose: 'coverage:declared-probe' });
  const declaredAcceptance = acceptance(() => Array.from({ length: d }, () => uniform01(declaredRng)), DECLARED_PROBES);
  if (declaredAcceptance === 0) throw new SamplingError('no declared draw met every requirement; run "roadsynth sample" to see which fails');

  const order = new IndexPermutation(cells, keyWords({ seed: options.seed, index: 0, tryNo: 0, purpose: 'coverage:order' }));
  const filled: { u: number[]; cell: number; volume: number; accept: number }[] = [];
  let infeasible = 0;
  const wanted = Math.ceil(options.target * cells - 1e-9);
  for (let k = 0; k < cells && filled.length < wanted && filled.length < options.budget; k++) {
    const cell = order.at(k);
    const levels = cellLevels(axes, cell);
    const rng = streamRng({ seed: options.seed, index: cell, tryNo: 0, purpose: 'coverage:cell' });
    let u: number[] | null = null;
    let tries = 0;
    while (u === null && tries < triesPerCell) {
      const candidate = drawIn(levels, rng);
      tries++;
      if (pointMeetsRequirements(plan, candidate)) u = candidate;
    }
    if (u === null) {
      infeasible++;
      continue;
    }
    const probe = streamRng({ seed: options.seed, index: cell, tryNo: 1, purpose: 'coverage:probe' });
    const probeShare = acceptance(() => drawIn(levels, probe), PROBES_PER_CELL);
    const accept = plan.requirements.length === 0 ? 1 : (probeShare * PROBES_PER_CELL + 1) / (PROBES_PER_CELL + tries);
    filled.push({ u, cell, volume: volume(levels), accept });
  }
  const n = filled.length;
  const samples = filled.map((f) => ({ u: f.u, cell: f.cell, weight: (n * f.volume * f.accept) / declaredAcceptance }));

  // What as many declared draws (meeting the requirements) would have covered.
  const randomCells = new Set<number>();
  const rnd = streamRng({ seed: options.seed, index: 0, tryNo: 0, purpose: 'coverage:random' });
  for (let i = 0, tries = 0; i < n && tries < n * 1000; tries++) {
    const u = Array.from({ length: d }, () => uniform01(rnd));
    if (!pointMeetsRequirements(plan, u)) continue;
    randomCells.add(cellOf(axes, positions, u));
    i++;
  }
  const after = n / cells;
  return { axes, cells, infeasible, samples, after, before: randomCells.size / cells, target: options.target, reached: after >= options.target - 1e-12 };
}

/** Filled share of the grid by a set of points. */
export function coverageOf(axes: readonly CoverageAxis[], positions: readonly number[], points: readonly (readonly number[])[]): number {
  const cells = axes.reduce((n, a) => n * (a.edges.length - 1), 1);
  return new Set(points.map((u) => cellOf(axes, positions, u))).size / cells;
}
