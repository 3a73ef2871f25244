import { describe, expect, it } from 'vitest';
import type { RoadBlock } from '../../src/scenario/types.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { ConnectorLane } from '../../src/road/ConnectorLane.js';
import { roadGeometry } from '../../src/road/roadGeometry.js';
import { expectConnectorJoins } from './connectorChecks.js';
import { DRY, junctionBlock, roadSpec, roundaboutBlock } from './fixtures.js';

const layouts: [string, { forward: number; backward: number }, RoadBlock][] = [];
for (const [f, b] of [
  [1, 0],
  [1, 1],
  [3, 2],
  [6, 6],
] as const) {
  layouts.push([`T junction, ${f}+${b} lanes`, { forward: f, backward: b }, junctionBlock({ shape: 't', side: 'left' })]);
  layouts.push([`four-way, ${f}+${b} lanes`, { forward: f, backward: b }, junctionBlock()]);
  for (const arms of [3, 4, 6]) {
    for (const ring of [1, 3]) {
      layouts.push([
        `roundabout ${arms} arms ${ring} ring lanes, ${f}+${b} lanes`,
        { forward: f, backward: b },
        roundaboutBlock({ arms, exitArm: arms - 1, lanes: ring, radiusM: 30 }),
      ]);
    }
  }
}

describe.each(layouts)('%s', (_name, lanes, block) => {
  it('builds with every connector joined to its lanes and drawable geometry', () => {
    const net = buildRoadNetwork(
      roadSpec([{ kind: 'straight', id: 'a', lengthM: 30 }, block, { kind: 'curve', id: 'c', radiusM: 80, angleDeg: 45, direction: 'right', transitionM: 10 }], {
        lanes: { ...lanes, widthM: 3.25 },
        sidewalks: { left: true, right: true, widthM: 2, kerbHeightM: 0.15 },
      }),
      DRY,
    );
    for (const lane of net.lanes.values()) {
      for (const next of lane.next) expect(net.lanes.has(next), `${lane.id} -> ${next}`).toBe(true);
      if (lane instanceof ConnectorLane) expectConnectorJoins(lane, net.lanes);
    }
    const geo = roadGeometry(net, 5);
    expect(geo.strips.length).toBeGreaterThan(0);
    expect(Number.isFinite(net.bounds.minX + net.bounds.maxY)).toBe(true);
  });
});
