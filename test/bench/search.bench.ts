/**
 * Search against random sampling on the catalog (issue 12's must-show): on catalog scenarios
 * whose collisions are rare under the declared distributions (under RARE of random
 * instances), how many rollouts each method needs to reach its first collision, median over
 * SEEDS seeds, side by side.
 *
 * 1. The random collision rate of every catalog scenario (RATE_ROLLOUTS declared draws, seed 0),
 *    flagged rare when it is above 0 and under RARE.
 * 2. Every scenario without a collision in those draws gets a cem search of PROBE_BUDGET
 *    rollouts: whether cem reaches a collision where random draws see none, and how close the
 *    focus actors came to the ego when it does not.
 * 3. Rollouts to the first collision of random and cem, median of SEEDS seeds, on the rare
 *    scenarios; where fewer than COMPARED are rare, the rarest colliding scenarios fill the
 *    table (marked "no" in the rare column). A search that finds no collision within CAP
 *    rollouts counts as CAP ("> CAP"). The count is of every rollout up to and including the
 *    first collision, over all of cem's populations; cem's first population is the random
 *    baseline's own first batch (same streams), so the two differ only after it.
 * 4. How many collisions each method finds in YIELD_BUDGET rollouts (mean of YIELD_SEEDS
 *    seeds): what a fixed simulation budget buys for the rendering stage.
 *
 * The last figures say whether the must-show holds: `rareScenarios` (catalog scenarios with a
 * rate above 0 and under RARE), `rareScenariosCemFiveTimesFaster` and `mustShowMet` (1 when at
 * least COMPARED rare scenarios have random / cem >= 5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RolloutPool } from '../../src/dataset/search/RolloutPool.js';
import { search } from '../../src/sampling/search/search.js';
import type { SearchMethod } from '../../src/sampling/search/types.js';
import { checkScenario } from '../../src/scenario/load.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';

const RATE_ROLLOUTS = 500;
const RARE = 0.02;
const SEEDS = 10;
const CAP = 3000;
const COMPARED = 3;
const WANTED_RATIO = 5;
const PROBE_BUDGET = 200;
const WORKERS = 2;
const YIELD_BUDGET = 300;
const YIELD_SEEDS = 3;

const catalog = fileURLToPath(new URL('../../scenarios/', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function firstCollisions(spec: ScenarioSpec, method: SearchMethod, pool: RolloutPool): Promise<number[]> {
  const out: number[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const r = await search(spec, pool.evaluate, { method, budget: CAP, seed, keep: 0, stopAtFirstCollision: true });
    out.push(r.firstCollisionAt ?? CAP);
  }
  return out;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const pool = new RolloutPool('collision', WORKERS);
  const figures: Record<string, number> = {};
  try {
    const rates: { name: string; key: string; spec: ScenarioSpec; rate: number }[] = [];
    log(`random collision rate of each catalog scenario (${RATE_ROLLOUTS} declared draws, seed 0; rare: above 0 and under ${pct(RARE)}):`);
    for (const file of readdirSync(catalog)
      .filter((f) => /^\d\d-.*\.yaml$/.test(f))
      .sort()) {
      const { spec } = checkScenario(readFileSync(catalog + file, 'utf8'), file);
      if (!spec) throw new Error(`${file} does not validate`);
      const r = await search(spec, pool.evaluate, { method: 'random', budget: RATE_ROLLOUTS, seed: 0, keep: 0 });
      const hits = r.rollouts.filter((x) => x.collision).length;
      const rate = hits / r.rollouts.length;
      const key = file.slice(0, 2);
      const rare = rate > 0 && rate < RARE;
      figures[`s${key}RandomCollisionRate`] = rate;
      figures[`s${key}Rare`] = rare ? 1 : 0;
      rates.push({ name: file.replace(/\.yaml$/, ''), key, spec, rate });
      log(`  ${file.padEnd(44)} ${pct(rate).padStart(7)} (${String(hits).padStart(3)} of ${r.rollouts.length})${rare ? '  rare' : ''}`);
    }
    const rare = rates.filter((r) => r.rate > 0 && r.rate < RARE).sort((a, b) => a.rate - b.rate);
    figures.rareScenarios = rare.length;

    const none = rates.filter((r) => r.rate === 0);
    if (none.length > 0) {
      log('');
      log(`scenarios without a collision in ${RATE_ROLLOUTS} declared draws: a cem search of ${PROBE_BUDGET} rollouts (seed 1) on each`);
      log(`  ${'scenario'.padEnd(44)} ${'collisions'.padStart(10)}  closest focus actor to the ego (best rollout)`);
      for (const c of none) {
        const r = await search(c.spec, pool.evaluate, { method: 'cem', budget: PROBE_BUDGET, seed: 1, keep: 1 });
        const hits = r.rollouts.filter((x) => x.collision).length;
        figures[`s${c.key}CemProbeCollisions`] = hits;
        const best = r.kept[0]?.metrics;
        const ttc = best?.focusMinTtcS;
        const dist = best?.focusMinDistanceM;
        const closest =
          typeof ttc === 'number' || typeof dist === 'number'
            ? `TTC ${typeof ttc === 'number' ? ttc.toFixed(2) : '-'} s, distance ${typeof dist === 'number' ? dist.toFixed(2) : '-'} m`
            : '-';
        log(`  ${c.name.padEnd(44)} ${String(hits).padStart(10)}  ${closest}`);
      }
    }

    const fill = rates
      .filter((r) => r.rate >= RARE)
      .sort((a, b) => a.rate - b.rate)
      .slice(0, Math.max(0, COMPARED - rare.length));
    const compared = [...rare, ...fill];
    log('');
    log(`rollouts to the first collision, median of ${SEEDS} seeds (cap ${CAP}; every rollout of every cem population counts):`);
    log(`  ${'scenario'.padEnd(44)} ${'rate'.padStart(7)} ${'rare'.padStart(5)} ${'random'.padStart(7)} ${'cem'.padStart(7)} ${'ratio'.padStart(6)}`);
    const show = (v: number): string => (v >= CAP ? `>${CAP}` : String(v));
    let fast = 0;
    for (const c of compared) {
      const rnd = median(await firstCollisions(c.spec, 'random', pool));
      const cem = median(await firstCollisions(c.spec, 'cem', pool));
      const isRare = c.rate > 0 && c.rate < RARE;
      if (isRare && rnd / cem >= WANTED_RATIO) fast++;
      figures[`s${c.key}RandomMedianRollouts`] = rnd;
      figures[`s${c.key}CemMedianRollouts`] = cem;
      figures[`s${c.key}RandomOverCem`] = rnd / cem;
      log(
        `  ${c.name.padEnd(44)} ${pct(c.rate).padStart(7)} ${(isRare ? 'yes' : 'no').padStart(5)} ${show(rnd).padStart(7)} ${show(cem).padStart(7)} ${(rnd / cem).toFixed(2).padStart(6)}`,
      );
    }
    figures.rareScenariosCemFiveTimesFaster = fast;
    figures.mustShowMet = fast >= COMPARED ? 1 : 0;

    log('');
    log(`collisions in ${YIELD_BUDGET} rollouts, mean of ${YIELD_SEEDS} seeds:`);
    log(`  ${'scenario'.padEnd(44)} ${'random'.padStart(7)} ${'cem'.padStart(7)}`);
    for (const c of compared) {
      const found = async (method: SearchMethod): Promise<number> => {
        let n = 0;
        for (let seed = 1; seed <= YIELD_SEEDS; seed++) {
          const r = await search(c.spec, pool.evaluate, { method, budget: YIELD_BUDGET, seed, keep: 0 });
          n += r.rollouts.filter((x) => x.collision).length;
        }
        return n / YIELD_SEEDS;
      };
      const rnd = await found('random');
      const cem = await found('cem');
      figures[`s${c.key}RandomCollisionsPer${YIELD_BUDGET}`] = rnd;
      figures[`s${c.key}CemCollisionsPer${YIELD_BUDGET}`] = cem;
      log(`  ${c.name.padEnd(44)} ${rnd.toFixed(1).padStart(7)} ${cem.toFixed(1).padStart(7)}`);
    }

    log('');
    log(
      `must-show (>= ${COMPARED} catalog scenarios with collisions in under ${pct(RARE)} of random instances, cem >= ${WANTED_RATIO}x fewer rollouts to the first): ` +
        (figures.mustShowMet === 1
          ? 'met'
          : `NOT met: ${rare.length} catalog scenario(s) are rare, ${fast} of them with cem >= ${WANTED_RATIO}x faster (the table's other rows are the rarest colliding ones, for comparison)`),
    );
  } finally {
    await pool.close();
  }
  return figures;
}
