import { describe, expect, it } from 'vitest';
import { ArcCurve } from '../../src/road/curves/ArcCurve.js';
import { ClothoidCurve } from '../../src/road/curves/ClothoidCurve.js';
import { CompositeCurve } from '../../src/road/curves/CompositeCurve.js';
import { CubicBezierCurve } from '../../src/road/curves/CubicBezierCurve.js';
import { SineShiftCurve } from '../../src/road/curves/SineShiftCurve.js';
import { StraightCurve } from '../../src/road/curves/StraightCurve.js';
import { wrapAngle } from '../../src/math/angles.js';
import { expectHeadingIsDerivative, expectRoundTrip, expectUnitSpeed } from './curveChecks.js';

const start = { x: 3, y: -2, headingRad: 0.7 };

const curves = {
  straight: () => new StraightCurve(start, 40),
  'arc left': () => new ArcCurve(start, 30, 2, 'left'),
  'arc right 270 deg': () => new ArcCurve(start, 25, (3 * Math.PI) / 2, 'right'),
  clothoid: () => new ClothoidCurve(start, 30, 0, 1 / 40),
  'clothoid unwinding right': () => new ClothoidCurve(start, 25, -1 / 30, 0),
  'sine shift': () => new SineShiftCurve(start, 60, 3.5),
  bezier: () => CubicBezierCurve.between(start, { x: 20, y: 15, headingRad: 2.1 }),
  composite: () =>
    new CompositeCurve(start)
      .straight(10)
      .clothoid(15, 0, 1 / 30)
      .arc(30, 0.6, 'left')
      .clothoid(15, 1 / 30, 0)
      .sineShift(40, -3)
      .straight(5),
};

describe.each(Object.entries(curves))('%s', (_name, make) => {
  it('round-trips position -> localCoordinates on many points', () => {
    const c = make();
    // Offsets beyond the tightest radius fold over: there (s, t) is not unique.
    let maxK = 0;
    for (let i = 0; i <= 200; i++) maxK = Math.max(maxK, Math.abs(c.curvatureAt((c.lengthM * i) / 200)));
    expectRoundTrip(c, Math.min(6, 0.8 / Math.max(maxK, 1e-9)));
  });

  it('has a heading equal to the numerical derivative direction', () => {
    expectHeadingIsDerivative(make());
  });

  it('is parametrised by arc length', () => {
    expectUnitSpeed(make());
  });

  it('extrapolates along the end tangents and round-trips there', () => {
    const c = make();
    const before = c.position(-5, 1);
    const after = c.position(c.lengthM + 7, -2);
    const p0 = c.position(0, 0);
    const h0 = c.headingAt(0);
    expect(before.x).toBeCloseTo(p0.x - 5 * Math.cos(h0) - Math.sin(h0), 9);
    expect(c.localCoordinates(before).s).toBeCloseTo(-5, 6);
    expect(c.localCoordinates(after).s).toBeCloseTo(c.lengthM + 7, 6);
    expect(c.localCoordinates(after).t).toBeCloseTo(-2, 6);
  });
});

describe('ArcCurve', () => {
  it('a 90-degree arc of radius R is R pi / 2 long and ends where expected', () => {
    const R = 20;
    const arc = new ArcCurve({ x: 0, y: 0, headingRad: 0 }, R, Math.PI / 2, 'left');
    expect(arc.lengthM).toBeCloseTo((R * Math.PI) / 2, 12);
    const end = arc.position(arc.lengthM, 0);
    expect(end.x).toBeCloseTo(R, 9);
    expect(end.y).toBeCloseTo(R, 9);
    expect(arc.headingAt(arc.lengthM)).toBeCloseTo(Math.PI / 2, 12);
  });

  it('a right arc ends below the start line', () => {
    const arc = new ArcCurve({ x: 0, y: 0, headingRad: 0 }, 10, Math.PI / 2, 'right');
    const end = arc.position(arc.lengthM, 0);
    expect(end.x).toBeCloseTo(10, 9);
    expect(end.y).toBeCloseTo(-10, 9);
  });

  it('projects the centre-facing side with positive t on a left arc', () => {
    const arc = new ArcCurve({ x: 0, y: 0, headingRad: 0 }, 10, Math.PI / 2, 'left');
    const lc = arc.localCoordinates({ x: 10 * Math.sin(0.5) * 0.8, y: 10 - 10 * Math.cos(0.5) * 0.8 });
    expect(lc.s).toBeCloseTo(5, 9);
    expect(lc.t).toBeCloseTo(2, 9);
  });
});

