/**
 * `roadsynth search FILE --objective OBJ --budget N`: physics-only rollouts (no rendering)
 * that look for the most critical instances of a scenario, and a result file that
 * `roadsynth run` renders (the kept instances with their importance weights). With
 * `--design coverage` it instead picks instances that fill the empty cells of a grid over the
 * weather, light and actor-kind parameters, and reports the coverage.
 */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { writeFileAtomic } from '../../export/atomicWrite.js';
import { OBJECTIVES, type Objective } from '../../dataset/search/objectives.js';
import { RolloutPool } from '../../dataset/search/RolloutPool.js';
import { coverageResultSpec, searchResultSpec } from '../../dataset/search/searchResult.js';
import { SamplingError } from '../../sampling/errors.js';
import { coverageDesign, type CoverageResult } from '../../sampling/search/coverage.js';
import { search } from '../../sampling/search/search.js';
import { SEARCH_METHODS, type SearchMethod, type SearchOutcome, type SearchProgress } from '../../sampling/search/types.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { integerArg } from '../args.js';
import { UserError } from '../runCli.js';
import { readScenarioFile, samplingUserError } from '../scenarioFile.js';

interface SearchFlags {
  objective: Objective;
  budget?: number;
  method: SearchMethod;
  design: 'search' | 'coverage';
  workers: number;
  keep: number;
  seed: number;
  out?: string;
  json?: boolean;
  cells?: string[];
  levels: number;
  target: number;
}

function shareArg(text: string): number {
  const n = Number(text.trim().replace(/%$/, '')) / (text.trim().endsWith('%') ? 100 : 1);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError(`expected a share in (0, 1] such as 0.9 or 90%, got "${text}"`);
  return n;
}

const DEFAULT_BUDGET = 500;

