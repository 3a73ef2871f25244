/**
 * KITTI occluded level from the occlusion fraction. KITTI's annotators judged it by eye; here it
 * follows fixed thresholds on 1 - visible / unoccluded pixels:
 *   < 0.1 -> 0 fully visible, < 0.5 -> 1 partly occluded, otherwise 2 largely occluded;
 *   3 (unknown) when the object covers no pixel even unoccluded.
 */
export const OCCLUSION_THRESHOLDS = { partly: 0.1, largely: 0.5 } as const;

export function occludedLevel(occlusion: number, unoccludedPixels: number): 0 | 1 | 2 | 3 {
  if (unoccludedPixels <= 0) return 3;
  if (occlusion < OCCLUSION_THRESHOLDS.partly) return 0;
  if (occlusion < OCCLUSION_THRESHOLDS.largely) return 1;
  return 2;
}
