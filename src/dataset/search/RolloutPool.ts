/**
 * Rolls out batches of instances on worker threads (or in this thread for one worker). A batch
 * is split into contiguous chunks, one per worker, and results come back in input order, so a
 * search gives the same rollouts with any number of workers.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../packageRoot.js';
import type { SampledInstance } from '../../scenario/types.js';
import type { Evaluation, Evaluator } from '../../sampling/search/types.js';
import type { Objective } from './objectives.js';
import { rollout } from './rollout.js';

type Result = Evaluation & { error?: string };

/** The worker's entry, from the package root: this module may run from the CLI bundle in out/cli. */
const WORKER_ENTRY = path.join(PACKAGE_ROOT, 'src/dataset/search/rolloutWorker.mjs');

export class RolloutPool {
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(r: Result[]): void; reject(e: Error): void }>();
  /** Messages of failed rollouts, first few kept. */
  readonly errors: string[] = [];

  constructor(
    readonly objective: Objective,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`workers must be a positive whole number, got ${size}`);
    if (size === 1) return;
    for (let w = 0; w < size; w++) {
      const worker = new Worker(WORKER_ENTRY, { workerData: { objective } });
      worker.on('message', (m: { id: number; results: Result[] }) => {
        const job = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        job?.resolve(m.results);
      });
      const fail = (err: Error): void => {
        for (const job of this.waiting.values()) job.reject(err);
        this.waiting.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a rollout worker stopped with exit code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  private send(worker: Worker, instances: SampledInstance['instance'][]): Promise<Result[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, instances });
    });
  }

  private note(results: Result[]): Evaluation[] {
    return results.map(({ error, ...e }) => {
      if (error !== undefined && this.errors.length < 5) this.errors.push(error);
      return e;
    });
  }

  readonly evaluate: Evaluator = async (samples) => {
    if (this.workers.length === 0) return this.note(samples.map((s) => rollout(this.objective, s.instance)));
    const chunk = Math.ceil(samples.length / this.workers.length);
    const parts = this.workers.map((w, k) => {
      const slice = samples.slice(k * chunk, (k + 1) * chunk).map((s) => s.instance);
      return slice.length > 0 ? this.send(w, slice) : Promise.resolve([]);
    });
    return this.note((await Promise.all(parts)).flat());
  };

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