const keysArg = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A bar on a terminal; a line every few seconds otherwise (batch logs). */
function progressView(stream: NodeJS.WriteStream = process.stderr): { update(p: SearchProgress): void; stop(): void } {
  const started = performance.now();
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'rollouts {bar} {value}/{total} | best {best} | collisions {collisions} | {rate} rollouts/s', stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let on = false;
    return {
      update(p) {
        const payload = { best: p.bestScore.toPrecision(4), collisions: p.collisions, rate: (p.rollouts / ((performance.now() - started) / 1000)).toFixed(1) };
        if (!on) {
          bar.start(p.budget, p.rollouts, payload);
          on = true;
        } else bar.update(p.rollouts, payload);
      },
      stop() {
        if (on) bar.stop();
      },
    };
  }
  let last = -Infinity;
  return {
    update(p) {
      const now = performance.now();
      if (p.rollouts < p.budget && now - last < 5000) return;
      last = now;
      stream.write(`rollouts ${p.rollouts}/${p.budget}  best ${p.bestScore.toPrecision(4)}  collisions ${p.collisions}\n`);
    },
    stop() {},
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

function describeSearch(outcome: SearchOutcome, objective: Objective, resultFile: string, out: (l: string) => void): void {
  const collisions = outcome.rollouts.filter((r) => r.collision).length;
  out(
    `${outcome.rollouts.length} rollouts (${outcome.method}, objective ${objective}, seed ${outcome.seed}): ${collisions} with a collision` +
      (outcome.firstCollisionAt !== null ? `, the first after ${outcome.firstCollisionAt}` : ''),
  );
  out(`kept the ${outcome.kept.length} most critical:`);
  for (const r of outcome.kept.slice(0, 10)) {
    const m = r.metrics;
    const ttc = typeof m.minTtcS === 'number' ? `${m.minTtcS.toFixed(2)} s` : 'never';
    out(
      `  rollout ${String(r.rollout).padStart(5)}  score ${r.score.toPrecision(4).padStart(9)}  ${r.collision ? 'COLLISION' : 'no collision'}  min TTC ${ttc}  weight ${r.weight.toPrecision(3)}`,
    );
  }
  if (outcome.kept.length > 10) out(`  ... and ${outcome.kept.length - 10} more`);
  out(`wrote ${resultFile}`);
  out(`render it: roadsynth run ${resultFile} --out DIR --count ${outcome.kept.length}`);
}

function describeCoverage(r: CoverageResult, resultFile: string, out: (l: string) => void): void {
  out(`coverage grid over ${r.axes.map((a) => `${a.key} (${a.edges.length - 1})`).join(' x ')}: ${r.cells} cells`);
  out(
    `  ${r.samples.length} instances fill ${pct(r.after)} of the cells (target ${pct(r.target)}${r.reached ? ', reached' : ', not reached'}); ` +
      `as many declared draws fill ${pct(r.before)}`,
  );
  if (r.infeasible > 0) out(`  ${r.infeasible} cells have no instance that meets the requirements`);
  out(`wrote ${resultFile}`);
  out(`render it: roadsynth run ${resultFile} --out DIR --count ${r.samples.length}`);
}

async function runSearch(file: string, flags: SearchFlags): Promise<void> {
  const scenario = readScenarioFile(file);
  const spec: ScenarioSpec = scenario.spec;
  const outDir = flags.out ?? join('out', `search-${basename(file).replace(/\.(ya?ml|json)$/i, '')}`);
  const resultFile = join(outDir, `${basename(file).replace(/\.(ya?ml|json)$/i, '')}.search.json`);
  const command = ['roadsynth', 'search', ...process.argv.slice(3)].join(' ');
  const out = (line: string): void => void process.stdout.write(line + '\n');
  try {
    if (flags.design === 'coverage') {
      const result = coverageDesign(spec, { keys: flags.cells, levels: flags.levels, target: flags.target, budget: flags.budget ?? Number.MAX_SAFE_INTEGER, seed: flags.seed });
      mkdirSync(outDir, { recursive: true });
      writeFileAtomic(resultFile, JSON.stringify(coverageResultSpec(spec, file, result, flags.seed, command)) + '\n');
      if (flags.json) {
        out(
          JSON.stringify({
            file,
            resultFile,
            design: 'coverage',
            keys: result.axes.map((a) => a.key),
            cells: result.cells,
            instances: result.samples.length,
            infeasible: result.infeasible,
            before: result.before,
            after: result.after,
            target: result.target,
            reached: result.reached,
          }),
        );
      } else describeCoverage(result, resultFile, out);
      return;
    }
    const pool = new RolloutPool(flags.objective, flags.workers);
    const view = flags.json ? { update() {}, stop() {} } : progressView();
    const abort = new AbortController();
    const onSigint = (): void => abort.abort();
    process.on('SIGINT', onSigint);
    let outcome: SearchOutcome;
    try {
      outcome = await search(spec, pool.evaluate, {
        method: flags.method,
        budget: flags.budget ?? DEFAULT_BUDGET,
        seed: flags.seed,
        keep: flags.keep,
        onProgress: (p) => view.update(p),
        signal: abort.signal,
      });
    } finally {
      view.stop();
      process.off('SIGINT', onSigint);
      await pool.close();
    }
    if (outcome.kept.length === 0) throw new UserError(`${file}: the search made no rollout to keep`);
    mkdirSync(outDir, { recursive: true });
    writeFileAtomic(resultFile, JSON.stringify(searchResultSpec(spec, file, flags.objective, outcome, command)) + '\n');
    if (pool.errors.length > 0) process.stderr.write(`some rollouts failed and scored as least critical, e.g.: ${pool.errors[0]}\n`);
    if (flags.json) {
      out(
        JSON.stringify({
          file,
          resultFile,
          method: outcome.method,
          objective: flags.objective,
          seed: outcome.seed,
          rollouts: outcome.rollouts.length,
          collisions: outcome.rollouts.filter((r) => r.collision).length,
          firstCollisionAt: outcome.firstCollisionAt,
          kept: outcome.kept.map((r) => ({ rollout: r.rollout, score: r.score, collision: r.collision, weight: r.weight, hash: r.hash, metrics: r.metrics })),
        }),
      );
    } else describeSearch(outcome, flags.objective, resultFile, out);
  } catch (err) {
    if (err instanceof SamplingError) throw samplingUserError(err, scenario);
    if (err instanceof RangeError) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
}

export function register(program: Command): void {
  program
    .command('search')
    .summary('Search for the most critical instances of a scenario (physics only); write a sweep that "run" renders.')
    .description(
      'Rolls out instances of a scenario in the physics simulation only (no rendering), chosen by cross-entropy ' +
        '(default), simulated annealing or random sampling over its declared distributions, and keeps the --keep ' +
        'most critical under --objective. Writes OUT/<name>.search.json: the scenario with the kept instances as ' +
        'its sweep (design "search"), each with its importance weight, which "roadsynth run" renders with the same ' +
        'resume, shards and merge as any sweep. With --design coverage, picks instances that fill the empty cells of a ' +
        'grid over the weather, light and actor-kind parameters (or --cells) until --target, and reports the coverage.',
    )
    .argument('<file>', 'scenario file (YAML or JSON)')
    .addOption(
      new Option(
        '--objective <obj>',
        'what counts as critical: smallest time to collision, smallest distance, a collision and its relative speed, or critical while the focus actor is hidden',
      )
        .choices(OBJECTIVES)
        .default('collision'),
    )
    // The result file records every rollout; 100000 of them keep it under the scenario file size limit.
    .option('-b, --budget <n>', 'rollouts to make (default 500; coverage: most instances to pick, default one per cell)', integerArg(1, 100_000))
    .addOption(new Option('-m, --method <method>', 'search method').choices(SEARCH_METHODS).default('cem'))
    .addOption(new Option('-d, --design <design>', '"coverage" fills empty grid cells instead of searching').choices(['search', 'coverage']).default('search'))
    .option('-w, --workers <w>', 'worker threads running rollouts', integerArg(1, 64), 1)
    .option('-k, --keep <k>', 'most critical instances to keep (each is written to the result file)', integerArg(1, 5000), 20)
    .option('-s, --seed <s>', 'seed of the search', integerArg(-Number.MAX_SAFE_INTEGER), 0)
    .option('-o, --out <dir>', 'output folder (default: out/search-<name>)')
    .option('--cells <keys>', 'coverage: comma-separated parameter names spanning the grid', keysArg)
    .option('--levels <k>', 'coverage: bins per continuous parameter', integerArg(1, 64), 3)
    .option('--target <share>', 'coverage: share of cells to fill, e.g. 0.9 or 90%', shareArg, 1)
    .option('--json', 'print one JSON object instead of the summary')
    .addHelpText(
      'after',
      `
Importance weights: each kept instance carries weight = declared density / density of the proposal
that drew it (manifest.jsonl "weight", COCO images "weight"); see docs/search.md for how to re-weight.

Examples:
  roadsynth search scenarios/02-cut-in-short-gap.yaml --objective collision --budget 300 --keep 10 --workers 2
  roadsynth run out/search-02-cut-in-short-gap/02-cut-in-short-gap.search.json --out out/cut-critical --count 10
  roadsynth search scenarios/01-pedestrian-behind-van.yaml --objective perception --method anneal --budget 400
  roadsynth search scenarios/14-wheelchair-crosswalk-rain-night.yaml --design coverage --target 100%`,
    )
    .action(async (file: string, flags: SearchFlags) => runSearch(file, flags));
}
