/**
 * A dataset run: sample -> road -> simulate -> render -> label -> write, for a slice of a
 * sweep's sample indices. The product's main job, shared by the CLI and the desktop app.
 *
 * - Streaming: each frame is written as soon as it is rendered; nothing per frame is kept.
 * - Parallel: `workers` pages render at once; simulation of the next instance runs in Node
 *   while pages render.
 * - Resumable: a frame whose record exists is not rendered again; a finished dataset is the
 *   same bytes whether or not the run was interrupted (see src/export/datasetWriter.ts).
 * - Sharded: `shard` picks a contiguous block of the sweep's indices; sample i is the same
 *   in every shard, so merging shards equals one run.
 * - A failing instance is retried where that can help (render crashes), then recorded in
 *   failures.jsonl with its reason (file:line:col for a value of the file); the run goes on.
 * - Frames kept from before are checked, not trusted (see keptFrames.ts); a folder made by
 *   other code or another renderer is not resumed (see provenance.ts).
 * - A full disk stops the run at once with DiskFullError: every later write would fail too.
 * - Nothing is written before the browser has started: a run that cannot render leaves no folder.
 */
import type { ScenarioSpec, SampledInstance, DesignName } from '../scenario/types.js';
import { createSampler, type Sampler } from '../sampling/sample.js';
import { contentHash } from '../sampling/hash.js';
import { SamplingError } from '../sampling/errors.js';
import { SimulationError } from '../sim/errors.js';
import type { Replay } from '../sim/replay.js';
import { SampleStageError, type SimulatedSample, simulateSample } from '../sim/simulateSample.js';
import type { SimResult } from '../sim/types.js';
import type { ClassMapSpec } from '../export/classMap.js';
import type { LabelOptions } from '../render/labels/labelOptions.js';
import { type Antialias, DEFAULT_ANTIALIAS, type PassName } from '../render/request.js';
import { DatasetWriter } from '../export/datasetWriter.js';
import type { ExportFormat, ExportSummary, KittiOptions } from '../export/types.js';
import { frameSchedule, type ClipAnchor, type FrameSchedule } from './frameSchedule.js';
import { FailureLog, type FailureStage } from './failureLog.js';
import { shardRange, type Shard } from './shard.js';
import type { RenderHost, TimedFrame } from './renderHost.js';
import { checkKeptFrames } from './keptFrames.js';
import { buildInfo, claimBuild } from './provenance.js';
import { makeOutDir } from './preflight.js';

export interface RunOptions {
  scenario: {
    file: string;
    spec: ScenarioSpec;
    name: string;
    /** Source position of a JSON pointer, so failures read file:line:col (from checkScenario). */
    locate?: (pointer: string) => { line: number; col: number };
  };
  outDir: string;
  /** Samples in the whole sweep. */
  count: number;
  seed: number;
  design: DesignName;
  gridLevels?: number;
  shard?: Shard;
  /** Frames per instance and their rate [1/s]. */
  frames: number;
  fps: number;
  /** Spacing between frames [s]; overrides fps when given. */
  spacingS?: number;
  anchor: ClipAnchor;
  /** Overrides the scenario's camera resolution [px]. */
  resolution?: { widthPx: number; heightPx: number };
  formats: ExportFormat[];
  passes: PassName[];
  /** Antialiasing of the RGB images (default DEFAULT_ANTIALIAS). */
  antialias?: Antialias;
  labels?: Partial<LabelOptions>;
  kitti?: Partial<KittiOptions>;
  /** Class map for every writer, and where it came from (a file, or the scenario). */
  classMap?: { spec: ClassMapSpec; source: string };
  /** Continue a run that stopped; without it a folder that already has frames is refused. */
  resume: boolean;
  /** The command line that reproduces the run (for the dataset card). */
  command: string;
  /** How the run was set up beyond the command (the studio's overrides), for the dataset card. */
  notes?: string[];
  version: string;
  /** Pages rendering in parallel. */
  workers: number;
  /** Render attempts per instance before it is recorded as failed. */
  renderAttempts?: number;
}

export interface RunProgress {
  framesDone: number;
  /** Frames this run will write (frames found on disk from an earlier run excluded). */
  framesTotal: number;
  framesSkipped: number;
  instancesFailed: number;
  elapsedS: number;
}

export interface RunResult {
  summary: ExportSummary | null;
  framesWritten: number;
  framesSkipped: number;
  failures: number;
  interrupted: boolean;
}

/** Renders frames; re-created by the runner after a crash. */
export type HostFactory = () => Promise<RenderHost>;

