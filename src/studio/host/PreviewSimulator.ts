/**
 * Runs preview simulations on a worker thread, so a long simulation never blocks the host's
 * event loop (every other API call keeps answering), and cancels an outdated one: a new
 * request stops the worker still busy with the previous request, whose caller gets a
 * "superseded" failure instead of a result nobody will show.
 *
 * Where no worker can be started (a packaged build without the TypeScript sources) it falls
 * back to this thread; the simulation budget (src/sim/simulate.ts) still bounds each run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../../dataset/packageRoot.js';
import type { SimulateRequest, SimulateResponse } from '../api.js';
import { simulatePreview } from './previewService.js';

const WORKER_ENTRY = path.join(PACKAGE_ROOT, 'src/studio/host/simulateWorker.mjs');

interface Pending {
  id: number;
  resolve(r: SimulateResponse): void;
  reject(e: Error): void;
}

export function supersededResponse(fileName: string): SimulateResponse {
  const message = 'preview cancelled: a newer preview was asked for';
  return { ok: false, errors: [{ file: fileName, line: 1, col: 1, pointer: '', message }], formatted: [message] };
}

export class PreviewSimulator {
  private worker: Worker | null = null;
  private pending: (Pending & { fileName: string }) | null = null;
  private serial = 0;
  /** Requests cancelled because a newer one came (for tests and the status line). */
  cancelled = 0;

  constructor(private readonly useWorker = existsSync(WORKER_ENTRY)) {}

  private spawn(): Worker {
    const w = new Worker(WORKER_ENTRY);
    w.unref();
    w.on('message', (m: { id: number; res?: SimulateResponse; error?: string }) => {
      const p = this.pending;
      if (this.worker !== w || !p || p.id !== m.id) return;
      this.pending = null;
      if (m.res) p.resolve(m.res);
      else p.reject(new Error(m.error ?? 'simulation failed'));
    });
    // A worker stopped on purpose (superseded) is no longer this.worker: its end concerns nobody.
    const fail = (err: Error): void => {
      if (this.worker !== w) return;
      this.worker = null;
      const p = this.pending;
      this.pending = null;
      p?.reject(err);
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the simulation worker stopped (exit ${code})`)));
    return w;
  }

  simulate(req: SimulateRequest): Promise<SimulateResponse> {
    if (!this.useWorker) return Promise.resolve(simulatePreview(req));
    if (this.pending && this.worker) {
      // The worker is busy with an outdated request: stop it rather than wait for it.
      const old = this.pending;
      this.pending = null;
      this.cancelled++;
      const w = this.worker;
      this.worker = null;
      void w.terminate();
      old.resolve(supersededResponse(old.fileName));
    }
    this.worker ??= this.spawn();
    const id = ++this.serial;
    return new Promise<SimulateResponse>((resolve, reject) => {
      this.pending = { id, resolve, reject, fileName: req.fileName };
      this.worker!.postMessage({ id, req });
    });
  }

  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.pending?.resolve(supersededResponse(this.pending.fileName));
    this.pending = null;
    await w?.terminate();
  }
}
