/** A point in the ground plane with a heading [m, m, rad counter-clockwise from +x]. */
export interface Pose {
  x: number;
  y: number;
  headingRad: number;
}
