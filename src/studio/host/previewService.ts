/**
 * Sample and simulate for the live preview: the same pipeline as the CLI and dataset runs
 * (sim/simulateSample.ts), on the file with parameter overrides (a dimension fixed to a value)
 * and live perturbations (weather and light written into the spec before sampling, so wetness
 * also changes friction and the export, which runs the same spec, writes the same scene).
 *
 * Problems are returned as ScenarioErrors located in the text, never thrown: a scenario that
 * cannot be sampled or simulated is something the user is editing right now.
 */
import { sortScenarioErrors, formatScenarioError, type ScenarioError } from '../../scenario/errors.js';
import { checkScenario, type CheckedScenario } from '../../scenario/load.js';
import { sunFromTimeOfDay } from '../../scenario/defaults.js';
import type { ParamValue, SampledInstance, ScenarioSpec, SpecNode } from '../../scenario/types.js';
import { collectDimensions, type Dimension } from '../../sampling/dimensions.js';
import { isDistributionNode } from '../../sampling/distributions.js';
import { SamplingError } from '../../sampling/errors.js';
import { sampleScenario } from '../../sampling/sample.js';
import { SampleStageError, simulateSample } from '../../sim/simulateSample.js';
import { SimulationError } from '../../sim/errors.js';
import { encodeTrajectory } from '../../sim/trajectoryFile.js';
import { pointerSegments } from '../../scenario/errors.js';
import type { Perturbations, SampleRequest, SampleResponse, SimulateRequest, SimulateResponse } from '../api.js';
import { parameterInfos } from './parameterInfo.js';

type Failure = { ok: false; errors: ScenarioError[]; formatted: string[] };

function failure(errors: ScenarioError[]): Failure {
  const sorted = sortScenarioErrors(errors);
  return { ok: false, errors: sorted, formatted: sorted.map(formatScenarioError) };
}

/** The spec with each overridden dimension's distribution replaced by a constant. */
export function withOverrides(spec: ScenarioSpec, pointers: ReadonlyMap<string, string>, overrides: Record<string, ParamValue>): ScenarioSpec {
  const out = structuredClone(spec);
  for (const [key, value] of Object.entries(overrides)) {
    const pointer = pointers.get(key);
    if (pointer === undefined) continue; // a stale override of a dimension the text no longer has
    const segs = pointerSegments(pointer);
    let parent: SpecNode = out;
    for (const seg of segs.slice(0, -1)) parent = Array.isArray(parent) ? parent[Number(seg)] : (parent as Record<string, SpecNode>)[seg];
    const last = segs[segs.length - 1];
    if (Array.isArray(parent)) parent[Number(last)] = { const: value };
    else (parent as Record<string, SpecNode>)[last] = { const: value };
  }
  return out;
}

/**
 * The spec with the preview's weather and light perturbations written into it, as constants
 * (a distribution becomes `{const: v}`, so the design's dimensions keep their order). The
 * preview samples this spec, and the export writes it out and runs it: both show one scene.
 */
export function withPerturbations(spec: ScenarioSpec, p: Perturbations): ScenarioSpec {
  const out = structuredClone(spec);
  const section = (key: 'weather' | 'light'): Record<string, SpecNode> => {
    const node = out[key];
    if (node === null || typeof node !== 'object' || Array.isArray(node)) out[key] = {};
    return out[key] as Record<string, SpecNode>;
  };
  const put = (node: Record<string, SpecNode>, key: string, value: number | boolean): void => {
    const old = node[key];
    node[key] = old !== undefined && isDistributionNode(old) ? { const: value } : value;
  };
  for (const key of ['rain', 'snow', 'fogVisibilityM', 'wetness'] as const) {
    const v = p[key];
    if (v !== undefined) put(section('weather'), key, v);
  }
  if (p.timeOfDayH !== undefined) {
    const sun = sunFromTimeOfDay(p.timeOfDayH);
    const light = section('light');
    put(light, 'timeOfDayH', p.timeOfDayH);
    put(light, 'sunElevationDeg', sun.elevationDeg);
    put(light, 'sunAzimuthDeg', sun.azimuthDeg);
    put(light, 'streetLights', sun.elevationDeg < 0);
  }
  return out;
}