describe('ClothoidCurve', () => {
  it('has curvature growing linearly with s', () => {
    const c = new ClothoidCurve({ x: 0, y: 0, headingRad: 0 }, 50, 0.01, 0.05);
    for (const s of [0, 10, 25, 37.5, 50]) expect(c.curvatureAt(s)).toBeCloseTo(0.01 + (0.04 * s) / 50, 12);
  });

  it('turns by L (k0 + k1) / 2', () => {
    const c = new ClothoidCurve({ x: 0, y: 0, headingRad: 0 }, 40, 0, 0.05);
    expect(c.headingAt(40)).toBeCloseTo(1, 12);
  });

  it('matches the Fresnel integrals of a standard clothoid', () => {
    // Unit clothoid: k(s) = s (a = 1): x(s) = sqrt(pi) C(s / sqrt(pi)), with C(1) = 0.7798934, S(1) = 0.4382591.
    const L = Math.sqrt(Math.PI);
    const c = new ClothoidCurve({ x: 0, y: 0, headingRad: 0 }, L, 0, L);
    const end = c.position(L, 0);
    expect(end.x / Math.sqrt(Math.PI)).toBeCloseTo(0.7798934, 6);
    expect(end.y / Math.sqrt(Math.PI)).toBeCloseTo(0.4382591, 6);
  });
});

describe('SineShiftCurve', () => {
  it('ends offset sideways with the start heading', () => {
    const c = new SineShiftCurve({ x: 0, y: 0, headingRad: 0 }, 50, -3);
    const end = c.position(c.lengthM, 0);
    expect(end.x).toBeCloseTo(50, 9);
    expect(end.y).toBeCloseTo(-3, 9);
    expect(c.headingAt(c.lengthM)).toBeCloseTo(0, 9);
    expect(c.lengthM).toBeGreaterThan(50);
  });
});

describe('CubicBezierCurve.between', () => {
  it('starts and ends on both poses with their headings', () => {
    const from = { x: 1, y: 2, headingRad: 0 };
    const to = { x: 12, y: 13, headingRad: Math.PI / 2 };
    const c = CubicBezierCurve.between(from, to);
    const a = c.position(0, 0);
    const b = c.position(c.lengthM, 0);
    expect(Math.hypot(a.x - from.x, a.y - from.y)).toBeLessThan(1e-9);
    expect(Math.hypot(b.x - to.x, b.y - to.y)).toBeLessThan(1e-9);
    expect(wrapAngle(c.headingAt(0) - from.headingRad)).toBeCloseTo(0, 9);
    expect(wrapAngle(c.headingAt(c.lengthM) - to.headingRad)).toBeCloseTo(0, 9);
  });

  it('is close to a quarter circle for a symmetric 90-degree turn', () => {
    const c = CubicBezierCurve.between({ x: 0, y: 0, headingRad: 0 }, { x: 10, y: 10, headingRad: Math.PI / 2 });
    expect(c.lengthM).toBeCloseTo(5 * Math.PI, 1);
    const mid = c.position(c.lengthM / 2, 0);
    expect(Math.hypot(mid.x, mid.y - 10)).toBeCloseTo(10, 2);
  });
});

describe('CompositeCurve', () => {
  const composite = curves.composite();

  it('is continuous in position and heading at every joint', () => {
    for (const s of composite.breakpointsS.slice(1, -1)) {
      const a = composite.position(s - 1e-9, 0);
      const b = composite.position(s, 0);
      expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeLessThan(1e-6);
      expect(Math.abs(wrapAngle(composite.headingAt(s - 1e-9) - composite.headingAt(s)))).toBeLessThan(1e-6);
    }
  });

  it('is as long as its pieces together', () => {
    const straight = new CompositeCurve({ x: 0, y: 0, headingRad: 0 }).straight(10).arc(10, Math.PI, 'right').straight(5);
    expect(straight.lengthM).toBeCloseTo(15 + 10 * Math.PI, 12);
    const end = straight.position(straight.lengthM, 0);
    expect(end.x).toBeCloseTo(5, 9);
    expect(end.y).toBeCloseTo(-20, 9);
  });

  it('picks the nearest piece when a point is near two of them', () => {
    // A U-turn: points on the return leg must not snap to the outbound leg.
    const u = new CompositeCurve({ x: 0, y: 0, headingRad: 0 }).straight(30).arc(6, Math.PI, 'left').straight(30);
    const s = 30 + 6 * Math.PI + 10;
    const lc = u.localCoordinates(u.position(s, 1));
    expect(lc.s).toBeCloseTo(s, 9);
    expect(lc.t).toBeCloseTo(1, 9);
  });
});
