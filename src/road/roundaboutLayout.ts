import type { RoadBlock } from '../scenario/types.js';
import type { Vec2 } from './types.js';
import type { Pose } from './curves/Pose.js';
import type { CrossSection } from './CrossSection.js';

type RoundaboutBlock = Extract<RoadBlock, { kind: 'roundabout' }>;

/** Space between the ring's outer edge and the end of each arm, for the entry curves [m]. */
const ENTRY_GAP_M = 6;

export interface RoundaboutLayout {
  centre: Vec2;
  /** Distance from the centre at which every arm ends [m]. */
  armDistanceM: number;
  outerRadiusM: number;
  islandRadiusM: number;
  /** Centre radius of ring lane j (1 = innermost) [m]. */
  ringRadiusM(j: number): number;
  /** Angle from the centre towards arm k [rad]; arms are counted counter-clockwise from arm 0. */
  armAngleRad(k: number): number;
  /** Half the angle on the ring between a ring lane's exit and entry points at one arm [rad]. */
  mergeAngleRad(j: number): number;
}

/**
 * Geometry of a roundabout entered from `entry` (the main road's pose on arm 0). Right-hand
 * traffic circulates counter-clockwise, so exits are counted counter-clockwise: arm k lies at
 * angle (entry heading + pi + k 2 pi / arms) from the centre. The centre lies armDistanceM
 * ahead of the entry.
 */
export function roundaboutLayout(block: RoundaboutBlock, section: CrossSection, entry: Pose): RoundaboutLayout {
  const w = section.laneWidthM;
  const n = block.arms;
  if (block.exitArm < 1 || block.exitArm >= n) {
    throw new Error(`roundabout block "${block.id}": exitArm ${block.exitArm} must be between 1 and arms - 1 (${n - 1})`);
  }
  const outer = block.radiusM + (block.lanes * w) / 2;
  const island = block.radiusM - (block.lanes * w) / 2;
  if (island < 2) {
    throw new Error(
      `roundabout block "${block.id}": radiusM ${block.radiusM} m leaves no central island for ${block.lanes} lane(s) of ${w} m; use radiusM >= ${(2 + (block.lanes * w) / 2).toFixed(1)}`,
    );
  }
  // Arms must not overlap where they end: half an arm's width must fit in half the angle between arms.
  const dist = Math.max(outer + ENTRY_GAP_M, (1.15 * section.halfWidthM) / Math.sin(Math.PI / n));
  const centre = { x: entry.x + dist * Math.cos(entry.headingRad), y: entry.y + dist * Math.sin(entry.headingRad) };
  const ringRadiusM = (j: number): number => island + (j - 0.5) * w;
  return {
    centre,
    armDistanceM: dist,
    outerRadiusM: outer,
    islandRadiusM: island,
    ringRadiusM,
    armAngleRad: (k) => entry.headingRad + Math.PI + (k * 2 * Math.PI) / n,
    mergeAngleRad: (j) => {
      const r = ringRadiusM(j);
      return Math.min((0.8 * Math.PI) / n, Math.atan2(w / 2 + dist - r, r));
    },
  };
}
