import { describe, expect, it } from 'vitest';
import type { RoadNetwork } from '../../src/road/types.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { ConnectorLane } from '../../src/road/ConnectorLane.js';
import { wrapAngle } from '../../src/math/angles.js';
import { expectConnectorJoins, expectRouteContinuous } from './connectorChecks.js';
import { DRY, roadSpec, roundaboutBlock } from './fixtures.js';

const build = (over: Parameters<typeof roundaboutBlock>[0] = {}, lanes = { forward: 1, backward: 1, widthM: 3.5 }): RoadNetwork =>
  buildRoadNetwork(roadSpec([{ kind: 'straight', id: 'a', lengthM: 60 }, roundaboutBlock(over), { kind: 'straight', id: 'b', lengthM: 60 }], { lanes }), DRY);

describe('roundabout', () => {
  it('names the arms other than the main road\'s "<id>.<k>"', () => {
    expect([...build({ arms: 5, exitArm: 2 }).roads.keys()]).toEqual(['main', 'R1.1', 'R1.3', 'R1.4']);
  });

  it('continues the main road along the exit arm, straight on for exitArm 2 of 4', () => {
    const main = build().roads.get('main')!;
    const span = main.junctionSpans[0]!;
    expect(main.headingAt(span.toS + 1)).toBeCloseTo(0, 9);
    expect(main.position(span.toS, 0).y).toBeCloseTo(0, 9);
  });

  it('turns the main road right for the first exit of four', () => {
    const main = build({ exitArm: 1 }).roads.get('main')!;
    expect(wrapAngle(main.headingAt(main.lengthM) + Math.PI / 2)).toBeCloseTo(0, 9);
  });

  it.each([
    [4, 1, 1],
    [4, 2, 2],
    [3, 1, 1],
    [6, 4, 2],
  ] as const)('routes every exit continuously (%i arms, exit arm %i, %i ring lanes)', (arms, exitArm, ringLanes) => {
    const net = build({ arms, exitArm, lanes: ringLanes, radiusM: 25 }, { forward: 2, backward: 2, widthM: 3.5 });
    const from = ['main/1', 'main/2', 'main/-1', `R1.${exitArm === 1 ? 2 : 1}/1`];
    for (const lane of from) {
      for (let exit = 1; exit < arms; exit++) {
        const route = net.route(lane, 'R1', { exit });
        expect(route.length).toBe(2 * exit + 2);
        expectRouteContinuous(route);
        const entry = route[0] as ConnectorLane;
        const start = net.lanes.get(lane)!.position(entry.ends.fromS, 0);
        const a = entry.position(0, 0);
        expect(Math.hypot(a.x - start.x, a.y - start.y)).toBeLessThan(1e-6);
      }
    }
  });

  it('starts and ends every entry and exit connector on its lanes with matching headings', () => {
    const net = build({ lanes: 2, radiusM: 24 }, { forward: 2, backward: 1, widthM: 3.5 });
    const connectors = [...net.lanes.values()].filter((l): l is ConnectorLane => l instanceof ConnectorLane && l.id.includes('->'));
    expect(connectors.length).toBeGreaterThan(8);
    for (const c of connectors) expectConnectorJoins(c, net.lanes);
  });

  it('takes main-road traffic along the main road when told nothing', () => {
    const net = build({ arms: 4, exitArm: 1 });
    expect(net.route('main/1', 'R1', {}).at(-1)!.id).toBe('main/1');
    expect(net.route('main/-1', 'R1', {}).at(-1)!.id).toBe('main/-1');
  });

  it('leaves by the arm counted counter-clockwise: exit 1 of 4 is a right turn', () => {
    const net = build();
    const route = net.route('main/1', 'R1', { exit: 1 });
    expect(route.at(-1)!.id).toBe('R1.1/-1');
    const out = route.at(-1)!;
    expect(wrapAngle(out.headingAt(0) + Math.PI / 2)).toBeCloseTo(0, 9);
    expect(net.route('main/1', 'R1', { direction: 'left' }).at(-1)!.id).toBe('R1.3/-1');
  });

  it('keeps every ring piece on its circle around the centre', () => {
    const net = build({ radiusM: 30 });
    const j = net.junctions[0]!;
    for (const lane of net.lanes.values()) {
      if (!lane.id.startsWith('R1:ring/') || lane.id.includes('->')) continue;
      for (const s of [0, lane.lengthM / 2, lane.lengthM]) {
        const p = lane.position(s, 0);
        expect(Math.hypot(p.x - j.centre.x, p.y - j.centre.y)).toBeCloseTo(30, 9);
      }
    }
  });

  it('names the allowed range when exitArm is out of range', () => {
    expect(() => build({ arms: 3, exitArm: 3 })).toThrow(/exitArm 3 must be between 1 and arms - 1 \(2\)/);
  });
});
