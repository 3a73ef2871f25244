/**
 * PNG encodes in Web Workers, so that compressing one frame's images overlaps with drawing the
 * next: the page's own thread only reads back and hands the buffers over. Each worker runs the
 * source text of pngEncoderScope() and rleDeflateScope(). Where workers cannot start, encodes run on the page's thread.
 */
import { rleDeflate, rleDeflateScope } from './rleDeflate.js';
import { type EncodeJob, type Encoded, type PngEncoder, pngEncoderScope } from './pngEncoderScope.js';

const WORKER_SOURCE = `const encoder = (${pngEncoderScope.toString()})((${rleDeflateScope.toString()})());
onmessage = async (e) => {
  const { id, job } = e.data;
  try {
    const { pngs, pixels } = await encoder.encode(job);
    postMessage({ id, pngs, pixels }, [pixels.buffer]);
  } catch (err) {
    postMessage({ id, error: String((err && err.stack) || err) });
  }
};`;

/** A worker's answer to job `id`. */
interface Reply extends Partial<Encoded> {
  id: number;
  error?: string;
}

interface Pending {
  resolve: (done: Encoded) => void;
  reject: (err: Error) => void;
  worker: number;
}

export class EncoderPool implements PngEncoder {
  private readonly workers: Worker[] = [];
  /** Jobs in flight per worker. */
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly local: PngEncoder | null = null;

  /**
   * @param size  how many workers; by default one per core but one, up to 4: the page's own
   *   thread and, without a GPU, the rasterizer need a core. On 2 cores one worker gave 10-20 %
   *   more labeled 1280x720 frames/s than two, with 10-15 % less CPU a frame (four runs each,
   *   in turns: two workers and two rasterizer threads on two cores slowed each other down),
   *   and the same at 640x360.
   */
  constructor(size = Math.min(4, Math.max(1, (navigator.hardwareConcurrency || 2) - 1))) {
    try {
      const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
      for (let i = 0; i < size; i++) {
        const w = new Worker(url);
        const index = this.workers.length;
        w.onmessage = (e: MessageEvent<Reply>) => this.settle(e.data);
        // A worker that dies fails its jobs (the frame's render fails and is retried) instead of hanging them.
        w.onerror = (e: ErrorEvent) => this.failWorker(index, e.message);
        this.workers.push(w);
        this.load.push(0);
      }
      URL.revokeObjectURL(url);
    } catch {
      for (const w of this.workers) w.terminate();
      this.workers.length = 0;
      this.local = pngEncoderScope(rleDeflate);
    }
  }

  /**
   * The PNGs of a readback. The job's pixel buffer is handed to a worker (transferred) and comes
   * back with the PNGs: the caller must not use it in between.
   */
  encode(job: EncodeJob): Promise<Encoded> {
    if (this.local) return this.local.encode(job);
    let worker = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! < this.load[worker]!) worker = i;
    const id = this.nextId++;
    this.load[worker]!++;
    return new Promise<Encoded>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      this.workers[worker]!.postMessage({ id, job }, [job.pixels.buffer]);
    });
  }

  private settle(msg: Reply): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    this.load[p.worker]!--;
    if (msg.pngs && msg.pixels) p.resolve({ pngs: msg.pngs, pixels: msg.pixels });
    else p.reject(new Error(`PNG encoder: ${msg.error ?? 'no result'}`));
  }

  private failWorker(worker: number, message: string): void {
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      this.load[worker]!--;
      p.reject(new Error(`PNG encoder worker failed: ${message}`));
    }
  }

  dispose(): void {
    for (const w of this.workers) w.terminate();
    for (const p of this.pending.values()) p.reject(new Error('PNG encoder: closed'));
    this.pending.clear();
  }
}
