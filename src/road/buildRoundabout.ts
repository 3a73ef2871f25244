import { circlePolygon } from './curves/circlePolygon.js';
import type { NetworkParts } from './NetworkParts.js';
import type { OffsetLane } from './OffsetLane.js';
import type { BlockAnchor } from './buildMainRoad.js';
import type { RoadLine } from './RoadLine.js';
import type { Pose } from './curves/Pose.js';
import { matchingLane, type ApproachLane } from './ApproachLane.js';
import { buildArm, endsAt } from './buildArm.js';
import { registerStart } from './registerStart.js';
import { ArcCurve } from './curves/ArcCurve.js';
import { wrapAngle } from '../math/angles.js';
import { classifyTurn, JunctionArea } from './JunctionArea.js';
import { makeConnector } from './makeConnector.js';
import { addLane } from './NetworkParts.js';
import { ConnectorLane } from './ConnectorLane.js';
import { roundaboutLayout } from './roundaboutLayout.js';

/**
 * A roundabout: a ring of `lanes` circulating lanes (lane 1 innermost) run counter-clockwise.
 * The main road enters at arm 0 and leaves at exitArm; the other arms are roads "<id>.<k>"
 * pointing into the roundabout. Each ring lane is cut into pieces between the arms:
 *   "<id>:ring/<j>@<k>"        passes arm k (from its exit point to its entry point),
 *   "<id>:ring/<j>@<k>-<k+1>"  runs from arm k's entry point to arm k+1's exit point.
 * Entry connectors join an incoming lane to a ring lane; exit connectors leave a ring lane for
 * an outgoing lane. route(lane, id, {exit: e}) = [entry, ring pieces..., exit, outgoing lane].
 */
