import { expect } from 'vitest';
import type { Lane } from '../../src/road/types.js';
import { ConnectorLane } from '../../src/road/ConnectorLane.js';
import { wrapAngle } from '../../src/math/angles.js';

/** A connector starts and ends exactly on the lanes it joins, with their headings. */
export function expectConnectorJoins(c: ConnectorLane, lanes: ReadonlyMap<string, Lane>): void {
  const from = lanes.get(c.ends.fromLaneId)!;
  const to = lanes.get(c.ends.toLaneId)!;
  const a = c.position(0, 0);
  const b = c.position(c.lengthM, 0);
  const fa = from.position(c.ends.fromS, 0);
  const tb = to.position(c.ends.toS, 0);
  expect(Math.hypot(a.x - fa.x, a.y - fa.y)).toBeLessThan(1e-6);
  expect(Math.hypot(b.x - tb.x, b.y - tb.y)).toBeLessThan(1e-6);
  expect(Math.abs(wrapAngle(c.headingAt(0) - from.headingAt(c.ends.fromS)))).toBeLessThan(1e-6);
  expect(Math.abs(wrapAngle(c.headingAt(c.lengthM) - to.headingAt(c.ends.toS)))).toBeLessThan(1e-6);
}

/**
 * A route is continuous: each lane after the first starts where the one before ends (or, for
 * a lane that runs through, passes there) with the same heading. Returns the total length.
 */
export function expectRouteContinuous(route: Lane[]): void {
  for (let i = 1; i < route.length; i++) {
    const prev = route[i - 1]!;
    const cur = route[i]!;
    const endS = prev instanceof ConnectorLane ? prev.lengthM : NaN;
    const p = prev.position(endS, 0);
    const sOnCur = cur instanceof ConnectorLane ? 0 : cur.localCoordinates(p).s;
    const q = cur.position(sOnCur, 0);
    expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeLessThan(1e-6);
    expect(Math.abs(wrapAngle(prev.headingAt(endS) - cur.headingAt(sOnCur)))).toBeLessThan(1e-6);
  }
}
