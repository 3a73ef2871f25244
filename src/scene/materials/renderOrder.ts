/**
 * Draw order of the opaque groups: near, large occluders first, so a software rasteriser's
 * depth test rejects hidden fragments before they are shaded (the ground plane and the sky
 * mostly lie behind everything else).
 */
export const RENDER_ORDER = {
  actors: 0,
  road: 1,
  markings: 2,
  roadside: 3,
  ground: 4,
  sky: 10,
} as const;