/** What the studio shows for a scenario: its spec with the parameter overrides and perturbations. */
export function studioSpec(spec: ScenarioSpec, overrides: Record<string, ParamValue> = {}, perturbations: Perturbations = {}): ScenarioSpec {
  const pointers = new Map(collectDimensions(spec).map((d) => [d.key, d.pointer]));
  return withPerturbations(withOverrides(spec, pointers, overrides), perturbations);
}

function stageError(err: unknown, fileName: string, locate: CheckedScenario['locate']): ScenarioError {
  const cause = err instanceof SampleStageError ? err.cause : err;
  if (!(cause instanceof Error)) throw cause;
  const pointer = err instanceof SampleStageError ? (err.pointer ?? '') : cause instanceof SamplingError || cause instanceof SimulationError ? (cause.pointer ?? '') : '';
  const pos = locate(pointer);
  // SamplingError messages already start with their pointer.
  const message = cause instanceof SamplingError && cause.pointer !== undefined ? cause.message.slice(cause.pointer.length + 2) : cause.message;
  const who = cause instanceof SimulationError && cause.actor ? `simulation, actor "${cause.actor}"${cause.tick !== undefined ? ` at tick ${cause.tick}` : ''}: ` : '';
  return { file: fileName, line: pos.line, col: pos.col, pointer, message: who + message };
}

/** Samples the request's index of the studio's spec: the file with the overrides and perturbations. */
function drawSample(spec: ScenarioSpec, dims: Dimension[], req: SampleRequest, perturbations: Perturbations): SampledInstance {
  const pointers = new Map(dims.map((d) => [d.key, d.pointer]));
  return sampleScenario(withPerturbations(withOverrides(spec, pointers, req.overrides ?? {}), perturbations), {
    seed: req.seed,
    design: req.design,
    index: req.index,
    count: req.count ?? (req.design === 'lhs' ? req.index + 1 : undefined),
  });
}

/** What both responses say about the sample: its identity, its instance and the parameter panel's rows. */
function sampleFields(spec: ScenarioSpec, dims: Dimension[], req: SampleRequest, s: SampledInstance, locate: CheckedScenario['locate']) {
  const line = (pointer: string): number => locate(pointer).line;
  return {
    sample: { index: s.index, seed: s.seed, design: s.design, hash: s.hash, tries: s.tries, parameters: s.parameters },
    instance: s.instance,
    parameters: parameterInfos(spec, dims, s.parameters, req.overrides ?? {}, line),
  };
}

export function samplePreview(req: SampleRequest, perturbations: Perturbations = {}): SampleResponse {
  const checked = checkScenario(req.text, req.fileName);
  if (!checked.spec) return failure(checked.errors);
  const spec = checked.spec;
  try {
    const dims = collectDimensions(spec);
    const { sample, instance, parameters } = sampleFields(spec, dims, req, drawSample(spec, dims, req, perturbations), checked.locate);
    return { ok: true, sample, instance, parameters };
  } catch (err) {
    return failure([stageError(err, req.fileName, checked.locate)]);
  }
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Sample, road and simulation through the one pipeline of every front door (sim/simulateSample.ts). */
export function simulatePreview(req: SimulateRequest): SimulateResponse {
  const t0 = performance.now();
  const checked = checkScenario(req.text, req.fileName);
  if (!checked.spec) return failure(checked.errors);
  const spec = checked.spec;
  const checkedMs = performance.now() - t0;
  try {
    const dims = collectDimensions(spec);
    const run = simulateSample(() => drawSample(spec, dims, req, req.perturbations ?? {}));
    const { sample, instance, parameters } = sampleFields(spec, dims, req, run.sample, checked.locate);
    const { trajectory, events, metrics } = run.result;
    const trajectoryBase64 = base64(encodeTrajectory(trajectory));
    const sampleMs = checkedMs + run.timingsMs.sample;
    return { ok: true, sample, parameters, instance, trajectoryBase64, events, metrics, timingsMs: { sample: sampleMs, simulate: performance.now() - t0 - sampleMs } };
  } catch (err) {
    return failure([stageError(err, req.fileName, checked.locate)]);
  }
}
