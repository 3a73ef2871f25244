/**
 * Pixels an object covers with nothing in front of it: the object's subtree rendered alone
 * into the instance target, scissored to where it can appear, and its id counted there.
 * Call while a SceneOverride is applied.
 */
import type * as THREE from 'three';
import type { Box2 } from '../types.js';
import { ID_BITS, idWords } from '../labels/idStats.js';

export function unoccludedPixels(
  renderer: THREE.WebGLRenderer,
  root: THREE.Object3D,
  trackId: number,
  camera: THREE.Camera,
  target: THREE.WebGLRenderTarget,
  /** Whole-pixel region of the image that contains every pixel the object can cover [px]. */
  region: Box2,
  scratch: Uint8Array,
): number {
  const [x1, y1, x2, y2] = region;
  const w = x2 - x1,
    h = y2 - y1;
  if (w <= 0 || h <= 0) return 0;
  const yBottom = target.height - y2; // GL windows count rows from the bottom
  target.scissor.set(x1, yBottom, w, h);
  target.scissorTest = true;
  renderer.setRenderTarget(target);
  renderer.setClearColor(0x000000, 0);
  renderer.clear(true, true, true);
  renderer.render(root, camera);
  const buf = scratch.length >= w * h * 4 ? scratch.subarray(0, w * h * 4) : new Uint8Array(w * h * 4);
  renderer.readRenderTargetPixels(target, x1, yBottom, w, h, buf);
  target.scissorTest = false;
  renderer.setRenderTarget(null);
  return countId(idWords(buf), trackId);
}

/** How many of `words` (idWords) hold `trackId`. */
function countId(words: Uint32Array, trackId: number): number {
  let n = 0;
  for (let p = 0; p < words.length; p++) if ((words[p]! & ID_BITS) === trackId) n++;
  return n;
}
