import { AlongCurve } from './AlongCurve.js';
import type { Curve, Lane } from './types.js';

/** Where a connector leaves and joins ordinary lanes (lane ids and lane s [m]). */
export interface ConnectorEnds {
  fromLaneId: string;
  fromS: number;
  toLaneId: string;
  toS: number;
}

/**
 * A lane through a junction or roundabout: its own curve (t = 0 on the centre), lane index 0,
 * roadId = the junction or roundabout block id. `ends` tells where it leaves and joins.
 */
export class ConnectorLane extends AlongCurve implements Lane {
  readonly index = 0;
  readonly next: string[] = [];

  constructor(
    readonly id: string,
    readonly roadId: string,
    curve: Curve,
    readonly ends: ConnectorEnds,
    private readonly widthM: number,
  ) {
    super(curve);
  }

  widthAt(_s: number): number {
    return this.widthM;
  }
}
