import type { RoadBlock, RoadSpec } from '../scenario/types.js';
import type { Pose } from './curves/Pose.js';
import { CompositeCurve } from './curves/CompositeCurve.js';
import { CrossSection } from './CrossSection.js';
import { RoadLine } from './RoadLine.js';
import { roundaboutLayout } from './roundaboutLayout.js';
import { wrapAngle } from '../math/angles.js';

type JunctionBlock = Extract<RoadBlock, { kind: 'junction' }>;
type RoundaboutBlock = Extract<RoadBlock, { kind: 'roundabout' }>;

/** Where a junction or roundabout sits on the main road, for the block builders. */
export type BlockAnchor =
  | { kind: 'junction'; block: JunctionBlock; fromS: number; toS: number }
  | { kind: 'roundabout'; block: RoundaboutBlock; fromS: number; toS: number; entry: Pose };

/**
 * The main road: its reference line is the blocks chained end to end from the origin,
 * heading +x (MetaDrive-style: a road is a string of blocks).
 *   straight, tunnel: a straight piece (tunnel adds a tunnel span);
 *   curve: an arc, with clothoid entry and exit of transitionM each when > 0;
 *   shift: a half-cosine sideways shift;
 *   junction: a straight piece across the junction (2 x the road's half width), a junction span;
 *   roundabout: the piece from the entry arm to the exit arm through the ring centre's
 *     fillet (a straight line or an arc tangent to both arm axes), a junction span.
 */
export function buildMainRoad(spec: RoadSpec): { road: RoadLine; anchors: BlockAnchor[] } {
  const section = new CrossSection(spec);
  const curve = new CompositeCurve({ x: 0, y: 0, headingRad: 0 }, section.carriagewayT.left - section.carriagewayT.right);
  const road = new RoadLine('main', curve, section);
  const anchors: BlockAnchor[] = [];
  for (const block of spec.blocks) {
    const from = curve.lengthM;
    switch (block.kind) {
      case 'straight':
        curve.straight(block.lengthM);
        break;
      case 'tunnel':
        curve.straight(block.lengthM);
        road.tunnelSpans.push({ fromS: from, toS: curve.lengthM, lightLevel: block.lightLevel });
        break;
      case 'shift':
        curve.sineShift(block.lengthM, block.offsetM);
        break;
      case 'curve':
        appendCurve(curve, block);
        break;
      case 'junction': {
        curve.straight(2 * section.halfWidthM);
        road.junctionSpans.push({ fromS: from, toS: curve.lengthM, blockId: block.id });
        anchors.push({ kind: 'junction', block, fromS: from, toS: curve.lengthM });
        break;
      }
      case 'roundabout': {
        const entry = curve.endPose();
        const layout = roundaboutLayout(block, section, entry);
        const turn = wrapAngle(layout.armAngleRad(block.exitArm) - entry.headingRad);
        if (Math.abs(turn) < 1e-9) curve.straight(2 * layout.armDistanceM);
        else curve.arc(layout.armDistanceM / Math.tan(Math.abs(turn) / 2), Math.abs(turn), turn > 0 ? 'left' : 'right');
        road.junctionSpans.push({ fromS: from, toS: curve.lengthM, blockId: block.id });
        anchors.push({ kind: 'roundabout', block, fromS: from, toS: curve.lengthM, entry });
        break;
      }
    }
  }
  return { road, anchors };
}

function appendCurve(curve: CompositeCurve, block: Extract<RoadBlock, { kind: 'curve' }>): void {
  const angle = (block.angleDeg * Math.PI) / 180;
  const k = (block.direction === 'left' ? 1 : -1) / block.radiusM;
  const T = block.transitionM;
  if (T <= 0) {
    curve.arc(block.radiusM, angle, block.direction);
    return;
  }
  // Each clothoid turns T / (2R); the arc turns the rest.
  const arcAngle = angle - T / block.radiusM;
  if (arcAngle < 0) {
    throw new Error(
      `curve block "${block.id}": transitionM ${T} m is too long for a ${block.angleDeg} deg turn at radius ${block.radiusM} m; use at most ${(angle * block.radiusM).toFixed(1)} m`,
    );
  }
  curve.clothoid(T, 0, k);
  if (arcAngle > 1e-9) curve.arc(block.radiusM, arcAngle, block.direction);
  curve.clothoid(T, k, 0);
}
