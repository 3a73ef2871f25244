/**
 * Fuzz through the whole front of the pipeline: mutated scenario files go through validate,
 * then (when valid) sample, road building and simulation. No stage may throw anything but its
 * own located error: validation errors carry file:line:col, sampling errors a JSON pointer the
 * file's source map places, simulation errors a pointer or the actor and tick; a plain
 * TypeError or RangeError is a defect. Mutations are value-level (the kind of edits a person
 * makes: expressions, distributions, other kinds, lanes, positions, speeds, deleted keys), so
 * most mutants still validate and reach the later stages. Simulations are cut to a short
 * duration to keep the test quick; a failure names its case number and input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { SamplingError } from '../../src/sampling/errors.js';
import { createSampler } from '../../src/sampling/sample.js';
import { checkScenario } from '../../src/scenario/load.js';
import type { SpecNode } from '../../src/scenario/types.js';
import { SimulationError } from '../../src/sim/errors.js';
import { simulate } from '../../src/sim/simulate.js';
import { REPO } from '../dataset/cli.js';
import { STREET_YAML } from '../dataset/fixtures.js';
import { pick, rng, type Rand } from './fuzzRandom.js';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
/** Simulated time per case [s]: world building, triggers at 0 and the first steps of every behaviour. */
const SIM_S = 0.1;

type Obj = { [key: string]: SpecNode };
const isObj = (v: SpecNode | undefined): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Replacement values, many of them valid somewhere, several only once sampled. */
const VALUES: SpecNode[] = [
  0,
  1,
  2,
  -1,
  3,
  0.5,
  5,
  25,
  90,
  349,
  -40,
  1e6,
  1e-9,
  true,
  false,
  null,
  'car',
  'plane',
  'pedestrian',
  'motorcycle',
  'bus',
  'animal',
  'object',
  'left',
  'right',
  'straight',
  'sidewalk-right',
  'parking-left',
  'parking-right',
  'J1',
  'main',
  'ego',
  'a',
  '=349',
  '=-1',
  '=1/0',
  '=0/0',
  '=2*3',
  '="plane"',
  '="car"',
  '=1 > 0',
  '=-5 + 2',
  '=0.2',
  '=500',
  '=3',
  '=1e400',
  { uniform: [0, 120] },
  { uniform: [-10, 10] },
  { uniform: [0.1, 0.4] },
  { int: [1, 5] },
  { int: [-3, 3] },
  { choice: ['car', 'plane'] },
  { choice: [1, 2, 3] },
  { choice: ['left', 'right', 'up'] },
  { normal: { mean: 10, sd: 50 } },
  { truncnormal: { mean: 5, sd: 2, min: 0, max: 10 } },
  [],
  {},
  [1, 2],
  'x',
];
/** Keys worth setting where they may be missing. */
const KEYS = ['speedMps', 'lane', 's', 'kind', 'offsetM', 'headingDeg', 'toLane', 'at', 'direction', 'exit', 'durationS', 'decelMps2', 'relativeTo', 'aheadM'];
const PARAM_EXPRS = ['=k * 2', '=k + 400', '=k', '=-k', '=k / 0'];

/** Every path to a leaf value of `node`. */
function leafPaths(node: SpecNode, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(node))
    node.forEach((v, i) => {
      leafPaths(v, [...path, i], out);
    });
  else if (isObj(node)) for (const [k, v] of Object.entries(node)) leafPaths(v, [...path, k], out);
  else out.push(path);
  return out;
}
function containerPaths(node: SpecNode, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (isObj(node)) {
    out.push(path);
    for (const [k, v] of Object.entries(node)) containerPaths(v, [...path, k], out);
  } else if (Array.isArray(node))
    node.forEach((v, i) => {
      containerPaths(v, [...path, i], out);
    });
  return out;
}
function at(root: SpecNode, path: (string | number)[]): SpecNode {
  let n: SpecNode = root;
  for (const p of path) n = (n as { [k: string]: SpecNode })[p as string];
  return n;
}

