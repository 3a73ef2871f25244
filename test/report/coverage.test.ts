import { describe, expect, it } from 'vitest';
import { choice, normal, uniform } from '../../src/sampling/distributions.js';
import { coverageGrid } from '../../src/report/coverage.js';
import { declaredProbabilities } from '../../src/report/declared.js';
import { axisFor, axisIndex, axisLabels } from '../../src/report/paramAxis.js';

describe('parameter axes', () => {
  it('uses levels for non-numbers and for few numbers', () => {
    expect(axisFor('w', ['rain', 'fog', 'rain'], 5)).toEqual({ key: 'w', kind: 'levels', levels: ['fog', 'rain'] });
    expect(axisFor('n', [3, 1, 2, 1], 5)).toEqual({ key: 'n', kind: 'levels', levels: ['1', '2', '3'] });
  });

  it('bins many distinct numbers over their range', () => {
    const axis = axisFor(
      'x',
      Array.from({ length: 100 }, (_, i) => i / 10),
      4,
    );
    expect(axis.kind).toBe('bins');
    expect(axisLabels(axis)).toEqual(['0..2.5', '2.5..5', '5..7.4', '7.4..9.9']);
    expect(axisIndex(axis, 9.9)).toBe(3);
  });
});

describe('declaredProbabilities', () => {
  it('gives a uniform distribution equal mass per equal bin', () => {
    const axis = axisFor('u', [0, 0.5, 1, ...Array.from({ length: 20 }, (_, i) => i / 19)], 4);
    const p = declaredProbabilities(uniform(0, 1), axis);
    for (const v of p) expect(v).toBeCloseTo(0.25, 3);
  });

  it('gives each choice its weight', () => {
    const axis = axisFor('c', ['a', 'b', 'c'], 4);
    const p = declaredProbabilities(choice(['a', 'b', 'c'], [1, 2, 1]), axis);
    expect(p[0]).toBeCloseTo(0.25, 3);
    expect(p[1]).toBeCloseTo(0.5, 3);
    expect(p[2]).toBeCloseTo(0.25, 3);
  });

  it('gives a normal distribution about 68% within one sd of its mean', () => {
    const axis = { key: 'n', kind: 'bins' as const, edges: [-1, 1] };
    expect(declaredProbabilities(normal(0, 1), axis)[0]).toBeCloseTo(0.6827, 3);
  });
});

describe('coverageGrid', () => {
  const x = { key: 'weather', kind: 'levels' as const, levels: ['clear', 'rain', 'fog'] };
  const y = { key: 'light', kind: 'levels' as const, levels: ['day', 'night'] };

  it('counts instances per cell and lists the empty ones', () => {
    const g = coverageGrid(x, y, [
      ['clear', 'day'],
      ['clear', 'day'],
      ['rain', 'night'],
      ['fog', 'day'],
    ]);
    expect(g.counts).toEqual([
      [2, 0, 1],
      [0, 1, 0],
    ]);
    expect(g.empty.map((c) => `${c.x}/${c.y}`)).toEqual(['rain/day', 'clear/night', 'fog/night']);
    expect(g.covered).toBeCloseTo(3 / 6, 12);
  });

  it('does not call a cell empty that the declared distributions cannot reach', () => {
    const g = coverageGrid(
      x,
      y,
      [
        ['clear', 'day'],
        ['rain', 'night'],
      ],
      [0.5, 0.5, 0],
      [0.5, 0.5],
    );
    expect(g.empty.map((c) => `${c.x}/${c.y}`)).toEqual(['rain/day', 'clear/night']);
    expect(g.empty[0].expected).toBeCloseTo(0.25, 12);
    expect(g.covered).toBeCloseTo(2 / 4, 12);
  });
});
