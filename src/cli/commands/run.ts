/**
 * `roadsynth run FILE --out DIR`: the main job. Samples, simulates, renders and writes a
 * labeled dataset; resumable, shardable, with progress on the terminal.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DatasetMismatchError } from '../../export/datasetWriter.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/types.js';
import { ANTIALIAS_MODES, type Antialias, DEFAULT_ANTIALIAS, PASS_NAMES, type PassName } from '../../render/request.js';
import { DESIGNS } from '../../scenario/schema.js';
import type { DesignName, ScenarioSpec } from '../../scenario/types.js';
import { checkClassMap, ClassMapError, readClassMapFile, type ClassMapSpec } from '../../export/classMap.js';
import { createRenderHost } from '../../dataset/renderHost.js';
import { BrowserNotFoundError } from '../../dataset/render-host/findBrowser.js';
import { findBrowser } from '../../dataset/render-host/findBrowser.js';
import { estimateFrameBytes, preflight, PreflightError, resolutionProblem } from '../../dataset/preflight.js';
import { BuildMismatchError } from '../../dataset/provenance.js';
import { DiskFullError, ResumeNeededError, runDataset } from '../../dataset/runDataset.js';
import { parseClipAnchor, type ClipAnchor } from '../../dataset/frameSchedule.js';
import { FOCUS_WARNINGS_FILE, focusSummaryLines } from '../../export/focusSummary.js';
import { parseShard, shardRange, type Shard } from '../../dataset/shard.js';
import { SamplingError } from '../../sampling/errors.js';
import { createProgressView } from '../progress.js';
import { UserError } from '../runCli.js';
import { PACKAGE_VERSION } from '../../dataset/packageRoot.js';
import { readScenarioFile, samplingUserError, sweepDesign } from '../scenarioFile.js';
import { integerArg, listArg } from '../args.js';

interface RunFlags {
  out: string;
  count: number;
  seed: number;
  design?: DesignName;
  gridLevels?: number;
  frames: number;
  fps: number;
  clip: ClipAnchor;
  spacing?: number;
  resolution?: { widthPx: number; heightPx: number };
  formats: ExportFormat[];
  passes: PassName[];
  antialias: Antialias;
  workers: number;
  resume?: boolean;
  allowNonempty?: boolean;
  shard?: Shard;
  minVisiblePixels?: number;
  dropLowVisibility?: boolean;
  classMap?: string;
  browser?: string;
}

function resolutionArg(text: string): { widthPx: number; heightPx: number } {
  const m = /^(\d{2,5})x(\d{2,5})$/.exec(text.trim());
  if (!m) throw new InvalidArgumentError(`expected WIDTHxHEIGHT such as 1280x720, got "${text}"`);
  const size = { widthPx: Number(m[1]), heightPx: Number(m[2]) };
  const problem = resolutionProblem(size.widthPx, size.heightPx);
  if (problem) throw new InvalidArgumentError(problem);
  return size;
}

/** Exit codes of `roadsynth run`, shown in its help and in docs/scale-out.md. */
export const RUN_EXIT_CODES = `Exit codes:
  0    every sample written
  1    finished, but some samples failed: see failures.jsonl (the others are written)
  2    nothing or not all was done, the message says why: a bad scenario file or option, an --out
       folder that is not empty or cannot be written, not enough disk space (checked first) or the
       disk became full (stopped at once; free space and --resume), no browser
  130  interrupted by Ctrl-C (SIGINT); finish with the same command plus --resume
  143  stopped by SIGTERM (kill, Slurm or Kubernetes stopping the job); --resume continues`;

function clipArg(text: string): ClipAnchor {
  const a = parseClipAnchor(text);
  if (!a.ok) throw new InvalidArgumentError(a.message);
  return a.anchor;
}

function secondsArg(text: string): number {
  const v = Number(text);
  if (!(v > 0) || !Number.isFinite(v)) throw new InvalidArgumentError(`expected a time in seconds above 0, got "${text}"`);
  return v;
}

function shardArg(text: string): Shard {
  const s = parseShard(text);
  if (typeof s === 'string') throw new InvalidArgumentError(s);
  return s;
}