function mutate(r: Rand, base: Obj): Obj {
  const spec = structuredClone(base);
  const n = r() < 0.7 ? 1 : 2;
  for (let m = 0; m < n; m++) {
    const kind = r();
    if (kind < 0.5) {
      // Replace a leaf.
      const paths = leafPaths(spec).filter((p) => p.length > 1 && p[0] !== 'version');
      const p = pick(r, paths);
      const parent = at(spec, p.slice(0, -1)) as { [k: string]: SpecNode };
      const old = parent[p.at(-1) as string];
      // Mostly a value of the same type (what a person editing the file writes), else anything.
      const alike = VALUES.filter((v) => (typeof old === 'number' ? typeof v === 'number' || (typeof v === 'string' && v.startsWith('=')) || isObj(v) : typeof v === typeof old));
      parent[p.at(-1) as string] = structuredClone(pick(r, r() < 0.8 && alike.length > 0 ? alike : VALUES));
    } else if (kind < 0.65) {
      // Delete a key.
      const paths = containerPaths(spec).filter((p) => p.length > 0);
      const p = pick(r, paths);
      const parent = at(spec, p.slice(0, -1));
      if (isObj(parent)) delete parent[p.at(-1) as string];
    } else if (kind < 0.85) {
      // Set a key where it may be missing.
      const p = pick(r, containerPaths(spec));
      (at(spec, p) as Obj)[pick(r, KEYS)] = structuredClone(pick(r, VALUES));
    } else {
      // A parameter used by an expression somewhere.
      if (!isObj(spec.parameters)) spec.parameters = {};
      const params = spec.parameters as Obj;
      params.k = structuredClone(
        pick(
          r,
          VALUES.filter((v) => typeof v === 'number' || isObj(v)),
        ),
      );
      const paths = leafPaths(spec).filter((p) => p.length > 1 && p[0] !== 'parameters' && p[0] !== 'version');
      const p = pick(r, paths);
      (at(spec, p.slice(0, -1)) as { [k: string]: SpecNode })[p.at(-1) as string] = pick(r, PARAM_EXPRS);
    }
  }
  return spec;
}

/** A small junction scene: turns, lane changes, a motorcycle, parking. */
const JUNCTION_YAML = `
version: 1
name: fuzz junction
parameters:
  v: { uniform: [3, 9] }
  turnDir: { choice: [left, right, straight] }
simulation: { durationS: 4, dtS: 0.02 }
road:
  lanes: { forward: 2, backward: 2, widthM: 3.5 }
  parking: { right: true }
  blocks:
    - { kind: straight, id: approach, lengthM: 80 }
    - { kind: junction, id: J1, shape: four-way, signals: true, armLengthM: 60 }
    - { kind: straight, id: beyond, lengthM: 100 }
ego:
  place: { lane: 1, s: 5 }
  speedMps: $v
  behaviours: [{ do: keepLane, speedMps: $v }]
actors:
  - id: turner
    kind: car
    place: { lane: 2, s: 40 }
    speedMps: 6
    behaviours: [{ do: laneChange, toLane: 1, trigger: { atS: 0.1 } }, { do: turn, at: J1, direction: $turnDir, speedMps: 5, trigger: { afterPreviousS: 0.1 } }]
  - id: moto
    kind: motorcycle
    place: { lane: -1, s: 120 }
    speedMps: 12
    behaviours: [{ do: keepLane }, { do: brake, decelMps2: 6, trigger: { atS: 0.05 } }]
  - id: parked
    kind: van
    place: { lane: parking-right, s: 30 }
`;

/** Half the cases mutate the two small scenes, half the catalog (validation of a long file dominates the cost). */
function bases(): { small: { name: string; spec: Obj }[]; catalog: { name: string; spec: Obj }[] } {
  const dir = join(REPO, 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => /^\d+-.*\.yaml$/.test(f))
    .sort();
  const load = (list: { name: string; text: string }[]) =>
    list.map(({ name, text }) => {
      const { spec, errors } = checkScenario(text, name);
      if (!spec) throw new Error(`base ${name} does not validate: ${JSON.stringify(errors[0])}`);
      return { name, spec: spec as Obj };
    });
  return {
    small: load([
      { name: 'street.yaml', text: STREET_YAML },
      { name: 'junction.yaml', text: JUNCTION_YAML },
    ]),
    catalog: load(files.map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }))),
  };
}

