import { describe, expect, it } from 'vitest';
import { probeValues } from '../../src/scenario/bounds.js';
import { checkScenario } from '../../src/scenario/load.js';
import { minimalWith } from './fixtures.js';

const errorsOf = (text: string) => checkScenario(text, 'x.yaml').errors;

describe('checkDistributionRanges', () => {
  it('reports a uniform range that reaches past the allowed maximum', () => {
    expect(errorsOf(minimalWith('  speedMps: {uniform: [10, 120]}'))).toEqual([
      { file: 'x.yaml', line: 9, col: 13, pointer: '/ego/speedMps', message: 'this distribution can give 120; this place takes a number from 0 to 90' },
    ]);
  });

  it('reports a continuous distribution where only whole numbers fit', () => {
    const [e] = errorsOf(minimalWith().replace('road:', 'road:\n  lanes: {forward: {uniform: [1, 3]}}'));
    expect(e).toMatchObject({ pointer: '/road/lanes/forward', message: 'this distribution can give 1.74; this place takes an integer from 1 to 6' });
    expect(e.hint).toBe('use {int: [low, high]} or a choice for whole numbers');
  });

  it('reports a normal distribution where only whole numbers fit', () => {
    expect(errorsOf(minimalWith('  camera: {widthPx: {normal: {mean: 640, sd: 10}}}'))[0].pointer).toBe('/ego/camera/widthPx');
  });

  it('reports a choice holding a value out of range', () => {
    expect(errorsOf(minimalWith('  speedMps: {choice: [5, 95]}'))[0].message).toBe('this distribution can give 95; this place takes a number from 0 to 90');
  });

  it('reports a parameter whose distribution does not fit where it is used', () => {
    const [e] = errorsOf(minimalWith('  speedMps: $v', 'parameters:', '  v: {uniform: [-5, 10]}'));
    expect(e).toMatchObject({ line: 9, pointer: '/ego/speedMps', message: 'parameter "$v" can give -5; this place takes a number from 0 to 90' });
  });

  it('finds the place of a distribution inside a behaviour and a placement', () => {
    const errors = errorsOf(
      minimalWith(
        'actors:',
        '  - id: a',
        '    kind: car',
        '    place: {relativeTo: ego, headingDeg: {choice: [0, "x"]}}',
        '    behaviours:',
        '      - {do: brake, decelMps2: {uniform: [5, 20]}}',
      ),
    );
    expect(errors.map((e) => [e.pointer, e.message])).toEqual([
      ['/actors/0/place/headingDeg', 'this distribution can give "x"; this place takes a number, a distribution or a "$param" or "=expr" reference'],
      ['/actors/0/behaviours/0/decelMps2', 'this distribution can give 20; this place takes a number > 0 and <= 15'],
    ]);
  });

  it('accepts distributions that stay in range and whole-number distributions at integer places', () => {
    const text = minimalWith('  speedMps: {truncnormal: {mean: 10, sd: 3, min: 0, max: 20}}', '  camera: {widthPx: {int: [320, 640]}, fovDeg: {choice: [60, 90]}}');
    expect(errorsOf(text)).toEqual([]);
  });

  it('leaves expressions to sampling', () => {
    expect(errorsOf(minimalWith('  speedMps: "=v * 100"', 'parameters:', '  v: 5'))).toEqual([]);
  });
});

describe('probeValues', () => {
  it('probes the ends and an inner fraction of continuous ranges, and every choice', () => {
    expect(probeValues({ uniform: [0, 10] })).toEqual([0, 10, 3.7]);
    expect(probeValues({ int: [2, 4] })).toEqual([2, 4]);
    expect(probeValues({ choice: ['a', 'b'], weights: [1, 2] })).toEqual(['a', 'b']);
    expect(probeValues({ const: true })).toEqual([true]);
  });

  it('does not mistake an ordinary mapping for a distribution', () => {
    expect(probeValues({ s: 1, lane: 2 })).toBeUndefined();
    expect(probeValues({ choice: [1], other: 2 })).toBeUndefined();
  });
});