export function register(program: Command): void {
  program
    .command('run')
    .description('Render a labeled dataset (KITTI, COCO, YOLO) from a scenario: sample, simulate, render, label, write.')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('-n, --count <n>', 'samples in the sweep', integerArg(1), 1)
    .option('-s, --seed <s>', 'seed of the sweep', integerArg(0), 0)
    .addOption(new Option('-d, --design <design>', "sweep design (default: the file's sweep.design, else random)").choices(DESIGNS))
    .option('--grid-levels <k>', 'levels per continuous parameter for --design grid', integerArg(2, 64))
    .option('-f, --frames <f>', 'frames per sample', integerArg(1, 100000), 10)
    .option('--fps <r>', 'frame rate of each clip [1/s]', integerArg(1, 1000), 10)
    .addOption(
      new Option(
        '--clip <anchor>',
        "where each clip sits: focus (the focus event, else the focus actor's most critical moment in view), event, critical (the ego's minimum TTC), start, at:<seconds> or ticks:<from>-<to>",
      )
        .argParser(clipArg)
        .default('focus' as ClipAnchor, 'focus'),
    )
    .option('--spacing <s>', 'time between frames [s], instead of --fps', secondsArg)
    .option('-r, --resolution <WxH>', 'image size, overriding the scenario camera (e.g. 1280x720)', resolutionArg)
    .option('--formats <list>', `label formats, comma-separated (${EXPORT_FORMATS.join(',')})`, listArg(EXPORT_FORMATS), [...EXPORT_FORMATS])
    .option('--passes <list>', `image passes, comma-separated (${PASS_NAMES.join(',')})`, listArg(PASS_NAMES), [...PASS_NAMES])
    .addOption(
      new Option(
        '--antialias <mode>',
        'antialiasing of the RGB images: fxaa (fast), msaa (4 samples, keeps sub-pixel detail such as far poles; the scene costs 2.5x without a GPU) or none',
      )
        .choices(ANTIALIAS_MODES)
        .default(DEFAULT_ANTIALIAS),
    )
    .option('-w, --workers <w>', 'browser pages rendering in parallel', integerArg(1, 64), 1)
    .option('--resume', 'continue an interrupted run in the same --out folder')
    .option('--allow-nonempty', 'write into an --out folder that holds other files (files of the same name are replaced)')
    .option('--shard <K/N>', 'run only the K-th of N blocks of sample indices (K from 0), for array jobs', shardArg)
    .option('--min-visible-pixels <n>', 'objects with fewer visible pixels are flagged low-visibility', integerArg(0))
    .option('--class-map <file>', 'YAML or JSON mapping roadsynth classes to your own names, or null to drop a class, for every format (e.g. "Bus: Truck")')
    .option('--drop-low-visibility', 'drop flagged objects from the labels instead of keeping them flagged')
    .option('--browser <path>', 'Chromium, Chrome or Electron executable (default: ROADSYNTH_BROWSER, then the usual places)')
    .addHelpText(
      'after',
      `
Output: images/, kitti/ (KITTI object and tracking layouts), coco.json, labels/ data.yaml (YOLO), instance/ semantic/
depth/ (PNG; depth in metres x 256), cameras/, manifest.jsonl, README.md (dataset card), failures.jsonl, focus-warnings.jsonl.

An --out folder must be new, empty, or a roadsynth dataset (resumed with --resume); any other
folder is refused unless --allow-nonempty is given. Nothing is created before the scenario, the
options, the browser, the folder and the disk space have been checked.

${RUN_EXIT_CODES}

Examples:
  roadsynth run scenarios/01-pedestrian-behind-van.yaml --out out/ped --count 20 --frames 30
  roadsynth run scenarios/03-lead-vehicle-emergency-brake.yaml --out out/brake --count 200 --design sobol --workers 2
  roadsynth run scenarios/02-cut-in-short-gap.yaml --out out/cut --count 100 --resolution 640x480 --formats coco,yolo
  roadsynth run scenarios/01-pedestrian-behind-van.yaml --out out/ped --count 20 --resume      # after a kill or Ctrl-C
  roadsynth run scenarios/01-pedestrian-behind-van.yaml --out /data/shard-3 --count 1000 --shard 3/8`,
    )
    .action(async (file: string, flags: RunFlags) => {
      await runCommand(file, flags);
    });
}

