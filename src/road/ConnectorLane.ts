import type { Lane, Vec2 } from './types.js';
import type { Curve } from './types.js';

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
export class ConnectorLane implements Lane {
  readonly index = 0;
  readonly next: string[] = [];

  constructor(
    readonly id: string,
    readonly roadId: string,
    readonly curve: Curve,
    readonly ends: ConnectorEnds,
    private readonly widthM: number,
  ) {}

  get lengthM(): number {
    return this.curve.lengthM;
  }

  position(s: number, t: number): Vec2 {
    return this.curve.position(s, t);
  }

  localCoordinates(point: Vec2): { s: number; t: number } {
    return this.curve.localCoordinates(point);
  }

  headingAt(s: number): number {
    return this.curve.headingAt(s);
  }

  widthAt(_s: number): number {
    return this.widthM;
  }
}
