/**
 * Road geometry contract. Frames: world x, y on the ground plane, z up [m]; the main road
 * starts at the origin heading along +x. Road coordinates: s along a reference line [m],
 * t lateral from it, positive to the left [m].
 *
 * In the spirit of highway-env's lanes, every curve answers four questions; everything else
 * (placing actors, lane following, markings, meshes) is built on them.
 */

export interface Vec2 {
  x: number;
  y: number;
}

/** A curve in the ground plane parametrised by arc length s [m] and lateral offset t [m]. */
export interface Curve {
  readonly lengthM: number;
  /** World point at (s, t). s outside [0, lengthM] extrapolates along the end tangent. */
  position(s: number, t: number): Vec2;
  /** Road coordinates of a world point: the nearest s on the curve and the signed t. */
  localCoordinates(point: Vec2): { s: number; t: number };
  /** Heading of the direction of increasing s [rad], counter-clockwise from +x. */
  headingAt(s: number): number;
  /** Width of the lane or road at s [m]. */
  widthAt(s: number): number;
}

/** One lane of a road: a curve (its centre line) in its own direction of travel. */
export interface Lane extends Curve {
  /** Stable id, e.g. "main/1", "main/-1", "J1.left/1", "J1:main/1->J1.left/1". */
  readonly id: string;
  /** Road this lane belongs to. */
  readonly roadId: string;
  /** Lane index on its road (1.. forward, -1.. oncoming), 0 for connectors. */
  readonly index: number;
  /** Lanes that traffic may continue onto at the end of this one. */
  readonly next: string[];
}

/** A road's reference line with its cross-section (lanes, parking, sidewalks). */
export interface Road extends Curve {
  /** "main" or "<blockId>.<arm>". */
  readonly id: string;
  readonly forwardLanes: number;
  readonly backwardLanes: number;
  readonly laneWidthM: number;
  /** Lateral position [m] of the centre of a lane (1.. forward on the right, -1.. oncoming, or named). */
  laneCentreT(lane: number | string): number;
  /** Lateral extent of the drivable carriageway [m]: right edge (negative) and left edge. */
  readonly carriagewayT: { right: number; left: number };
  /** Outer edges including parking lanes, kerbs and sidewalks [m]. */
  readonly outerT: { right: number; left: number };
  /** s ranges [m] that lie inside a junction or roundabout area (no markings, no parking). */
  readonly junctionSpans: { fromS: number; toS: number; blockId: string }[];
  /** s ranges [m] covered by a tunnel. */
  readonly tunnelSpans: { fromS: number; toS: number; lightLevel: number }[];
}

/** A signal head: which lanes it controls and where they must stop. */
export interface SignalHead {
  /** Unique id, e.g. "J1/main". */
  readonly id: string;
  readonly junctionId: string;
  /** Phase group: heads of one group show the same colour. */
  readonly group: number;
  /** Lanes that stop at this head, and the s on each lane of the stop line [m]. */
  readonly stopLines: { laneId: string; s: number }[];
  /** Where the signal pole stands. */
  readonly position: Vec2;
  readonly headingRad: number;
}

export type SignalColour = 'green' | 'yellow' | 'red';

export interface JunctionInfo {
  readonly id: string;
  readonly kind: 'junction' | 'roundabout';
  readonly centre: Vec2;
  /** Radius of the area inside which lanes are connectors [m]. */
  readonly radiusM: number;
  readonly signalHeads: SignalHead[];
  /** Colour of a phase group at time t [s]; always green without signals. */
  colourAt(group: number, timeS: number): SignalColour;
}

/** Everything built from a RoadSpec. Pure data plus geometry queries. */
export interface RoadNetwork {
  readonly roads: ReadonlyMap<string, Road>;
  /** Every lane, connectors included. */
  readonly lanes: ReadonlyMap<string, Lane>;
  readonly junctions: readonly JunctionInfo[];
  /** The lane with this index or name on this road; throws a clear error naming both if absent. */
  lane(roadId: string, lane: number | string): Lane;
  /**
   * Lanes to drive from `fromLaneId` through a junction or roundabout `at`: the connector(s)
   * and the outgoing lane. For a roundabout `exit` counts exits, 1 = first.
   */
  route(fromLaneId: string, at: string, turn: { direction?: 'left' | 'right' | 'straight'; exit?: number }): Lane[];
  /** Axis-aligned bounds of everything built, with a margin [m]; leaving them ends a simulation. */
  readonly bounds: { minX: number; minY: number; maxX: number; maxY: number };
  /** Tyre-road friction coefficient from the surface and weather. */
  readonly frictionMu: number;
}
