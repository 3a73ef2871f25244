import { describe, expect, it } from 'vitest';
import { SignalPlan } from '../../src/road/SignalPlan.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { DRY, junctionBlock, roadSpec } from './fixtures.js';

const plan = (offsetS = 0) => new SignalPlan({ greenS: 20, yellowS: 3, allRedS: 2, offsetS });

describe('SignalPlan', () => {
  it('cycles group 0 green, yellow, red over 2 (green + yellow + all-red)', () => {
    const p = plan();
    expect(p.cycleS).toBe(50);
    expect(p.colourAt(0, 0)).toBe('green');
    expect(p.colourAt(0, 19.9)).toBe('green');
    expect(p.colourAt(0, 20)).toBe('yellow');
    expect(p.colourAt(0, 22.9)).toBe('yellow');
    expect(p.colourAt(0, 23)).toBe('red');
    expect(p.colourAt(0, 49.9)).toBe('red');
    expect(p.colourAt(0, 50)).toBe('green');
  });

  it('gives group 1 green only after group 0 yellow and the all-red', () => {
    const p = plan();
    expect(p.colourAt(1, 0)).toBe('red');
    expect(p.colourAt(1, 24.9)).toBe('red');
    expect(p.colourAt(1, 25)).toBe('green');
    expect(p.colourAt(1, 45)).toBe('yellow');
    expect(p.colourAt(1, 48)).toBe('red');
  });

  it('never shows green to both groups at once', () => {
    const p = plan(7);
    for (let t = 0; t < 100; t += 0.25) expect(p.colourAt(0, t) !== 'red' && p.colourAt(1, t) !== 'red').toBe(false);
  });

  it('starts offsetS seconds into the cycle', () => {
    expect(plan(21).colourAt(0, 0)).toBe('yellow');
    expect(plan(21).colourAt(0, 2)).toBe('red');
  });

  it('is used by a signalled junction', () => {
    const j = buildRoadNetwork(roadSpec([junctionBlock({ greenS: 10, yellowS: 2, allRedS: 1, offsetS: 0 })]), DRY).junctions[0]!;
    expect(j.colourAt(0, 5)).toBe('green');
    expect(j.colourAt(1, 5)).toBe('red');
    expect(j.colourAt(1, 14)).toBe('green');
  });
});