export function buildRoundabout(parts: NetworkParts, main: RoadLine, mainLanes: Map<number, OffsetLane>, anchor: Extract<BlockAnchor, { kind: 'roundabout' }>): JunctionArea {
  const { block } = anchor;
  const section = main.section;
  const w = section.laneWidthM;
  const n = block.arms;
  const layout = roundaboutLayout(block, section, anchor.entry);
  const c = layout.centre;
  const area = new JunctionArea(block.id, 'roundabout', c, layout.armDistanceM, undefined);
  area.islandRadiusM = layout.islandRadiusM;
  area.areaPolygon = circlePolygon(c, layout.armDistanceM);

  // Arms: incoming and outgoing lanes at the arm ends.
  const near = endsAt(mainLanes, anchor.fromS, anchor.fromS);
  const far = endsAt(mainLanes, anchor.toS, anchor.toS);
  const arms: { incoming: ApproachLane[]; outgoing: ApproachLane[] }[] = [];
  for (let k = 0; k < n; k++) {
    if (k === 0) arms.push(near);
    else if (k === block.exitArm) arms.push({ incoming: far.outgoing, outgoing: far.incoming });
    else arms.push(buildArm(parts, `${block.id}.${k}`, section, c, layout.armAngleRad(k), layout.armDistanceM, block.armLengthM));
  }

  // Ring pieces per ring lane j and arm k.
  const ringPose = (j: number, angle: number): Pose => {
    const r = layout.ringRadiusM(j);
    return { x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle), headingRad: angle + Math.PI / 2 };
  };
  const passId = (j: number, k: number): string => `${block.id}:ring/${j}@${k}`;
  const betweenId = (j: number, k: number): string => `${block.id}:ring/${j}@${k}-${(k + 1) % n}`;
  for (let j = 1; j <= block.lanes; j++) {
    const r = layout.ringRadiusM(j);
    const a = layout.mergeAngleRad(j);
    const passM = r * 2 * a;
    const betweenM = r * ((2 * Math.PI) / n - 2 * a);
    for (let k = 0; k < n; k++) {
      const phi = layout.armAngleRad(k);
      const next = (k + 1) % n;
      const pass = new ConnectorLane(
        passId(j, k),
        block.id,
        new ArcCurve(ringPose(j, phi - a), r, 2 * a, 'left', w),
        {
          fromLaneId: betweenId(j, (k + n - 1) % n),
          fromS: betweenM,
          toLaneId: betweenId(j, k),
          toS: 0,
        },
        w,
      );
      pass.next.push(betweenId(j, k));
      addLane(parts, pass);
      const between = new ConnectorLane(
        betweenId(j, k),
        block.id,
        new ArcCurve(ringPose(j, phi + a), r, (2 * Math.PI) / n - 2 * a, 'left', w),
        {
          fromLaneId: passId(j, k),
          fromS: passM,
          toLaneId: passId(j, next),
          toS: 0,
        },
        w,
      );
      between.next.push(passId(j, next));
      addLane(parts, between);
    }
  }

  // Exit connectors: ring lane j at arm k -> the matching outgoing lane.
  const exitOf = new Map<string, string>();
  for (let k = 0; k < n; k++) {
    const arm = arms[k]!;
    for (let j = 1; j <= block.lanes; j++) {
      const out = matchingLane(j, arm.outgoing);
      if (!out) continue;
      const prev = betweenId(j, (k + n - 1) % n);
      const prevLane = parts.lanes.get(prev)!;
      const ex = makeConnector(
        parts,
        block.id,
        { laneId: `ring/${j}@${k}`, s: 0, pose: ringPose(j, layout.armAngleRad(k) - layout.mergeAngleRad(j)) },
        { laneId: out.lane.id, s: out.s, pose: out.pose },
        w,
      );
      ex.ends.fromLaneId = prev;
      ex.ends.fromS = prevLane.lengthM;
      prevLane.next.unshift(ex.id);
      exitOf.set(`${j}@${k}`, ex.id);
    }
  }

  // Entry connectors and routes.
  for (let k = 0; k < n; k++) {
    for (const inLane of arms[k]!.incoming) {
      const j = Math.min(Math.abs(inLane.index), block.lanes);
      const entryPose = ringPose(j, layout.armAngleRad(k) + layout.mergeAngleRad(j));
      const entry = makeConnector(parts, block.id, { laneId: inLane.lane.id, s: inLane.s, pose: inLane.pose }, { laneId: betweenId(j, k), s: 0, pose: entryPose }, w);
      entry.ends.toLaneId = betweenId(j, k);
      registerStart(parts, inLane.lane.id, inLane.s, entry.id);
      const isMain = inLane.lane.roadId === main.id;
      let straightest: { e: number; turn: number } | undefined;
      const options: { e: number; lanes: string[]; headingOut: number }[] = [];
      for (let e = 1; e < n; e++) {
        const target = (k + e) % n;
        const ex = exitOf.get(`${j}@${target}`);
        const out = matchingLane(j, arms[target]!.outgoing);
        if (!ex || !out) continue;
        const lanes = [entry.id, betweenId(j, k)];
        for (let m = 1; m < e; m++) lanes.push(passId(j, (k + m) % n), betweenId(j, (k + m) % n));
        lanes.push(ex, out.lane.id);
        options.push({ e, lanes, headingOut: out.pose.headingRad });
        const turn = Math.abs(wrapAngle(out.pose.headingRad - inLane.pose.headingRad));
        if (!straightest || turn < straightest.turn) straightest = { e, turn };
      }
      // Told nothing, main-road traffic stays on the main road; arm traffic goes straightest.
      const mainExit = k === 0 ? block.exitArm : k === block.exitArm ? n - block.exitArm : undefined;
      const defaultExit = isMain && mainExit !== undefined ? mainExit : straightest?.e;
      for (const o of options) {
        area.addRoute(inLane.lane.id, {
          direction: classifyTurn(inLane.pose.headingRad, o.headingOut),
          exit: o.e,
          lanes: o.lanes,
          isDefault: o.e === defaultExit,
        });
      }
    }
  }
  return area;
}
