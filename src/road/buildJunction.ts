import type { RoadSpec } from '../scenario/types.js';
import type { Vec2 } from './types.js';
import type { NetworkParts } from './NetworkParts.js';
import type { OffsetLane } from './OffsetLane.js';
import type { BlockAnchor } from './buildMainRoad.js';
import type { RoadLine } from './RoadLine.js';
import { matchingLane, type JunctionSide } from './ApproachLane.js';
import { buildArm, endsAt } from './buildArm.js';
import { classifyTurn, JunctionArea } from './JunctionArea.js';
import { makeConnector } from './makeConnector.js';
import { registerStart } from './registerStart.js';
import { SignalPlan } from './SignalPlan.js';

/** Gap between the carriageway edge and a signal pole [m]. */
const POLE_GAP_M = 0.5;

/**
 * A T or four-way junction on the main road. Arms are roads "<id>.left" / "<id>.right"
 * whose reference lines start armLengthM away and point into the junction, ending at the main
 * road's outer edge; their forward lanes approach, their oncoming lanes leave.
 *
 * Connectors: from every incoming lane to every outgoing lane of every other side (cubic
 * Beziers tangent at both ends). Straight on along the main road needs none: lane main/i
 * itself runs through, so route(main/i, J, straight) = [main/i]. Signals: heads on the main
 * road sides (group 0) and the arms (group 1), stop lines at the junction edge.
 */
export function buildJunction(
  parts: NetworkParts,
  spec: RoadSpec,
  main: RoadLine,
  mainLanes: Map<number, OffsetLane>,
  anchor: Extract<BlockAnchor, { kind: 'junction' }>,
): JunctionArea {
  const { block } = anchor;
  const section = main.section;
  const centreS = (anchor.fromS + anchor.toS) / 2;
  const centre = main.position(centreS, 0);
  const heading = main.headingAt(centreS);
  const edge = section.halfWidthM;
  const signals = block.signals ? new SignalPlan(block) : undefined;
  const area = new JunctionArea(block.id, 'junction', centre, edge * Math.SQRT2, signals);

  const near = endsAt(mainLanes, anchor.fromS, anchor.fromS);
  const far = endsAt(mainLanes, anchor.toS, anchor.toS);
  const sides: JunctionSide[] = [
    { key: 'main', incoming: near.incoming, outgoing: near.outgoing, group: 0 },
    // The far side: oncoming lanes come in, forward lanes go out.
    { key: 'main-oncoming', incoming: far.outgoing, outgoing: far.incoming, group: 0 },
  ];
  const armSides = block.shape === 'four-way' ? (['left', 'right'] as const) : [block.side];
  for (const side of armSides) {
    const angle = heading + (side === 'left' ? Math.PI / 2 : -Math.PI / 2);
    const arm = buildArm(parts, `${block.id}.${side}`, section, centre, angle, edge, block.armLengthM);
    sides.push({ key: side, ...arm, group: 1 });
  }

  const mainKeys = new Set(['main', 'main-oncoming']);
  for (const from of sides) {
    for (const to of sides) {
      if (to === from) continue; // no U-turns
      const straightOnMain = mainKeys.has(from.key) && mainKeys.has(to.key);
      for (const inLane of from.incoming) {
        const direction = classifyTurn(inLane.pose.headingRad, to.outgoing[0]?.pose.headingRad ?? inLane.pose.headingRad);
        if (straightOnMain) {
          area.addRoute(inLane.lane.id, { direction, lanes: [inLane.lane.id], isDefault: true });
          continue;
        }
        for (const outLane of to.outgoing) {
          const connector = makeConnector(
            parts,
            block.id,
            { laneId: inLane.lane.id, s: inLane.s, pose: inLane.pose },
            { laneId: outLane.lane.id, s: outLane.s, pose: outLane.pose },
            section.laneWidthM,
          );
          registerStart(parts, inLane.lane.id, inLane.s, connector.id);
          if (matchingLane(inLane.index, to.outgoing) === outLane) {
            area.addRoute(inLane.lane.id, { direction, lanes: [connector.id, outLane.lane.id], isDefault: direction === 'straight' });
          }
        }
      }
    }
  }

  if (signals) {
    for (const side of sides) {
      if (side.incoming.length === 0) continue;
      const outermost = side.incoming.reduce((a, b) => (Math.abs(b.index) > Math.abs(a.index) ? b : a));
      const h = outermost.pose.headingRad;
      const right = section.laneWidthM / 2 + spec.shoulderM + POLE_GAP_M;
      const position: Vec2 = { x: outermost.pose.x + right * Math.sin(h), y: outermost.pose.y - right * Math.cos(h) };
      area.signalHeads.push({
        id: `${block.id}/${side.key}`,
        junctionId: block.id,
        group: side.group,
        stopLines: side.incoming.map((a) => ({ laneId: a.lane.id, s: a.s })),
        position,
        headingRad: h + Math.PI,
      });
    }
  }

  const s0 = anchor.fromS;
  const s1 = anchor.toS;
  area.areaPolygon = [
    main.position(s0, section.outerT.right),
    main.position(s1, section.outerT.right),
    main.position(s1, section.outerT.left),
    main.position(s0, section.outerT.left),
  ];
  return area;
}
