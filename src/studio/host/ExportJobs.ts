/**
 * Export jobs started from the export panel: one runs at a time per host; each has an id the
 * renderer polls for progress (frames done, frames per second, time left) and can cancel.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPORT_FILE, writeReport } from '../../report/writeReport.js';
import type { ExportProgress } from '../api.js';
import type { ExportRunOptions, ExportRunner } from './exportRun.js';
import { StudioApiError } from './StudioApiError.js';

interface Job {
  progress: ExportProgress;
  startedMs: number;
  /** When the first frame was written; the rate is measured from there, after the browser started. */
  firstFrameMs: number | null;
  abort: AbortController;
}

/** The dataset report (report.html) of an export folder, if it has one. */
export function reportPathOf(outDir: string): string | undefined {
  const p = path.join(outDir, REPORT_FILE);
  return existsSync(p) ? p : undefined;
}

/** Writes (again) the report of an export folder, as `roadsynth report` does; a message when it cannot. */
export function refreshReport(outDir: string): string | undefined {
  try {
    writeReport(outDir);
    return undefined;
  } catch (err) {
    return `the report could not be written: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private serial = 0;

  constructor(
    private readonly runner: ExportRunner,
    private readonly now: () => number = () => performance.now(),
    /** Write report.html after each export (off in tests of the job bookkeeping alone). */
    private readonly writeReports = true,
  ) {}

  start(options: ExportRunOptions): string {
    for (const j of this.jobs.values()) {
      if (j.progress.state === 'running') throw new StudioApiError(`an export is already running into ${j.progress.outDir}; cancel it or wait`, 409);
    }
    const jobId = `export-${++this.serial}`;
    const total = (options.shard ? 1 : options.count) * options.frames;
    const job: Job = {
      progress: { jobId, state: 'running', outDir: options.outDir, framesDone: 0, framesTotal: total, fps: 0, etaS: null, command: options.command },
      startedMs: this.now(),
      firstFrameMs: null,
      abort: new AbortController(),
    };
    this.jobs.set(jobId, job);
    const onFrame = (done: number, framesTotal: number): void => {
      const now = this.now();
      if (job.firstFrameMs === null && done > 0) job.firstFrameMs = now;
      const sinceFirstS = job.firstFrameMs === null ? 0 : (now - job.firstFrameMs) / 1000;
      const elapsedS = (now - job.startedMs) / 1000;
      const fps = done > 1 && sinceFirstS > 0 ? (done - 1) / sinceFirstS : elapsedS > 0 ? done / elapsedS : 0;
      job.progress = { ...job.progress, framesDone: done, framesTotal, fps, etaS: fps > 0 ? (framesTotal - done) / fps : null };
    };
    this.runner(options, onFrame, job.abort.signal).then(
      () => {
        const state = job.abort.signal.aborted ? 'cancelled' : 'done';
        const problem = this.writeReports ? refreshReport(options.outDir) : undefined;
        job.progress = { ...job.progress, state, etaS: 0, reportPath: reportPathOf(options.outDir), ...(problem ? { message: problem } : {}) };
      },
      (err: unknown) => {
        job.progress = { ...job.progress, state: 'failed', etaS: null, message: err instanceof Error ? err.message : String(err) };
      },
    );
    return jobId;
  }

  /** The running job, else the latest one, else null. */
  current(): ExportProgress | null {
    const all = [...this.jobs.values()];
    const job = all.find((j) => j.progress.state === 'running') ?? all[all.length - 1];
    return job ? { ...job.progress } : null;
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new StudioApiError(`no export job "${jobId}"`, 404);
    return job;
  }

  progress(jobId: string): ExportProgress {
    return { ...this.get(jobId).progress };
  }

  cancel(jobId: string): ExportProgress {
    const job = this.get(jobId);
    job.abort.abort();
    return { ...job.progress };
  }

  /** Stops every running job (host shutting down). */
  cancelAll(): void {
    for (const j of this.jobs.values()) j.abort.abort();
  }
}
