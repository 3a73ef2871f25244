/**
 * Search against random sampling on the catalog (issue 12's must-show): on catalog scenarios
 * whose collisions are rare under the declared distributions (under RARE of random
 * instances), how many rollouts each method needs to reach its first collision, median over
 * SEEDS seeds, side by side.
 *
 * SCENARIOS are the catalog scenarios whose declared distributions put the critical case in a
 * tail (a short cut-in gap, a red-light runner arriving with the ego, a merge within the ego's
 * stopping time on ice). For each:
 *
 * - random: SEEDS genuine random searches of the declared distributions, seeds 1..SEEDS, each
 *   its own streams, stopped at the first collision or at CAP rollouts (a capped seed shows as
 *   "> CAP" and counts as CAP in the median, which only favours random);
 * - the random collision rate: collisions over rollouts of those SEEDS random runs (the
 *   maximum-likelihood rate of a run stopped at its first success), flagged rare when under RARE;
 * - cem: SEEDS default cross-entropy searches, the same seeds, stopped the same way.
 *
 * The count is every rollout up to and including the first collision, over all of cem's
 * populations (its first population is random's own first batch); the rest of the batch in
 * which the first collision falls, simulated in parallel, is counted for neither method.
 * Rollouts run on WORKERS worker threads (RolloutPool). The last figures say whether the
 * must-show holds: `rareScenariosCemFiveTimesFaster` and `mustShowMet` (1 when at least
 * COMPARED rare scenarios have random / cem >= WANTED_RATIO).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RolloutPool } from '../../src/dataset/search/RolloutPool.js';
import { search } from '../../src/sampling/search/search.js';
import type { SearchMethod } from '../../src/sampling/search/types.js';
import { checkScenario } from '../../src/scenario/load.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';

const SCENARIOS = ['02-cut-in-short-gap', '04-red-light-runner', '12-roundabout-aggressive-merge-ice'];
const RARE = 0.02;
const SEEDS = 10;
const CAP = 2000;
const COMPARED = 3;
const WANTED_RATIO = 5;
const WORKERS = 2;

const catalog = fileURLToPath(new URL('../../scenarios/', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Rollouts to the first collision per seed (CAP when none), and the collisions and rollouts made. */
async function firstCollisions(spec: ScenarioSpec, method: SearchMethod, pool: RolloutPool): Promise<{ first: number[]; hits: number; rollouts: number }> {
  const first: number[] = [];
  let hits = 0;
  let rollouts = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const r = await search(spec, pool.evaluate, { method, budget: CAP, seed, keep: 0, stopAtFirstCollision: true });
    first.push(r.firstCollisionAt ?? CAP);
    hits += r.rollouts.filter((x) => x.collision).length;
    rollouts += r.rollouts.length;
  }
  return { first, hits, rollouts };
}

const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
const show = (v: number): string => (v >= CAP ? `>${CAP}` : String(v));

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const pool = new RolloutPool('collision', WORKERS);
  const figures: Record<string, number> = {};
  let fast = 0;
  let rare = 0;
  try {
    log(`rollouts to the first collision, median of ${SEEDS} seeds (cap ${CAP}, counted as ${CAP}; every rollout of every cem population counts)`);
    log(`random rate: collisions / rollouts over the ${SEEDS} random runs; rare: under ${pct(RARE)}`);
    log(`  ${'scenario'.padEnd(40)} ${'rate'.padStart(8)} ${'rare'.padStart(5)} ${'random'.padStart(7)} ${'cem'.padStart(6)} ${'ratio'.padStart(6)}  per seed random | cem`);
    for (const name of SCENARIOS) {
      const file = `${name}.yaml`;
      const { spec } = checkScenario(readFileSync(catalog + file, 'utf8'), file);
      if (!spec) throw new Error(`${file} does not validate`);
      const key = name.slice(0, 2);
      const rnd = await firstCollisions(spec, 'random', pool);
      const cem = await firstCollisions(spec, 'cem', pool);
      const rate = rnd.hits / rnd.rollouts;
      const isRare = rate > 0 && rate < RARE;
      const rndMedian = median(rnd.first);
      const cemMedian = median(cem.first);
      const ratio = rndMedian / cemMedian;
      if (isRare) rare++;
      if (isRare && ratio >= WANTED_RATIO) fast++;
      figures[`s${key}RandomCollisionRate`] = rate;
      figures[`s${key}RandomRollouts`] = rnd.rollouts;
      figures[`s${key}Rare`] = isRare ? 1 : 0;
      figures[`s${key}RandomMedianRollouts`] = rndMedian;
      figures[`s${key}CemMedianRollouts`] = cemMedian;
      figures[`s${key}RandomOverCem`] = ratio;
      figures[`s${key}RandomCapped`] = rnd.first.filter((v) => v >= CAP).length;
      figures[`s${key}CemCapped`] = cem.first.filter((v) => v >= CAP).length;
      log(
        `  ${name.padEnd(40)} ${pct(rate).padStart(8)} ${(isRare ? 'yes' : 'no').padStart(5)} ${show(rndMedian).padStart(7)} ${show(cemMedian).padStart(6)} ${ratio.toFixed(2).padStart(6)}  ${rnd.first.map(show).join(' ')} | ${cem.first.map(show).join(' ')}`,
      );
    }
    figures.rareScenarios = rare;
    figures.rareScenariosCemFiveTimesFaster = fast;
    figures.mustShowMet = fast >= COMPARED ? 1 : 0;
    log('');
    log(
      `must-show (>= ${COMPARED} catalog scenarios with collisions in under ${pct(RARE)} of random instances, cem >= ${WANTED_RATIO}x fewer rollouts to the first): ` +
        (figures.mustShowMet === 1 ? 'met' : `NOT met: ${rare} rare, ${fast} of them with cem >= ${WANTED_RATIO}x faster`),
    );
  } finally {
    await pool.close();
  }
  return figures;
}