export interface RunHooks {
  onProgress?(p: RunProgress): void;
  /** Something worth telling the user that is not an error (a retry, a restart). */
  onNotice?(message: string): void;
  /** When aborted, frames in flight are finished and no new ones start. */
  signal?: AbortSignal;
}

/** An instance ready to render: sampled and simulated. */
interface Prepared {
  sample: SampledInstance;
  sim: SimResult;
  replay: Replay;
  schedule: FrameSchedule;
}

class InstanceFailure extends Error {
  constructor(
    readonly stage: FailureStage,
    message: string,
  ) {
    super(message);
  }
}

/** Applies a resolution override; the hash follows the instance's content. */
function withResolution(sample: SampledInstance, resolution: RunOptions['resolution']): SampledInstance {
  if (!resolution) return sample;
  const camera = { ...sample.instance.ego.camera, ...resolution };
  const instance = { ...sample.instance, ego: { ...sample.instance.ego, camera } };
  return { ...sample, instance, hash: contentHash(instance) };
}

/** The disk (or quota) is full; the run stopped at the first failed write and can be resumed. */
export class DiskFullError extends Error {
  constructor(
    readonly outDir: string,
    readonly framesWritten: number,
    cause: Error,
  ) {
    super(
      `${outDir}: the disk is full (${(cause as NodeJS.ErrnoException).code}: ${firstLine(cause.message)}). ` +
        `Stopped after ${framesWritten} new frame${framesWritten === 1 ? '' : 's'}; every frame written is complete. ` +
        'Free some space, then run the same command with --resume to continue.',
      { cause },
    );
    this.name = 'DiskFullError';
  }
}

