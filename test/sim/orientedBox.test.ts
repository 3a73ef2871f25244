import { describe, expect, it } from 'vitest';
import { boxDistance, boxesOverlap, timeToOverlapS, type OrientedBox } from '../../src/sim/orientedBox.js';

const box = (x: number, y: number, yawRad = 0, halfL = 2, halfW = 1): OrientedBox => ({ x, y, yawRad, halfL, halfW });

describe('oriented boxes', () => {
  it('measure the gap between two boxes in line', () => {
    expect(boxDistance(box(0, 0), box(10, 0))).toBeCloseTo(6, 12);
    expect(boxDistance(box(0, 0), box(3, 0))).toBe(0);
  });

  it('see a rotated box overlap only when a corner reaches in', () => {
    const diamond = box(3.2, 0, Math.PI / 4, 1, 1);
    // Its corner reaches to 3.2 - sqrt(2) = 1.786 < 2: overlap.
    expect(boxesOverlap(box(0, 0), diamond)).toBe(true);
    expect(boxesOverlap(box(0, 0), { ...diamond, x: 3.5 })).toBe(false);
  });

  it('time the first overlap of boxes closing head on', () => {
    // Gap 6 m, closing at 3 m/s.
    expect(timeToOverlapS(box(0, 0), 1, 0, box(10, 0), -2, 0)).toBeCloseTo(2, 12);
  });

  it('never count traffic passing side by side as closing', () => {
    expect(timeToOverlapS(box(0, 0), 20, 0, box(30, 3.5), -20, 0)).toBe(Infinity);
    expect(timeToOverlapS(box(0, 0), 20, 0, box(-30, 0), 10, 0)).toBe(Infinity);
  });

  it('time a crossing path against the box it would hit', () => {
    // A box 10 m ahead and 6 m to the left moving right at 2 m/s meets a standing box at
    // lateral gap 6 - 2 = 4 m when its along-track extent still overlaps: t = 2 s.
    const crossing = box(3, 6, Math.PI / 2, 1, 1);
    expect(timeToOverlapS(box(0, 0), 0, 0, crossing, 0, -2)).toBeCloseTo(2, 12);
  });
});
