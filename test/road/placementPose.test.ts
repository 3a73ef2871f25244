import { describe, expect, it } from 'vitest';
import type { LanePlacement } from '../../src/scenario/types.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { placementPose } from '../../src/road/placementPose.js';
import { DRY, junctionBlock, roadSpec } from './fixtures.js';

const net = buildRoadNetwork(
  roadSpec([{ kind: 'straight', id: 'a', lengthM: 100 }, junctionBlock(), { kind: 'curve', id: 'c', radiusM: 50, angleDeg: 90, direction: 'left', transitionM: 0 }], {
    lanes: { forward: 2, backward: 1, widthM: 3.5 },
    parking: { left: false, right: true, widthM: 2 },
    sidewalks: { left: true, right: true, widthM: 2, kerbHeightM: 0.15 },
  }),
  DRY,
);

const at = (p: Partial<LanePlacement>): LanePlacement => ({ road: 'main', lane: 1, s: 0, offsetM: 0, headingDeg: 0, ...p });

describe('placementPose', () => {
  it('puts a numbered forward lane on its centre, heading along the road', () => {
    const pose = placementPose(net, at({ lane: 2, s: 30 }));
    expect(pose).toMatchObject({ laneId: 'main/2', s: 30 });
    expect(pose.x).toBeCloseTo(30, 12);
    expect(pose.y).toBeCloseTo(-5.25, 12);
    expect(pose.yawRad).toBeCloseTo(0, 12);
  });

  it('faces an oncoming lane the other way and counts its s from the far end', () => {
    const pose = placementPose(net, at({ lane: -1, s: 30 }));
    expect(pose.y).toBeCloseTo(1.75, 12);
    expect(Math.abs(pose.yawRad)).toBeCloseTo(Math.PI, 12);
    expect(pose.s).toBeCloseTo(net.lanes.get('main/-1')!.lengthM - 30, 9);
    expect(net.lanes.get('main/-1')!.position(pose.s, 0).x).toBeCloseTo(30, 6);
  });

  it('adds offsetM to the left of the road and headingDeg to the lane direction', () => {
    const pose = placementPose(net, at({ lane: 1, s: 10, offsetM: 0.5, headingDeg: 90 }));
    expect(pose.y).toBeCloseTo(-1.25, 12);
    expect(pose.yawRad).toBeCloseTo(Math.PI / 2, 12);
  });

  it('puts parking-right on the centre of the parking lane', () => {
    const pose = placementPose(net, at({ lane: 'parking-right', s: 20 }));
    expect(pose.y).toBeCloseTo(-8, 12);
    expect(pose.laneId).toBe('main/parking-right');
  });

  it('puts sidewalk-left on the centre of the left sidewalk', () => {
    const pose = placementPose(net, at({ lane: 'sidewalk-left', s: 20 }));
    expect(pose.y).toBeCloseTo(3.5 + 0.15 + 1, 12);
    expect(pose.yawRad).toBeCloseTo(0, 12);
  });

  it('places on a curve along the lane heading', () => {
    const main = net.roads.get('main')!;
    const s = main.lengthM - 1;
    const pose = placementPose(net, at({ lane: 1, s }));
    expect(pose.yawRad).toBeCloseTo(Math.PI / 2 - 1 / 50, 12);
    const p = main.position(s, -1.75);
    expect(pose.x).toBeCloseTo(p.x, 12);
  });

  it('places on a junction arm', () => {
    const pose = placementPose(net, at({ road: 'J1.left', lane: 1, s: 0 }));
    expect(pose.yawRad).toBeCloseTo(-Math.PI / 2, 12);
    expect(pose.laneId).toBe('J1.left/1');
  });

  it('names the lanes there are when the lane is unknown', () => {
    expect(() => placementPose(net, at({ lane: 3 }))).toThrow('road "main" has no lane 3; it has lanes: 1, 2, -1, parking-right, sidewalk-right, sidewalk-left');
    expect(() => placementPose(net, at({ lane: 'parking-left' }))).toThrow(/no lane "parking-left".*parking-right/);
  });

  it('names the roads there are when the road is unknown', () => {
    expect(() => placementPose(net, at({ road: 'J2.left' }))).toThrow('placement on road "J2.left": no such road; roads: main, J1.left, J1.right');
  });
});
