import type { Marking, NamedLane, RoadSpec } from '../scenario/types.js';

/** Width of the kerb stone between the roadway and a sidewalk [m]. */
export const KERB_WIDTH_M = 0.15;

/** A strip of the cross-section beside the carriageway. */
export interface Strip {
  kind: 'shoulder' | 'parking' | 'kerb' | 'sidewalk';
  side: 'left' | 'right';
  /** Inner and outer lateral edges [m] (inner nearer the reference line). */
  innerT: number;
  outerT: number;
}

/**
 * Lateral layout of a road, from the reference line (t = 0, between the two directions)
 * outwards on each side: lanes, shoulder, parking lane, kerb, sidewalk. Right-hand traffic:
 * forward lanes 1..n at negative t (lane 1 next to the centre line), oncoming -1..-m at
 * positive t.
 */
export class CrossSection {
  readonly forwardLanes: number;
  readonly backwardLanes: number;
  readonly laneWidthM: number;
  readonly carriagewayT: { right: number; left: number };
  readonly outerT: { right: number; left: number };
  readonly strips: Strip[] = [];
  /** Marking styles, kept for drawing (see roadGeometry). */
  readonly markings: { centre: Marking; lanes: Marking; edge: Marking };
  /** Height of kerb tops and sidewalks above the road [m]. */
  readonly kerbHeightM: number;

  constructor(spec: Pick<RoadSpec, 'lanes' | 'parking' | 'sidewalks' | 'shoulderM' | 'markings'>) {
    this.markings = { ...spec.markings };
    this.kerbHeightM = spec.sidewalks.kerbHeightM;
    this.forwardLanes = spec.lanes.forward;
    this.backwardLanes = spec.lanes.backward;
    this.laneWidthM = spec.lanes.widthM;
    const w = this.laneWidthM;
    this.carriagewayT = { right: -this.forwardLanes * w, left: this.backwardLanes * w };
    const outer = { right: 0, left: 0 };
    for (const side of ['right', 'left'] as const) {
      const sign = side === 'right' ? -1 : 1;
      let edge = Math.abs(this.carriagewayT[side]);
      const add = (kind: Strip['kind'], width: number): void => {
        if (width <= 0) return;
        this.strips.push({ kind, side, innerT: sign * edge, outerT: sign * (edge + width) });
        edge += width;
      };
      add('shoulder', spec.shoulderM);
      if (spec.parking[side]) add('parking', spec.parking.widthM);
      if (spec.sidewalks[side]) {
        add('kerb', KERB_WIDTH_M);
        add('sidewalk', spec.sidewalks.widthM);
      }
      outer[side] = sign * edge;
    }
    this.outerT = outer;
  }

  /** Largest distance of the outer edges from the reference line [m]. */
  get halfWidthM(): number {
    return Math.max(-this.outerT.right, this.outerT.left);
  }

  /** Lane indices that exist: 1..n, -1..-m. */
  laneIndices(): number[] {
    const out: number[] = [];
    for (let i = 1; i <= this.forwardLanes; i++) out.push(i);
    for (let i = 1; i <= this.backwardLanes; i++) out.push(-i);
    return out;
  }

  /** Named strips that exist on this road ("parking-right", ...). */
  namedLanes(): NamedLane[] {
    return this.strips.filter((s) => s.kind !== 'kerb').map((s) => `${s.kind}-${s.side}` as NamedLane);
  }

  /** Centre t of a lane or named strip [m], or undefined if the road has none. */
  centreT(lane: number | string): number | undefined {
    const w = this.laneWidthM;
    if (typeof lane === 'number') {
      if (!Number.isInteger(lane) || lane === 0) return undefined;
      if (lane > 0) return lane <= this.forwardLanes ? -(lane - 0.5) * w : undefined;
      return -lane <= this.backwardLanes ? (-lane - 0.5) * w : undefined;
    }
    const strip = this.strip(lane);
    return strip ? (strip.innerT + strip.outerT) / 2 : undefined;
  }

  strip(name: string): Strip | undefined {
    return this.strips.find((s) => `${s.kind}-${s.side}` === name && s.kind !== 'kerb');
  }

  /** Every lane name that exists, for error messages. */
  describeLanes(): string {
    return [...this.laneIndices().map(String), ...this.namedLanes()].join(', ');
  }
}