async function runCommand(file: string, flags: RunFlags): Promise<void> {
  const scenario = readScenarioFile(file);
  const design = flags.design ?? sweepDesign(scenario.spec);
  const name = typeof scenario.spec.name === 'string' ? scenario.spec.name : file;
  const { from, to } = shardRange(flags.count, flags.shard);
  const { widthPx, heightPx } = flags.resolution ?? { widthPx: 1280, heightPx: 720 };
  try {
    findBrowser(flags.browser);
    preflight(flags.out, {
      bytesNeeded: (to - from) * flags.frames * estimateFrameBytes(widthPx, heightPx, flags.passes),
      allowNonEmpty: flags.allowNonempty === true,
    });
  } catch (err) {
    if (err instanceof PreflightError || err instanceof BrowserNotFoundError) throw new UserError(err.message);
    throw err;
  }

  const command = ['roadsynth', 'run', ...process.argv.slice(3)].join(' ');
  const resumeCommand = flags.resume ? command : `${command} --resume`;
  const view = createProgressView();
  const abort = new AbortController();
  // The signal that stopped the run decides the exit code: 128 + its number, as shells report it.
  let stoppedBy: 'SIGINT' | 'SIGTERM' | null = null;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (abort.signal.aborted) {
      view.stop();
      process.stderr.write(`stopped at once; frames in flight are lost, every written frame is complete. Continue with:\n  ${resumeCommand}\n`);
      process.exit(code);
    }
    stoppedBy = signal;
    abort.abort();
    view.notice(`${signal === 'SIGINT' ? 'interrupted' : 'terminated'}: finishing the frames in flight${signal === 'SIGINT' ? ' (press Ctrl-C again to stop at once)' : ''}`);
  };
  const onSigint = () => onSignal('SIGINT');
  const onSigterm = () => onSignal('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  try {
    const result = await runDataset(
      {
        scenario: { file, spec: scenario.spec, name, locate: (pointer) => scenario.locate(pointer) },
        outDir: flags.out,
        count: flags.count,
        seed: flags.seed,
        design,
        gridLevels: flags.gridLevels,
        shard: flags.shard,
        frames: flags.frames,
        fps: flags.fps,
        anchor: flags.clip,
        ...(flags.spacing !== undefined ? { spacingS: flags.spacing } : {}),
        resolution: flags.resolution,
        formats: flags.formats,
        passes: flags.passes,
        antialias: flags.antialias,
        labels: {
          ...(flags.minVisiblePixels !== undefined ? { minVisiblePixels: flags.minVisiblePixels } : {}),
          ...(flags.dropLowVisibility ? { dropLowVisibility: true } : {}),
        },
        ...classMapOption(flags.classMap, file, scenario.spec),
        resume: flags.resume === true,
        command,
        version: PACKAGE_VERSION,
        workers: flags.workers,
      },
      async () => {
        const host = createRenderHost({ browser: flags.browser, pages: flags.workers });
        await host.open();
        return host;
      },
      { onProgress: (p) => view.update(p), onNotice: (m) => view.notice(m), signal: abort.signal },
    );
    view.stop();
    if (result.interrupted) {
      process.stderr.write(`stopped after ${result.framesWritten} new frames; every written frame is complete. Continue with:\n  ${resumeCommand}\n`);
      process.exitCode = stoppedBy === 'SIGTERM' ? 143 : 130;
      return;
    }
    const s = result.summary!;
    const classes = Object.entries(s.perClass)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    process.stdout.write(
      `wrote ${s.frames} frames (${result.framesWritten} new, ${result.framesSkipped} from before) with ${s.objects} labeled objects to ${s.outDir}\n` +
        (classes ? `  per class: ${classes}\n` : '') +
        (result.failures > 0 ? `  ${result.failures} failed samples: see ${s.outDir}/failures.jsonl\n` : '') +
        focusSummaryLines(s.focus)
          .map((line) => `${line}\n`)
          .join('') +
        (s.focus.warnings.length > 0
          ? `  ${s.focus.warnings.length} ${s.focus.warnings.length === 1 ? 'clip never labels' : 'clips never label'} the focus: see ${s.outDir}/${FOCUS_WARNINGS_FILE}\n`
          : '') +
        `  dataset card: ${s.outDir}/README.md\n`,
    );
    if (result.failures > 0) process.exitCode = 1;
  } catch (err) {
    view.stop();
    if (err instanceof DiskFullError) throw new UserError(`${err.message}\n  ${resumeCommand}`);
    if (
      err instanceof DatasetMismatchError ||
      err instanceof ResumeNeededError ||
      err instanceof BrowserNotFoundError ||
      err instanceof BuildMismatchError ||
      err instanceof PreflightError
    ) {
      throw new UserError(err.message);
    }
    if (err instanceof SamplingError) throw samplingUserError(err, scenario);
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
}

/**
 * The class map of a run: --class-map FILE, else the scenario's labels.classMap, else none.
 * @throws UserError naming the file, the key and the fix
 */
function classMapOption(flag: string | undefined, scenarioFile: string, spec: ScenarioSpec): { classMap?: { spec: ClassMapSpec; source: string } } {
  try {
    if (flag !== undefined) return { classMap: { spec: readClassMapFile(flag), source: flag } };
    const own = (spec.labels as { classMap?: unknown } | undefined)?.classMap;
    if (own !== undefined) {
      return { classMap: { spec: checkClassMap(own, (key) => `${scenarioFile} /labels/classMap${key === null ? '' : '/' + key}`), source: `${scenarioFile} (labels.classMap)` } };
    }
    return {};
  } catch (err) {
    if (err instanceof ClassMapError) throw new UserError(err.message);
    throw err;
  }
}
