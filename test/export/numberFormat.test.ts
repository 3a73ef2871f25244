import { describe, expect, it } from 'vitest';
import { compareFrameIds, frameId, isFrameId } from '../../src/export/frameId.js';
import { wrapAngle as wrapPi } from '../../src/math/angles.js';
import { fixed, roundTo } from '../../src/export/numberFormat.js';

describe('number formatting', () => {
  it('never writes negative zero', () => {
    expect(fixed(-0.001, 2)).toBe('0.00');
    expect(fixed(-0, 6)).toBe('0.000000');
    expect(fixed(-0.005001, 2)).toBe('-0.01');
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });

  it('refuses non-finite label values', () => {
    expect(() => fixed(NaN, 2)).toThrow(/finite/);
  });

  it('wraps angles into [-pi, pi)', () => {
    expect(wrapPi((3 * Math.PI) / 2)).toBeCloseTo(-Math.PI / 2, 12);
    expect(wrapPi(-7)).toBeCloseTo(-7 + 2 * Math.PI, 12);
    expect(wrapPi(Math.PI)).toBeCloseTo(-Math.PI, 12);
  });
});

describe('frame ids', () => {
  it('pads sample index to 6 and frame to 4 digits', () => {
    expect(frameId(12, 3)).toBe('000012_0003');
    expect(isFrameId('000012_0003')).toBe(true);
    expect(isFrameId('notes')).toBe(false);
  });

  it('sorts numerically when an index outgrows its padding', () => {
    const ids = [frameId(1000000, 0), frameId(999999, 12000), frameId(999999, 2)];
    expect(ids.sort(compareFrameIds)).toEqual(['999999_0002', '999999_12000', '1000000_0000']);
  });
});
