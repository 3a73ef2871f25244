import { AlongCurve } from './AlongCurve.js';
import type { Road } from './types.js';
import type { CompositeCurve } from './curves/CompositeCurve.js';
import type { CrossSection } from './CrossSection.js';

/**
 * A road: a reference curve (t = 0 between the two directions) with its cross-section and
 * spans. The Curve questions are the reference's (AlongCurve); widthAt is the carriageway
 * width.
 */
export class RoadLine extends AlongCurve implements Road {
  readonly junctionSpans: { fromS: number; toS: number; blockId: string }[] = [];
  readonly tunnelSpans: { fromS: number; toS: number; lightLevel: number }[] = [];

  constructor(
    readonly id: string,
    readonly reference: CompositeCurve,
    readonly section: CrossSection,
  ) {
    super(reference);
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

  widthAt(_s: number): number {
    return this.section.carriagewayT.left - this.section.carriagewayT.right;
  }

  /** The junction span holding s, if any. */
  junctionAt(s: number): { fromS: number; toS: number; blockId: string } | undefined {
    return this.junctionSpans.find((j) => s >= j.fromS && s <= j.toS);
  }
}
