/**
 * `roadsynth sample FILE`: draws concrete instances from a scenario file and prints them,
 * as JSON lines (--json) for scripts or as a table with a per-parameter summary for people.
 */
import type { Command } from 'commander';
import type { DesignName, ParamValue, SampledInstance } from '../../scenario/types.js';
import { SamplingError } from '../../sampling/errors.js';
import { createSampler, type Sampler } from '../../sampling/sample.js';
import { UserError, writeLine } from '../runCli.js';
import { designOption, integerArg as integer, seedOption } from '../args.js';
import { readScenarioFile, samplingUserError, sweepDesign } from '../scenarioFile.js';

interface SampleFlags {
  count: number;
  seed: number;
  from: number;
  design?: DesignName;
  json?: boolean;
  gridLevels?: number;
  sweepSize?: number;
  maxTries?: number;
}

function formatValue(v: ParamValue): string {
  if (typeof v !== 'number') return String(v);
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/** What the summary needs of a sample; instances themselves are not kept. */
type SampleDigest = Pick<SampledInstance, 'hash' | 'tries' | 'parameters'>;

/** Per parameter: min / mean / max of numbers, or how often each value came up. */
function summarise(samples: readonly SampleDigest[]): string[] {
  if (samples.length === 0) return [];
  const keys = Object.keys(samples[0].parameters);
  const width = Math.max(...keys.map((k) => k.length));
  return keys.map((key) => {
    const values = samples.map((s) => s.parameters[key]);
    let text: string;
    if (values.every((v) => typeof v === 'number')) {
      const nums = values as number[];
      const mean = nums.reduce((a, b) => a + b, 0) / nums.length;
      text = `min ${formatValue(Math.min(...nums))}  mean ${formatValue(mean)}  max ${formatValue(Math.max(...nums))}`;
    } else {
      const counts = new Map<string, number>();
      for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      text = [...counts].map(([v, n]) => `${v} x${n}`).join('  ');
    }
    return `  ${key.padEnd(width)}  ${text}`;
  });
}

function run(file: string, flags: SampleFlags): void {
  const scenario = readScenarioFile(file);
  const { spec } = scenario;
  const design = flags.design ?? sweepDesign(spec);
  const out = writeLine;
  let sampler: Sampler;
  const samples: SampleDigest[] = [];
  try {
    sampler = createSampler(spec, {
      seed: flags.seed,
      design,
      count: flags.sweepSize ?? Math.max(1, flags.from + flags.count),
      gridLevels: flags.gridLevels,
      maxTries: flags.maxTries,
    });
    for (let index = flags.from; index < flags.from + flags.count; index++) {
      const s = sampler.sample(index);
      if (!flags.json && index === flags.from) {
        const name = typeof spec.name === 'string' ? spec.name : file;
        out(`${name}: ${sampler.plan.dimensions.length} random dimensions, design ${design}, seed ${flags.seed}`);
        out(`${'index'.padStart(7)}  ${'hash'.padEnd(12)}  tries  parameters`);
      }
      if (flags.json) {
        out(JSON.stringify({ index: s.index, seed: s.seed, design: s.design, hash: s.hash, tries: s.tries, parameters: s.parameters, instance: s.instance }));
      } else {
        samples.push({ hash: s.hash, tries: s.tries, parameters: s.parameters });
        const params = Object.entries(s.parameters)
          .map(([k, v]) => `${k}=${formatValue(v)}`)
          .join(' ');
        out(`${String(s.index).padStart(7)}  ${s.hash.slice(0, 12)}  ${String(s.tries).padStart(5)}  ${params}`);
      }
    }
  } catch (err) {
    if (err instanceof SamplingError) throw samplingUserError(err, scenario);
    if (err instanceof RangeError) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
  if (!flags.json && samples.length > 0) {
    const distinct = new Set(samples.map((s) => s.hash)).size;
    const meanTries = samples.reduce((a, s) => a + s.tries, 0) / samples.length;
    out(`\n${samples.length} samples, ${distinct} distinct instances, ${formatValue(meanTries)} tries per sample on average`);
    for (const line of summarise(samples)) out(line);
  }
}

export function register(program: Command): void {
  program
    .command('sample')
    .summary('Draw concrete instances from a scenario file (JSON lines with --json).')
    .description(
      'Draws instances from a scenario: every distribution gets a value, every "$name" and "=expr" is ' +
        'resolved, requirements are met by redrawing, and each instance gets a content hash. ' +
        'Sample i depends only on the file, --seed, --design and i (for lhs also --sweep-size), ' +
        'so --from/--count slices of one sweep agree with the whole sweep.',
    )
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('-n, --count <n>', 'number of samples', integer(0), 10)
    .addOption(seedOption())
    .addOption(designOption())
    .option('--from <index>', 'index of the first sample', integer(0), 0)
    .option('--json', 'print one JSON object per line: {index, seed, design, hash, tries, parameters, instance}')
    .option('--grid-levels <k>', 'levels per continuous dimension for --design grid (default: sweep.gridLevels, else 3)', integer(1, 64))
    .option('--sweep-size <n>', 'samples in the whole sweep: the lhs block size (default: --from + --count)', integer(1, 2 ** 32))
    .option('--max-tries <n>', 'rejection tries per sample (default: sweep.maxTries, else 1000)', integer(1, 1_000_000))
    .addHelpText(
      'after',
      `
Designs:
  random    independent draws
  grid      full factorial: all values of choices and ints, --grid-levels quantiles of continuous values
  lhs       Latin hypercube: one sample per stratum per dimension in each block of --sweep-size samples
  sobol     scrambled Sobol low-discrepancy points
  pairwise  every pair of values of every two discrete parameters; continuous ones drawn at random

Examples:
  roadsynth sample scenarios/01-pedestrian-behind-van.yaml --count 5
  roadsynth sample scenarios/01-pedestrian-behind-van.yaml --count 100 --seed 7 --design sobol --json
  roadsynth sample scenarios/02-cut-in-short-gap.yaml --design grid --grid-levels 4 --count 64
  roadsynth sample scenarios/01-pedestrian-behind-van.yaml --design lhs --sweep-size 1000 --from 500 --count 100 --json`,
    )
    .action((file: string, flags: SampleFlags) => run(file, flags));
}
