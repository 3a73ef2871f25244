/**
 * How a frame's PNGs leave the page. As one Blob kept here until the host takes it (CDP's
 * IO.read: the browser process reads and base64-encodes it natively, and the page's main thread
 * does nothing), or as base64 strings in the frame's result (the page's main thread serializes
 * them into the reply: measured 38 ms of its CPU for 0.9 MB of PNG, against 1.5 ms as a Blob).
 */
import { PASS_NAMES, type PageFrameImages, type PassName } from '../request.js';

/** Frames whose images were never taken (a host that failed mid-frame) are forgotten after this many newer ones. */
const KEPT = 16;

export class ImageOutbox {
  private readonly waiting = new Map<number, Blob>();
  private last = 0;

  /** The frame's PNGs as the request asked for them. */
  async send(pngs: Partial<Record<PassName, Blob>>, as: 'blob' | 'base64'): Promise<PageFrameImages> {
    const order = PASS_NAMES.filter((p) => pngs[p] !== undefined);
    // No images (labels only): nothing for the host to fetch.
    if (as === 'base64' || order.length === 0) {
      return { as: 'base64', png: Object.fromEntries(await Promise.all(order.map(async (p) => [p, await base64Of(pngs[p]!)] as const))) };
    }
    const token = ++this.last;
    this.waiting.set(token, new Blob(order.map((p) => pngs[p]!)));
    for (const old of this.waiting.keys()) {
      if (this.waiting.size <= KEPT) break;
      this.waiting.delete(old);
    }
    return { as, token, sizes: order.map((p) => [p, pngs[p]!.size]) };
  }

  take(token: number): Blob {
    const blob = this.waiting.get(token);
    if (!blob) throw new Error(`render page: no images waiting for frame token ${token} (taken already, or dropped after ${KEPT} newer frames)`);
    this.waiting.delete(token);
    return blob;
  }
}

/** Base64 of a Blob, by the browser's own encoder (a data URL). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string;
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('render page: could not read a PNG'));
    reader.readAsDataURL(blob);
  });
}
