/**
 * The host's end of how a frame's PNGs leave the render page (render/page/imageOutbox.ts): one
 * Blob per frame read over the page's CDP session (IO.read, which the browser process encodes
 * as base64 natively), or base64 strings in the page call's result where there is no session.
 * Measured for 0.9 MB of PNG: 32 ms of CPU over all processes by Blob, 88 ms as a string in the
 * result (38 of them on the page's main thread).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { PageFrameImages, PassName } from '../../render/request.js';

/** Bytes asked for per IO.read: a frame's PNGs in one read. */
const READ_BYTES = 16 << 20;

/** A CDP session of the page, or null where the browser offers none. */
export async function cdpSessionOf(page: Page): Promise<CDPSession | null> {
  try {
    return await page.context().newCDPSession(page);
  } catch {
    return null;
  }
}

/** The PNGs of a frame, by pass (read by Blob: views of one buffer). */
export async function receiveImages(cdp: CDPSession | null, images: PageFrameImages): Promise<Map<PassName, Uint8Array>> {
  if (images.as === 'base64') {
    return new Map(Object.entries(images.png).map(([pass, b64]) => [pass as PassName, new Uint8Array(Buffer.from(b64, 'base64'))]));
  }
  if (!cdp) throw new Error('render host: the page kept its PNGs as a Blob, but there is no CDP session to read it');
  const bytes = await readBlob(cdp, `window.roadsynthPage.takeImages(${Number(images.token)})`);
  const out = new Map<PassName, Uint8Array>();
  let at = 0;
  for (const [pass, size] of images.sizes) {
    out.set(pass, bytes.subarray(at, at + size));
    at += size;
  }
  if (at !== bytes.length) throw new Error(`render host: a frame's PNGs came to ${bytes.length} bytes where the page listed ${at}`);
  return out;
}

/** The bytes of the Blob that `expression` gives in the page; the page's reference is released. */
async function readBlob(cdp: CDPSession, expression: string): Promise<Uint8Array> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression });
  if (exceptionDetails || !result.objectId) {
    throw new Error(`render host: ${expression} failed: ${exceptionDetails?.exception?.description ?? exceptionDetails?.text ?? 'no object'}`);
  }
  try {
    const { uuid } = await cdp.send('IO.resolveBlob', { objectId: result.objectId });
    const handle = `blob:${uuid}`;
    const parts: Buffer[] = [];
    try {
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle, size: READ_BYTES });
        if (!chunk.base64Encoded && chunk.data.length > 0) throw new Error('render host: IO.read gave a Blob as text, not base64');
        parts.push(Buffer.from(chunk.data, 'base64'));
        if (chunk.eof) break;
      }
    } finally {
      // A failure here must not hide the read's own (a closed session fails both).
      await cdp.send('IO.close', { handle }).catch(() => undefined);
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId }).catch(() => undefined);
  }
}
