/**
 * How a frame's PNGs leave the page: POSTed as one body to the host's page server (raw bytes:
 * the browser's network code moves them, the page's main thread does nothing), or as base64
 * strings in the frame's result, serialized by the page's main thread (measured for 1.2 MB of
 * PNG, CPU over all processes: 14-17 ms POSTed, 25-55 ms read as a Blob over CDP, which this
 * replaced; 88 ms per 0.9 MB as strings).
 */
import { PASS_NAMES, type PageFrameImages, type PassName } from '../request.js';

/** Sends the frame's PNGs to `to` (a URL the host expects them at) or, without one, returns them as base64. */
export async function sendImages(pngs: Partial<Record<PassName, Blob>>, to: string | undefined): Promise<PageFrameImages> {
  const order = PASS_NAMES.filter((p) => pngs[p] !== undefined);
  if (to === undefined) {
    return { as: 'base64', png: Object.fromEntries(await Promise.all(order.map(async (p) => [p, await base64Of(pngs[p]!)] as const))) };
  }
  // No images (labels only): nothing to send, and the host waits for nothing.
  if (order.length === 0) return { as: 'posted', sizes: [] };
  const res = await fetch(to, { method: 'POST', body: new Blob(order.map((p) => pngs[p]!)) });
  if (!res.ok) throw new Error(`render page: the host refused the frame's images (HTTP ${res.status} from ${to})`);
  return { as: 'posted', sizes: order.map((p) => [p, pngs[p]!.size]) };
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