/** True for errors of a full disk or quota. */
export function isDiskFull(err: unknown): err is NodeJS.ErrnoException {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** A write failed because the disk is full; ends every worker. */
class DiskFullSignal extends Error {
  constructor(readonly error: NodeJS.ErrnoException) {
    super(error.message);
  }
}

export async function runDataset(opts: RunOptions, createHost: HostFactory, hooks: RunHooks = {}): Promise<RunResult> {
  let written = 0;
  try {
    return await runDatasetInner(opts, createHost, hooks, (n) => (written = n));
  } catch (err) {
    const full = err instanceof DiskFullSignal ? err.error : isDiskFull(err) ? err : null;
    if (full) throw new DiskFullError(opts.outDir, written, full);
    throw err;
  }
}

/** `file:line:col /pointer: message` when the pointer can be located, else the message. */
function located(opts: RunOptions, pointer: string | undefined, message: string, pointerInMessage: boolean): string {
  const { file, locate } = opts.scenario;
  if (pointer === undefined || !locate) return message;
  const pos = locate(pointer);
  return `${file}:${pos.line}:${pos.col} ${pointerInMessage ? '' : `${pointer}: `}${message}`;
}

/**
 * What failures.jsonl records for a sample whose pipeline failed. A bug inside simulate is no
 * sample's failure: it is thrown on.
 */
function instanceFailure(opts: RunOptions, err: unknown): InstanceFailure {
  if (!(err instanceof SampleStageError)) throw err;
  const cause = err.cause as Error;
  switch (err.stage) {
    case 'sample':
      if (cause instanceof SamplingError) return new InstanceFailure('sample', located(opts, err.pointer, cause.message, true));
      // Anything else is a defect of roadsynth, yet it belongs to this sample: record it, go on.
      return new InstanceFailure('sample', `internal error while sampling: ${cause.message}`);
    case 'road':
      return new InstanceFailure('simulate', located(opts, err.pointer, cause.message, false));
    case 'simulate':
      if (cause instanceof SimulationError) return new InstanceFailure('simulate', located(opts, err.pointer, cause.message, false));
      throw cause;
  }
}

async function runDatasetInner(opts: RunOptions, createHost: HostFactory, hooks: RunHooks, onWritten: (n: number) => void): Promise<RunResult> {
  const { from, to } = shardRange(opts.count, opts.shard);
  // A spec that cannot be sampled at all fails here, before any folder exists.
  const sampler = createSampler(opts.scenario.spec, { seed: opts.seed, design: opts.design, count: opts.count, gridLevels: opts.gridLevels });
  // The browser starts first: a run that cannot render leaves no folder behind.
  const hosts = new HostKeeper(createHost, hooks.onNotice);
  let host: RenderHost;
  try {
    host = await hosts.get();
  } catch (err) {
    await hosts.close().catch(() => undefined);
    throw err;
  }
  try {
    return await runWithHost(opts, hosts, host, sampler, hooks, from, to, onWritten);
  } finally {
    await hosts.close();
  }
}

async function runWithHost(
  opts: RunOptions,
  hosts: HostKeeper,
  firstHost: RenderHost,
  sampler: Sampler,
  hooks: RunHooks,
  from: number,
  to: number,
  onWritten: (n: number) => void,
): Promise<RunResult> {
  makeOutDir(opts.outDir);
  const antialias = opts.antialias ?? DEFAULT_ANTIALIAS;
  const writer = DatasetWriter.open(opts.outDir, {
    formats: opts.formats,
    passes: opts.passes,
    antialias,
    scenario: { file: opts.scenario.file, hash: contentHash(opts.scenario.spec), name: opts.scenario.name },
    run: {
      command: opts.command,
      seed: opts.seed,
      design: opts.design,
      count: opts.count,
      framesPerInstance: opts.frames,
      fps: opts.fps,
      version: opts.version,
      ...(opts.notes ? { notes: opts.notes } : {}),
    },
    kitti: opts.kitti,
    ...(opts.classMap ? { classMap: opts.classMap.spec, classMapSource: opts.classMap.source } : {}),
  });
  const failures = new FailureLog(opts.outDir);
  claimBuild(writer.outDir, buildInfo(firstHost.describe ? await firstHost.describe() : 'unknown'));
  if (opts.resume) {
    const kept = checkKeptFrames(writer.outDir);
    for (const [id, why] of kept.removed) hooks.onNotice?.(`frame ${id}: ${why}; rendering it again`);
  }

  const indices: number[] = [];
  let framesSkipped = 0;
  let framesToDo = 0;
  for (let i = from; i < to; i++) {
    let done = 0;
    for (let f = 0; f < opts.frames; f++) if (writer.hasFrame(i, f)) done++;
    if ((done > 0 || failures.has(i)) && !opts.resume) throw new ResumeNeededError(opts.outDir);
    framesSkipped += done;
    if (done < opts.frames || failures.has(i)) {
      indices.push(i);
      framesToDo += opts.frames - done;
    }
  }

  const progress: RunProgress = {
    framesDone: 0,
    framesTotal: framesToDo,
    framesSkipped,
    instancesFailed: 0,
    elapsedS: 0,
  };
  const started = performance.now();
  const report = () => {
    progress.elapsedS = (performance.now() - started) / 1000;
    hooks.onProgress?.({ ...progress });
  };

  const prepare = (index: number): Prepared => {
    let run: SimulatedSample;
    try {
      run = simulateSample(() => withResolution(sampler.sample(index), opts.resolution));
    } catch (err) {
      throw instanceFailure(opts, err);
    }
    const { sample, result: sim, replay } = run;
    const schedule = frameSchedule(
      { instance: sample.instance, trajectory: sim.trajectory, events: sim.events, metrics: sim.metrics },
      { frames: opts.frames, fps: opts.fps, spacingS: opts.spacingS, anchor: opts.anchor },
    );
    for (const note of schedule.notes) hooks.onNotice?.(`sample ${index}: clip: ${note}`);
    return { sample, sim, replay, schedule };
  };

  // Simulation runs in Node; deferring it with setImmediate lets it overlap page rendering.
  const pending = new Map<number, Promise<Prepared>>();
  const prepared = (index: number): Promise<Prepared> => {
    let p = pending.get(index);
    if (!p) {
      p = new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(prepare(index));
          } catch (err) {
            reject(err);
          }
        }),
      );
      p.catch(() => undefined);
      pending.set(index, p);
    }
    return p;
  };

  const attempts = Math.max(1, opts.renderAttempts ?? 3);
  let next = 0;
  let framesWritten = 0;

  // A full disk is no failure of one sample: stop every worker and report it.
  let diskFull: DiskFullSignal | null = null;
  const writeOrStop = <T>(write: () => T): T => {
    try {
      return write();
    } catch (err) {
      if (isDiskFull(err)) {
        diskFull ??= new DiskFullSignal(err);
        throw diskFull;
      }
      throw err;
    }
  };
  const stopped = (): boolean => hooks.signal?.aborted === true || diskFull !== null;

  /**
   * Renders the instance's missing frames and writes them in frame order. Up to the host's
   * framesInFlight frames are requested at once, so the page draws the next frame while the
   * last one's PNGs compress, travel to Node and are written.
   */
  const renderInstance = async (index: number, job: Prepared): Promise<void> => {
    const { sample, sim, replay, schedule } = job;
    const scene = { kind: 'scenario' as const, key: `${sample.hash}/${antialias}`, ...replay, quality: 'export' as const, antialias };
    const todo = schedule.ticks.map((_, f) => f).filter((f) => !writer.hasFrame(index, f));
    const host = await hosts.get();
    const depth = Math.max(1, host.framesInFlight ?? 1);
    const inFlight: { f: number; frame: Promise<TimedFrame> }[] = [];
    let started = 0;
    const startNext = (): void => {
      const f = todo[started++]!;
      const frame = hosts.use(host, () => host.renderFrame({ scene, frame: f, tick: schedule.ticks[f]!, passes: opts.passes, labels: opts.labels }));
      // Frames still in flight when an earlier one fails are dropped: keep their failure from going unhandled.
      frame.catch(() => undefined);
      inFlight.push({ f, frame });
    };
    while (inFlight.length > 0 || (started < todo.length && !stopped())) {
      while (inFlight.length < depth && started < todo.length && !stopped()) startNext();
      const { f, frame: pending } = inFlight.shift()!;
      const frame = await pending;
      writeOrStop(() =>
        writer.writeFrame(
          {
            sample,
            metrics: sim.metrics,
            frameIndexInInstance: f,
            globalFrameId: index * opts.frames + f,
            tick: schedule.ticks[f]!,
            timeS: schedule.timesS[f]!,
          },
          frame,
        ),
      );
      framesWritten++;
      onWritten(framesWritten);
      progress.framesDone++;
      report();
    }
  };

  const worker = async (): Promise<void> => {
    while (next < indices.length && !stopped()) {
      const index = indices[next++];
      if (next < indices.length) void prepared(indices[next]);
      let lastError: InstanceFailure | null = null;
      try {
        const job = await prepared(index);
        pending.delete(index);
        for (let attempt = 1; attempt <= attempts; attempt++) {
          try {
            await renderInstance(index, job);
            lastError = null;
            break;
          } catch (err) {
            if (err instanceof DiskFullSignal) throw err;
            // Frames cut short by an interrupt are rendered by the resumed run: no retry, no failure.
            if (stopped()) return;
            lastError = new InstanceFailure('render', (err as Error).message);
            if (attempt < attempts) {
              hooks.onNotice?.(`sample ${index}: render failed (${firstLine((err as Error).message)}); restarting the browser, attempt ${attempt + 1} of ${attempts}`);
              await hosts.restartIfCrashed();
            }
          }
        }
      } catch (err) {
        pending.delete(index);
        if (!(err instanceof InstanceFailure)) throw err;
        lastError = err;
      }
      if (lastError) {
        const failure = lastError;
        writeOrStop(() => failures.record(index, failure.stage, failure.message));
        progress.instancesFailed++;
        hooks.onNotice?.(`sample ${index}: ${lastError.stage} failed: ${firstLine(lastError.message)} (recorded in failures.jsonl)`);
      } else {
        failures.clear(index);
      }
      report();
    }
  };

  const workerCount = Math.max(1, opts.workers);
  const results = await Promise.allSettled(Array.from({ length: workerCount }, () => worker()));
  if (diskFull) throw diskFull;
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  const interrupted = hooks.signal?.aborted === true && progress.framesDone + progress.instancesFailed * opts.frames < progress.framesTotal;
  writeOrStop(() => failures.assemble());
  const summary = interrupted ? null : writeOrStop(() => writer.finish());
  return { summary, framesWritten, framesSkipped, failures: failures.count(), interrupted };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0];
}

