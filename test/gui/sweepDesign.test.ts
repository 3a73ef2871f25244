import { describe, expect, it } from 'vitest';
import { sweepDesignOf } from '../../src/renderer/sweepDesign.js';

describe('sweepDesignOf', () => {
  it('reads the design under sweep:', () => {
    expect(sweepDesignOf('version: 1\nsweep:\n  gridLevels: 3\n  design: sobol\nroad: {}\n')).toBe('sobol');
  });

  it('falls back to random without a sweep section or with an unknown design', () => {
    expect(sweepDesignOf('version: 1\n')).toBe('random');
    expect(sweepDesignOf('sweep:\n  design: fancy\n')).toBe('random');
  });
});
