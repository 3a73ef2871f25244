/** Public entry points of the road layer. */
export type * from './types.js';
export { buildRoadNetwork } from './buildRoadNetwork.js';
export { frictionFor, FRICTION_MU } from './frictionFor.js';
export { placementPose, type PlacementPose } from './placementPose.js';
export { roadGeometry, type RoadGeometry, type SurfaceStrip, type MarkingLine, type CrosswalkGeometry, type AreaGeometry } from './roadGeometry.js';
export { LaneNetwork } from './LaneNetwork.js';
export { OffsetLane } from './OffsetLane.js';
export { ConnectorLane } from './ConnectorLane.js';
export { RoadLine } from './RoadLine.js';
export { JunctionArea } from './JunctionArea.js';
