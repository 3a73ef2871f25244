/**
 * Sampling helpers on the Road contract: s intervals outside junction areas, and edges of
 * constant lateral offset as three.js point arrays.
 */
import type { Curve, Road } from '../../road/types.js';

export interface SpanM {
  fromS: number;
  toS: number;
}

/** Parts of [0, lengthM] not covered by any of `holes` (markings, kerbs and parking stop at junctions). */
export function spansOutside(lengthM: number, holes: readonly SpanM[]): SpanM[] {
  const sorted = [...holes].sort((a, b) => a.fromS - b.fromS);
  const out: SpanM[] = [];
  let s = 0;
  for (const h of sorted) {
    if (h.fromS > s) out.push({ fromS: s, toS: Math.min(h.fromS, lengthM) });
    s = Math.max(s, h.toS);
  }
  if (s < lengthM) out.push({ fromS: s, toS: lengthM });
  return out.filter((p) => p.toS - p.fromS > 1e-3);
}

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

/** Whether a road has a junction area at s. */
export function inJunction(road: Road, s: number): boolean {
  return road.junctionSpans.some((j) => s >= j.fromS && s <= j.toS);
}