/** The folder already has frames and the run was not asked to resume. */
export class ResumeNeededError extends Error {
  constructor(outDir: string) {
    super(`${outDir}: this folder already holds frames of this dataset. Add --resume to continue the run, or choose an empty --out folder.`);
    this.name = 'ResumeNeededError';
  }
}

/**
 * Owns the render host and replaces it after a crash: the first worker that sees its host
 * fail restarts it; workers that failed on the same host then use the new one.
 */
class HostKeeper {
  private host: Promise<RenderHost> | null = null;
  private crashed: RenderHost | null = null;

  constructor(
    private readonly create: HostFactory,
    private readonly notice?: (m: string) => void,
  ) {}

  get(): Promise<RenderHost> {
    this.host ??= this.create();
    return this.host;
  }

  /** Runs a call on `host`, remembering the host if the call fails. */
  async use<T>(host: RenderHost, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      this.crashed = host;
      throw err;
    }
  }

  async restartIfCrashed(): Promise<void> {
    const current = this.host ? await this.host : null;
    if (current !== null && current === this.crashed) {
      this.host = null;
      this.crashed = null;
      await current.close().catch((e: Error) => this.notice?.(`closing the crashed browser: ${e.message}`));
    }
    await this.get();
  }

  async close(): Promise<void> {
    const h = this.host;
    this.host = null;
    if (h) await (await h).close();
  }
}
