/**
 * `roadsynth simulate FILE`: samples one instance of a scenario, simulates it, and prints the
 * events and safety metrics (a summary for people, or one JSON object with --json). With
 * --out it writes the trajectory file that rendering replays.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { SamplingError } from '../../sampling/errors.js';
import { sampleScenario } from '../../sampling/sample.js';
import type { DesignName, SampledInstance } from '../../scenario/types.js';
import { writeFileAtomic } from '../../export/atomicWrite.js';
import { SimulationError } from '../../sim/errors.js';
import { SampleStageError, type SimulatedSample, simulateSample } from '../../sim/simulateSample.js';
import { encodeTrajectory } from '../../sim/trajectoryFile.js';
import { trajectoryHash } from '../../sim/trajectoryHash.js';
import type { SimEvent, SimResult } from '../../sim/types.js';
import { UserError, writeLine } from '../runCli.js';
import { designOption, integerArg, seedOption } from '../args.js';
import { readScenarioFile, type ScenarioFile, samplingUserError, sweepDesign } from '../scenarioFile.js';

interface SimulateFlags {
  index: number;
  seed: number;
  design?: DesignName;
  duration?: number;
  out?: string;
  json?: boolean;
  sweepSize?: number;
}

function seconds(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 600) throw new InvalidArgumentError(`expected seconds in (0, 600], got "${text}"`);
  return n;
}

/** A value with its unit, or "never" for an infinite TTC / distance. */
const fmt = (v: number, unit: string): string => (Number.isFinite(v) ? `${v.toFixed(2)} ${unit}` : 'never');

function describeEvent(e: SimEvent): string {
  const at = `t=${e.timeS.toFixed(2)}s tick ${e.tick}`;
  switch (e.kind) {
    case 'behaviour':
      return `${at}  ${e.actor} starts ${e.behaviour}`;
    case 'collision':
      return `${at}  COLLISION ${e.a} x ${e.b} at ${e.relativeSpeedMps.toFixed(1)} m/s`;
    case 'hardBrake':
      return `${at}  hard brake by ${e.actor}, peak ${e.decelMps2.toFixed(1)} m/s^2`;
  }
}

function printSummary(file: string, sample: SampledInstance, result: SimResult, hash: string, wallS: number, out: (l: string) => void): void {
  const t = result.trajectory;
  const m = result.metrics;
  out(`${sample.instance.name} (${file}, sample ${sample.index}, seed ${sample.seed}, design ${sample.design}, instance ${sample.hash.slice(0, 12)})`);
  out(`simulated ${((t.ticks - 1) * t.dtS).toFixed(2)} s in ${t.ticks - 1} steps of ${t.dtS} s, ${t.actors.length} actors, ${wallS.toFixed(2)} s wall`);
  out(`trajectory ${hash.slice(0, 16)}`);
  out('');
  out(`events (${result.events.length}):`);
  for (const e of result.events) out(`  ${describeEvent(e)}`);
  out('');
  out(
    `metrics: min TTC ${fmt(m.minTtcS, 's')}, min distance ${fmt(m.minDistanceM, 'm')}, collisions ${m.collisions}, hard brakes ${m.hardBrakes}, near miss ${m.nearMiss ? 'yes' : 'no'} (TTC < ${m.nearMissTtcS} s)`,
  );
  const ids = Object.keys(m.perActor);
  const width = Math.max(5, ...ids.map((id) => id.length));
  if (ids.length > 0) out(`  ${'actor'.padEnd(width)}  min TTC (tick)       min distance (tick)`);
  for (const id of ids) {
    const a = m.perActor[id];
    const ttc = Number.isFinite(a.minTtcS) ? `${fmt(a.minTtcS, 's')} (${a.minTtcTick})` : 'never';
    out(`  ${id.padEnd(width)}  ${ttc.padEnd(20)} ${fmt(a.minDistanceM, 'm')} (${a.minDistanceTick})`);
  }
}

