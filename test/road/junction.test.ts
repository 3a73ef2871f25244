import { describe, expect, it } from 'vitest';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { ConnectorLane } from '../../src/road/ConnectorLane.js';
import type { OffsetLane } from '../../src/road/OffsetLane.js';
import { wrapAngle } from '../../src/math/angles.js';
import { expectConnectorJoins, expectRouteContinuous } from './connectorChecks.js';
import { DRY, junctionBlock, roadSpec } from './fixtures.js';

const fourWay = () =>
  buildRoadNetwork(
    roadSpec([{ kind: 'straight', id: 'a', lengthM: 80 }, junctionBlock(), { kind: 'straight', id: 'b', lengthM: 80 }], {
      lanes: { forward: 2, backward: 1, widthM: 3.5 },
      sidewalks: { left: true, right: true, widthM: 2, kerbHeightM: 0.15 },
    }),
    DRY,
  );

describe('junction', () => {
  it('builds arms "<id>.left" and "<id>.right" whose forward lanes point into the junction', () => {
    const net = fourWay();
    const j = net.junctions[0]!;
    for (const arm of ['J1.left', 'J1.right']) {
      const road = net.roads.get(arm)!;
      const lane = net.lane(arm, 1);
      const end = lane.position(lane.lengthM, 0);
      const start = lane.position(0, 0);
      expect(Math.hypot(end.x - j.centre.x, end.y - j.centre.y)).toBeLessThan(Math.hypot(start.x - j.centre.x, start.y - j.centre.y));
      expect(road.lengthM).toBe(60);
    }
    expect(net.roads.get('J1.left')!.position(0, 0).y).toBeGreaterThan(0);
    expect(net.roads.get('J1.right')!.position(0, 0).y).toBeLessThan(0);
  });

  it('builds one arm on the given side for a T junction', () => {
    const net = buildRoadNetwork(roadSpec([{ kind: 'straight', id: 'a', lengthM: 50 }, junctionBlock({ shape: 't', side: 'left' })]), DRY);
    expect([...net.roads.keys()]).toEqual(['main', 'J1.left']);
  });

  it('marks the junction span on the main road', () => {
    const main = fourWay().roads.get('main')!;
    expect(main.junctionSpans).toHaveLength(1);
    const span = main.junctionSpans[0]!;
    expect(span.blockId).toBe('J1');
    expect(span.fromS).toBe(80);
    expect(span.toS - span.fromS).toBeCloseTo(2 * Math.max(-main.outerT.right, main.outerT.left), 9);
  });

  it('starts and ends every connector exactly on its lanes with matching headings', () => {
    const net = fourWay();
    const connectors = [...net.lanes.values()].filter((l): l is ConnectorLane => l instanceof ConnectorLane);
    // 2 main-forward x (1 + 1) arm lanes out, 1 oncoming x 2, 2 per arm x (1 + 2 + 1) ... at least one per pair of sides.
    expect(connectors.length).toBeGreaterThan(10);
    for (const c of connectors) expectConnectorJoins(c, net.lanes);
  });

  it('routes main/1 straight through on the same lane', () => {
    expect(
      fourWay()
        .route('main/1', 'J1', { direction: 'straight' })
        .map((l) => l.id),
    ).toEqual(['main/1']);
  });

  it.each([
    ['main/1', 'left', 'J1.left/-1', Math.PI / 2],
    ['main/2', 'right', 'J1.right/-1', -Math.PI / 2],
    ['main/-1', 'left', 'J1.right/-1', -Math.PI / 2],
    ['J1.left/1', 'left', 'main/1', 0],
    ['J1.left/1', 'right', 'main/-1', Math.PI],
    ['J1.right/2', 'straight', 'J1.left/-1', Math.PI / 2],
  ] as const)('routes %s %s onto %s', (from, direction, to, headingOut) => {
    const net = fourWay();
    const route = net.route(from, 'J1', { direction });
    expect(route.at(-1)!.id).toBe(to);
    expect(route[0]).toBeInstanceOf(ConnectorLane);
    const c = route[0] as ConnectorLane;
    expect(Math.abs(wrapAngle(c.headingAt(c.lengthM) - headingOut))).toBeLessThan(1e-6);
    expectRouteContinuous(route);
  });

  it('lists connectors as successors of arm lanes and as branches of main lanes', () => {
    const net = fourWay();
    expect(net.lanes.get('J1.left/1')!.next).toContain('J1:J1.left/1->main/1');
    const main1 = net.lanes.get('main/1') as OffsetLane;
    expect(main1.branches.map((b) => b.laneId)).toContain('J1:main/1->J1.left/-1');
    expect(net.lanes.get('J1:main/1->J1.left/-1')!.next).toEqual(['J1.left/-1']);
  });

  it('refuses a turn a T junction does not have, naming what is possible', () => {
    const net = buildRoadNetwork(roadSpec([{ kind: 'straight', id: 'a', lengthM: 50 }, junctionBlock({ shape: 't', side: 'right' })]), DRY);
    expect(() => net.route('main/1', 'J1', { direction: 'left' })).toThrow(/no left turn from lane "main\/1"; possible: straight, right/);
  });

  it('names the junctions there are when routing through an unknown one', () => {
    expect(() => fourWay().route('main/1', 'J9', {})).toThrow(/no junction or roundabout "J9"; there are: J1/);
  });

  it('places signal heads per approach with stop lines at the junction edge', () => {
    const net = fourWay();
    const j = net.junctions[0]!;
    expect(j.signalHeads.map((h) => [h.id, h.group])).toEqual([
      ['J1/main', 0],
      ['J1/main-oncoming', 0],
      ['J1/left', 1],
      ['J1/right', 1],
    ]);
    const main = j.signalHeads[0]!;
    expect(main.stopLines.map((l) => l.laneId)).toEqual(['main/1', 'main/2']);
    for (const line of main.stopLines) expect(line.s).toBeCloseTo(80, 9);
    const arm = j.signalHeads[2]!;
    expect(arm.stopLines).toEqual([
      { laneId: 'J1.left/1', s: 60 },
      { laneId: 'J1.left/2', s: 60 },
    ]);
    // The head faces the approaching drivers and stands to their right.
    expect(wrapAngle(main.headingRad - Math.PI)).toBeCloseTo(0, 9);
    expect(main.position.y).toBeLessThan(-7);
  });

  it('has no signal heads and is always green without signals', () => {
    const net = buildRoadNetwork(roadSpec([junctionBlock({ signals: false })]), DRY);
    expect(net.junctions[0]!.signalHeads).toEqual([]);
    expect(net.junctions[0]!.colourAt(1, 12.3)).toBe('green');
  });
});