const isDefect = (err: unknown): boolean => err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || !(err instanceof Error);

describe('pipeline fuzz: validate, sample, simulate', () => {
  it(`${CASES} mutated scenario files: no stage throws anything but a located error`, () => {
    const all = bases();
    const counts = { invalid: 0, samplingErrors: 0, roadErrors: 0, simulationErrors: 0, simulated: 0 };
    const t0 = performance.now();
    const stageMs = { validate: 0, sample: 0, road: 0, simulate: 0 };
    let mark = 0;
    const lap = (stage: keyof typeof stageMs): void => {
      const now = performance.now();
      stageMs[stage] += now - mark;
      mark = now;
    };
    for (let c = 0; c < CASES; c++) {
      const r = rng(1000 + c);
      const group = c % 2 === 0 ? all.small : all.catalog;
      const base = group[Math.floor(c / 2) % group.length];
      const file = `case${c}-${base.name}`;
      const text = stringify(mutate(r, base.spec));
      const fail = (what: string, err?: unknown): never => {
        throw new Error(
          `case ${c} (${base.name}): ${what}${err instanceof Error ? `\n${err.stack}` : err === undefined ? '' : ` ${String(err)}`}\n--- input ---\n${text.slice(0, 3000)}`,
        );
      };
      let checked!: ReturnType<typeof checkScenario>;
      mark = performance.now();
      try {
        checked = checkScenario(text, file);
      } catch (err) {
        fail('validation threw', err);
      }
      for (const e of checked!.errors) {
        if (!(e.file === file && Number.isInteger(e.line) && e.line >= 1 && Number.isInteger(e.col) && e.col >= 1 && e.message.length > 0))
          fail(`unlocated validation error ${JSON.stringify(e)}`);
      }
      lap('validate');
      const spec = checked!.spec;
      if (!spec) {
        counts.invalid++;
        continue;
      }
      const located = (err: SamplingError): void => {
        if (err.pointer === undefined) fail(`sampling error without a pointer: ${err.message}`);
        const pos = checked.locate(err.pointer!);
        if (!(pos.line >= 1 && pos.col >= 1)) fail(`sampling error pointer ${err.pointer} not found in the file`);
      };
      let instance: ReturnType<ReturnType<typeof createSampler>['sample']>['instance'] | undefined;
      try {
        const sampler = createSampler(spec, { seed: c, design: 'random', count: 2, maxTries: 50 });
        instance = sampler.sample(c % 2).instance;
      } catch (err) {
        if (err instanceof SamplingError) {
          located(err);
          counts.samplingErrors++;
          continue;
        }
        fail('sampling threw a non-SamplingError', err);
      }
      lap('sample');
      let network: ReturnType<typeof buildRoadNetwork>;
      try {
        network = buildRoadNetwork(instance!.road, instance!.weather);
      } catch (err) {
        // Road errors are reported at /road (file:line:col of the road block) by run and simulate.
        if (isDefect(err) || !(err as Error).message) fail('road building threw a defect', err);
        counts.roadErrors++;
        continue;
      }
      lap('road');
      try {
        simulate(instance!, network, { durationS: Math.min(SIM_S, instance!.simulation.durationS) });
        counts.simulated++;
      } catch (err) {
        if (!(err instanceof SimulationError)) fail('simulation threw a non-SimulationError', err);
        const e = err as SimulationError;
        if (e.pointer === undefined && e.actor === undefined) fail(`simulation error names neither a place in the file nor an actor: ${e.message}`);
        if (e.pointer !== undefined && !(checked.locate(e.pointer).line >= 1)) fail(`simulation error pointer ${e.pointer} not in the file`);
        counts.simulationErrors++;
      }
      lap('simulate');
    }
    console.log(
      `pipeline fuzz: ${CASES} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s wall (${Object.entries(stageMs)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', ')}): ${JSON.stringify(counts)}`,
    );
    // The mutants reach every stage, or the later stages went untested.
    expect(counts.invalid).toBeGreaterThan(CASES * 0.05);
    expect(counts.samplingErrors).toBeGreaterThan(CASES * 0.01);
    expect(counts.simulated).toBeGreaterThan(CASES * 0.1);
  }, 900_000);
});
