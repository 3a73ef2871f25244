import { describe, expect, it } from 'vitest';
import { CompositeCurve } from '../../src/road/curves/CompositeCurve.js';
import { OffsetLane } from '../../src/road/OffsetLane.js';
import { wrapAngle } from '../../src/math/angles.js';
import { expectHeadingIsDerivative, expectRoundTrip, expectUnitSpeed } from './curveChecks.js';

const W = 3.5;
const reference = (): CompositeCurve =>
  new CompositeCurve({ x: 0, y: 0, headingRad: 0 })
    .straight(20)
    .clothoid(10, 0, 1 / 40)
    .arc(40, 0.8, 'left')
    .clothoid(10, 1 / 40, 0)
    .sineShift(30, 2)
    .straight(10);

const lane = (offsetT: number, reversed: boolean, ref = reference()): OffsetLane =>
  new OffsetLane(ref, { id: 'r/x', roadId: 'r', index: reversed ? -1 : 1, offsetT, reversed, widthM: W });

describe('OffsetLane', () => {
  it('puts the centre of a forward lane at its offset from the reference line', () => {
    const ref = reference();
    const l = lane(-W / 2, false, ref);
    for (const roadS of [0, 25, 50, 80, 100]) {
      const p = l.position(l.laneS(roadS), 0);
      const q = ref.position(roadS, -W / 2);
      expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeLessThan(1e-9);
    }
  });

  it('has the width it was given', () => {
    expect(lane(-W / 2, false).widthAt(12)).toBe(W);
  });

  it('measures s as arc length along its own centre on an arc', () => {
    const ref = new CompositeCurve({ x: 0, y: 0, headingRad: 0 }).arc(20, Math.PI / 2, 'left');
    expect(lane(-W / 2, false, ref).lengthM).toBeCloseTo(((20 + W / 2) * Math.PI) / 2, 9);
    expect(lane(W / 2, true, ref).lengthM).toBeCloseTo(((20 - W / 2) * Math.PI) / 2, 9);
    expectUnitSpeed(lane(-W / 2, false, ref), 1e-5);
  });

  it('runs an oncoming lane backwards along the reference line', () => {
    const ref = reference();
    const l = lane(W / 2, true, ref);
    const start = l.position(0, 0);
    const refEnd = ref.position(ref.lengthM, W / 2);
    expect(Math.hypot(start.x - refEnd.x, start.y - refEnd.y)).toBeLessThan(1e-9);
    expect(wrapAngle(l.headingAt(0) - ref.headingAt(ref.lengthM) - Math.PI)).toBeCloseTo(0, 9);
    expect(l.laneS(ref.lengthM)).toBeCloseTo(0, 9);
    expect(l.laneS(0)).toBeCloseTo(l.lengthM, 9);
  });

  it("gives an oncoming lane positive t to its own left, the reference line's right", () => {
    const ref = reference();
    const l = lane(W / 2, true, ref);
    const p = l.position(10, 1);
    const lc = ref.localCoordinates(p);
    expect(lc.t).toBeCloseTo(W / 2 - 1, 9);
  });

  it.each([
    ['forward', -W / 2, false],
    ['oncoming', W / 2, true],
    ['outer forward', -1.5 * W, false],
  ] as const)('%s lane round-trips and has a derivative heading', (_n, t, rev) => {
    const l = lane(t, rev);
    expectRoundTrip(l, 1.5, 1e-6);
    expectHeadingIsDerivative(l, 1e-4);
  });

  it('refuses an offset larger than the curve radius', () => {
    const ref = new CompositeCurve({ x: 0, y: 0, headingRad: 0 }).arc(5, 1, 'left');
    expect(() => lane(6, true, ref)).toThrow(/bends tighter/);
  });
});
