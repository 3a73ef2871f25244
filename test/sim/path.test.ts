import { describe, expect, it } from 'vitest';
import { Path } from '../../src/sim/path.js';

/** A quarter circle of radius 20 m around the origin, from (20, 0) counter-clockwise. */
const arc = {
  lengthM: (Math.PI / 2) * 20,
  position: (s: number, t: number) => {
    const a = s / 20;
    const r = 20 - t;
    return { x: r * Math.cos(a), y: r * Math.sin(a) };
  },
  headingAt: (s: number) => s / 20 + Math.PI / 2,
};

describe('sampled path', () => {
  const path = Path.fromPieces([{ curve: arc, fromS: 0, toS: arc.lengthM }]);

  it('has the arc length of its curve', () => {
    expect(Math.abs(path.lengthM - arc.lengthM)).toBeLessThan(0.3);
  });

  it('places (s, t) where the curve does, to a centimetre', () => {
    for (const [s, t] of [
      [3, 0],
      [10, 1.5],
      [25, -2],
    ]) {
      const p = path.position(s, t);
      const q = arc.position(s, t);
      expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeLessThan(0.01);
    }
  });

  it('inverts position with localCoordinates', () => {
    const p = path.position(17.3, -1.2);
    const back = path.localCoordinates(p, 10);
    expect(back.s).toBeCloseTo(17.3, 2);
    expect(back.t).toBeCloseTo(-1.2, 2);
  });

  it('extrapolates straight beyond its end', () => {
    const end = path.position(path.lengthM, 0);
    const beyond = path.position(path.lengthM + 5, 0);
    expect(Math.hypot(beyond.x - end.x, beyond.y - end.y)).toBeCloseTo(5, 6);
  });
});
