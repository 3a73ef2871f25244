/** Sampling helpers on the Road contract: s samples (the road layer's), and edges of constant lateral offset as three.js point arrays. */
import type { Curve } from '../../road/types.js';

export { sampleS } from '../../road/roadGeometry.js';

/** three.js points (flat x, y, z) of the line at lateral offset t [m] and height [m] over the samples. */
export function edgeAt(curve: Curve, samples: readonly number[], tM: number, heightM: number): number[] {
  const out: number[] = [];
  for (const s of samples) {
    const p = curve.position(s, tM);
    out.push(p.x, heightM, -p.y);
  }
  return out;
}
