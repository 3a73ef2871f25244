/** Sampling helpers on the Road contract: s samples, and edges of constant lateral offset as three.js point arrays. */
import type { Curve } from '../../road/types.js';

/** s samples from `fromS` to `toS` at most `stepM` apart, both ends included. */
export function sampleS(fromS: number, toS: number, stepM: number): number[] {
  const n = Math.max(1, Math.ceil((toS - fromS) / stepM));
  const out: number[] = [];
  for (let i = 0; i <= n; i++) out.push(fromS + ((toS - fromS) * i) / n);
  return out;
}

/** three.js points (flat x, y, z) of the line at lateral offset t [m] and height [m] over the samples. */
export function edgeAt(curve: Curve, samples: readonly number[], tM: number, heightM: number): number[] {
  const out: number[] = [];
  for (const s of samples) {
    const p = curve.position(s, tM);
    out.push(p.x, heightM, -p.y);
  }
  return out;
}