/** JSON has no Infinity: "never closing" becomes null. */
function finiteOrNull(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** The user's message for a failed stage; anything that is not the file's fault is thrown on. */
function stageUserError(err: unknown, scenario: ScenarioFile): UserError {
  if (!(err instanceof SampleStageError)) throw err;
  const { file } = scenario;
  const cause = err.cause as Error;
  const sample = err.sample;
  switch (err.stage) {
    case 'sample':
      if (cause instanceof SamplingError) return samplingUserError(cause, scenario);
      if (cause instanceof RangeError) return new UserError(`${file}: ${cause.message}`);
      throw cause;
    case 'road': {
      const pos = scenario.locate('/road');
      return new UserError(`${file}:${pos.line}:${pos.col} /road (sample ${sample?.index}): ${cause.message}`);
    }
    case 'simulate': {
      if (!(cause instanceof SimulationError)) throw cause;
      const which = `sample ${sample?.index}, seed ${sample?.seed}`;
      if (cause.pointer === undefined) return new UserError(`${file} (${which}): ${cause.message}`);
      // A value of the file at fault is shown where it is written.
      const pos = scenario.locate(cause.pointer);
      return new UserError(`${file}:${pos.line}:${pos.col} ${cause.pointer}: ${cause.message} (${which})`);
    }
  }
}

function run(file: string, flags: SimulateFlags): void {
  const scenario = readScenarioFile(file);
  const { spec } = scenario;
  const design = flags.design ?? sweepDesign(spec);
  let simulated: SimulatedSample;
  try {
    simulated = simulateSample(() => sampleScenario(spec, { index: flags.index, seed: flags.seed, design, count: flags.sweepSize ?? flags.index + 1 }), {
      durationS: flags.duration,
    });
  } catch (err) {
    throw stageUserError(err, scenario);
  }
  const { sample, result } = simulated;
  const wallS = simulated.timingsMs.simulate / 1000;
  const bytes = encodeTrajectory(result.trajectory);
  const hash = trajectoryHash(result.trajectory);
  if (flags.out) {
    mkdirSync(dirname(flags.out), { recursive: true });
    writeFileAtomic(flags.out, bytes);
  }
  const out = writeLine;
  if (flags.json) {
    const t = result.trajectory;
    out(
      JSON.stringify(
        {
          file,
          index: sample.index,
          seed: sample.seed,
          design: sample.design,
          instanceHash: sample.hash,
          trajectoryHash: hash,
          dtS: t.dtS,
          ticks: t.ticks,
          actors: t.actors.map((a) => a.id),
          out: flags.out ?? null,
          events: result.events,
          metrics: result.metrics,
        },
        finiteOrNull,
      ),
    );
  } else {
    printSummary(file, sample, result, hash, wallS, out);
    if (flags.out) out(`\nwrote ${flags.out} (${bytes.length} bytes)`);
  }
}

export function register(program: Command): void {
  program
    .command('simulate')
    .summary('Simulate one sample of a scenario; print its events and safety metrics.')
    .description(
      'Samples instance --index of a scenario (same --seed and --design as `roadsynth sample`), builds its ' +
        'road, and simulates it with a fixed time step (cannon-es physics, scripted behaviours). Prints ' +
        'behaviour starts, collisions, hard brakes, and per actor the minimum time to collision and distance ' +
        'to the ego vehicle. The same sample always gives a bit-identical trajectory (see its hash).',
    )
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('-i, --index <i>', 'sample index', integerArg(0), 0)
    .addOption(seedOption())
    .addOption(designOption())
    .option('--sweep-size <n>', 'samples in the whole sweep, for --design lhs (default: --index + 1; use the --count of the run to match it)', integerArg(1))
    .option('--duration <seconds>', 'simulated time [s] (default: simulation.durationS in the file, else 10)', seconds)
    .option('-o, --out <file>', 'write the trajectory (binary .traj file, written atomically)')
    .option(
      '--json',
      'print one JSON object: {file, index, seed, design, instanceHash, trajectoryHash, dtS, ticks, actors, out, events, metrics}; a TTC of null means never closing',
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 done, 2 the file, the sample or the simulation failed (the message says where:
file:line:col for scenario errors; actor and tick when the simulation stops).

Examples:
  roadsynth simulate scenarios/03-lead-vehicle-emergency-brake.yaml
  roadsynth simulate scenarios/03-lead-vehicle-emergency-brake.yaml --index 4 --json
  roadsynth simulate scenarios/02-cut-in-short-gap.yaml --seed 7 --design sobol --index 12 --out out/cut-in-12.traj
  roadsynth simulate scenarios/01-pedestrian-behind-van.yaml --duration 4 --json | jq .metrics.minTtcS`,
    )
    .action((file: string, flags: SimulateFlags) => run(file, flags));
}
