/**
 * Search against random sampling on the catalog: how many rollouts each needs to reach its
 * first collision (median over 10 seeds), on the three catalog scenarios whose collisions are
 * rarest under the declared distributions.
 *
 * First the random collision rate of every catalog scenario is measured (RATE_ROLLOUTS
 * declared draws each); the three lowest non-zero rates are compared (a scenario with no
 * collision at all in those draws is listed, but neither method is timed on it: with its
 * declared ranges and behaviours the ego may never collide). A search that finds no collision
 * within CAP rollouts counts as CAP ("> CAP" in the table). The first cem iteration is the
 * random baseline's own first batch (same streams), so the two differ only after it.
 *
 * Then, on the same scenarios, how many collisions each method finds in YIELD_BUDGET rollouts
 * (mean of YIELD_SEEDS seeds): what a fixed simulation budget buys for the rendering stage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RolloutPool } from '../../src/dataset/search/RolloutPool.js';
import { search } from '../../src/sampling/search/search.js';
import type { SearchMethod } from '../../src/sampling/search/types.js';
import { checkScenario } from '../../src/scenario/load.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';

const RATE_ROLLOUTS = 500;
const SEEDS = 10;
const CAP = 3000;
const COMPARED = 3;
const WORKERS = 2;
const YIELD_BUDGET = 300;
const YIELD_SEEDS = 5;

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

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const pool = new RolloutPool('collision', WORKERS);
  const figures: Record<string, number> = {};
  try {
    const rates: { name: string; spec: ScenarioSpec; rate: number }[] = [];
    log(`random collision rate of each catalog scenario (${RATE_ROLLOUTS} declared draws, seed 0):`);
    for (const file of readdirSync(catalog)
      .filter((f) => /^\d\d-.*\.yaml$/.test(f))
      .sort()) {
      const { spec } = checkScenario(readFileSync(catalog + file, 'utf8'), file);
      if (!spec) throw new Error(`${file} does not validate`);
      const r = await search(spec, pool.evaluate, { method: 'random', budget: RATE_ROLLOUTS, seed: 0, keep: 0 });
      const rate = r.rollouts.filter((x) => x.collision).length / r.rollouts.length;
      const name = file.slice(0, 2);
      figures[`s${name}RandomCollisionRate`] = rate;
      rates.push({ name: file.replace(/\.yaml$/, ''), spec, rate });
      log(`  ${file.padEnd(44)} ${(100 * rate).toFixed(1).padStart(5)} %`);
    }
    const compared = rates
      .filter((r) => r.rate > 0)
      .sort((a, b) => a.rate - b.rate)
      .slice(0, COMPARED);
    const none = rates.filter((r) => r.rate === 0).map((r) => r.name.slice(0, 2));
    if (none.length > 0) log(`no collision in ${RATE_ROLLOUTS} draws: ${none.join(', ')} (not compared)`);
    log('');
    log(`rollouts to the first collision, median of ${SEEDS} seeds (cap ${CAP}):`);
    log(`  ${'scenario'.padEnd(44)} ${'rate'.padStart(6)} ${'random'.padStart(7)} ${'cem'.padStart(7)} ${'ratio'.padStart(6)}`);
    const show = (v: number): string => (v >= CAP ? `>${CAP}` : String(v));
    for (const c of compared) {
      const rnd = median(await firstCollisions(c.spec, 'random', pool));
      const cem = median(await firstCollisions(c.spec, 'cem', pool));
      const key = c.name.slice(0, 2);
      figures[`s${key}RandomMedianRollouts`] = rnd;
      figures[`s${key}CemMedianRollouts`] = cem;
      figures[`s${key}RandomOverCem`] = rnd / cem;
      log(`  ${c.name.padEnd(44)} ${(100 * c.rate).toFixed(1).padStart(5)}% ${show(rnd).padStart(7)} ${show(cem).padStart(7)} ${(rnd / cem).toFixed(2).padStart(6)}`);
    }
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
      const key = c.name.slice(0, 2);
      figures[`s${key}RandomCollisionsPer${YIELD_BUDGET}`] = rnd;
      figures[`s${key}CemCollisionsPer${YIELD_BUDGET}`] = cem;
      log(`  ${c.name.padEnd(44)} ${rnd.toFixed(1).padStart(7)} ${cem.toFixed(1).padStart(7)}`);
    }
  } finally {
    await pool.close();
  }
  return figures;
}
