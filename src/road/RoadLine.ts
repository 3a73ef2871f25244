import type { Road, Vec2 } from './types.js';
import type { CompositeCurve } from './curves/CompositeCurve.js';
import type { CrossSection } from './CrossSection.js';

/**
 * A road: a reference curve (t = 0 between the two directions) with its cross-section and
 * spans. Implements the Curve questions by delegating to the reference; widthAt is the
 * carriageway width.
 */
export class RoadLine implements Road {
  readonly junctionSpans: { fromS: number; toS: number; blockId: string }[] = [];
  readonly tunnelSpans: { fromS: number; toS: number; lightLevel: number }[] = [];

  constructor(
    readonly id: string,
    readonly reference: CompositeCurve,
    readonly section: CrossSection,
  ) {}

  get lengthM(): number {
    return this.reference.lengthM;
  }
  get forwardLanes(): number {
    return this.section.forwardLanes;
  }
  get backwardLanes(): number {
    return this.section.backwardLanes;
  }
  get laneWidthM(): number {
    return this.section.laneWidthM;
  }
  get carriagewayT(): { right: number; left: number } {
    return this.section.carriagewayT;
  }
  get outerT(): { right: number; left: number } {
    return this.section.outerT;
  }

  laneCentreT(lane: number | string): number {
    const t = this.section.centreT(lane);
    if (t === undefined) throw new Error(`road "${this.id}" has no lane ${JSON.stringify(lane)}; it has lanes: ${this.section.describeLanes()}`);
    return t;
  }

  position(s: number, t: number): Vec2 {
    return this.reference.position(s, t);
  }
  localCoordinates(point: Vec2): { s: number; t: number } {
    return this.reference.localCoordinates(point);
  }
  headingAt(s: number): number {
    return this.reference.headingAt(s);
  }
  widthAt(_s: number): number {
    return this.section.carriagewayT.left - this.section.carriagewayT.right;
  }

  /** The junction span holding s, if any. */
  junctionAt(s: number): { fromS: number; toS: number; blockId: string } | undefined {
    return this.junctionSpans.find((j) => s >= j.fromS && s <= j.toS);
  }
}
