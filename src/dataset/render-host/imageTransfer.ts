/**
 * The host's end of how a frame's PNGs leave the render page (render/page/imageOutbox.ts): one
 * body POSTed to the page server, or base64 strings in the page call's result.
 */
import type { PageFrameImages, PassName } from '../../render/request.js';

/**
 * The PNGs of a frame, by pass.
 * @param posted  the bytes the page POSTed for this frame (pageServer.ts expectUpload), where it did
 */
export async function receiveImages(images: PageFrameImages, posted: Promise<Uint8Array> | null): Promise<Map<PassName, Uint8Array>> {
  if (images.as === 'base64') {
    return new Map(Object.entries(images.png).map(([pass, b64]) => [pass as PassName, new Uint8Array(Buffer.from(b64, 'base64'))]));
  }
  if (images.sizes.length === 0) return new Map();
  if (!posted) throw new Error('render host: the page POSTed its PNGs, but the host expected none');
  const bytes = await posted;
  const out = new Map<PassName, Uint8Array>();
  let at = 0;
  for (const [pass, size] of images.sizes) {
    out.set(pass, bytes.subarray(at, at + size));
    at += size;
  }
  if (at !== bytes.length) throw new Error(`render host: a frame's PNGs came to ${bytes.length} bytes where the page listed ${at}`);
  return out;
}
