import { describe, expect, it } from 'vitest';
import { DESIGNS } from '../../src/scenario/schema.js';
import { InfeasibleRequirementError, ParameterCycleError, SamplingError } from '../../src/sampling/errors.js';
import { sampleRange, sampleScenario } from '../../src/sampling/sample.js';
import { cutInSpec } from './fixtures.js';

const summary = (s: { index: number; hash: string; tries: number; parameters: object }) => ({ index: s.index, hash: s.hash, tries: s.tries, parameters: s.parameters });

describe('sampleScenario', () => {
  it('fills every value and records every parameter and inline dimension', () => {
    const s = sampleScenario(cutInSpec(), { seed: 1, design: 'random', index: 0 });
    expect(Object.keys(s.parameters)).toEqual([
      'gapM',
      'egoSpeedMps',
      'cutInSpeedMps',
      'lanes',
      'vehicle',
      '/weather/rain',
      '/weather/fogVisibilityM',
      '/light/streetLights',
      '/actors/0/behaviours/0/lateralSpeedMps',
    ]);
    const p = s.parameters as Record<string, number | string>;
    expect(p.cutInSpeedMps).toBeCloseTo((p.egoSpeedMps as number) - 2, 12);
    expect(s.instance.ego.speedMps).toBe(p.egoSpeedMps);
    expect(s.instance.actors[0].kind).toBe(p.vehicle);
    expect(s.instance.road.lanes.forward).toBe(p.lanes);
    expect(s.instance.weather.rain).toBe(p['/weather/rain']);
    expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.tries).toBe(1);
  });

  it('gives the same instance and hash for the same input, on a fresh copy of the spec', () => {
    for (const design of DESIGNS.filter((d) => d !== 'search')) {
      const a = sampleScenario(cutInSpec(), { seed: 3, design, index: 17, count: 40 });
      const b = sampleScenario(structuredClone(cutInSpec()), { seed: 3, design, index: 17, count: 40 });
      expect(b).toEqual(a);
    }
  });

  it('gives different instances for different seeds (all designs but grid)', () => {
    for (const design of DESIGNS.filter((d) => d !== 'grid' && d !== 'search')) {
      const a = sampleScenario(cutInSpec(), { seed: 3, design, index: 5, count: 40 });
      const b = sampleScenario(cutInSpec(), { seed: 4, design, index: 5, count: 40 });
      expect(b.hash, design).not.toBe(a.hash);
    }
  });

  it('keeps a grid the same for every seed: a full factorial has no randomness', () => {
    const a = sampleScenario(cutInSpec(), { seed: 3, design: 'grid', index: 5 });
    const b = sampleScenario(cutInSpec(), { seed: 4, design: 'grid', index: 5 });
    expect(b.parameters).toEqual(a.parameters);
  });

  it('needs count for the lhs design', () => {
    expect(() => sampleScenario(cutInSpec(), { seed: 1, design: 'lhs', index: 0 })).toThrow(/lhs design needs count/);
  });
});

describe('slices of a sweep', () => {
  it('samples 50..99 equal the second half of samples 0..99 for every design', () => {
    for (const design of DESIGNS.filter((d) => d !== 'search')) {
      const whole = sampleRange(cutInSpec(), { seed: 7, design }, 0, 100).map(summary);
      const half = sampleRange(cutInSpec(), { seed: 7, design }, 50, 50).map(summary);
      expect(half, design).toEqual(whole.slice(50));
    }
  });

  it('do not depend on the order in which samples are drawn', () => {
    const spec = cutInSpec();
    const forward = sampleRange(spec, { seed: 2, design: 'sobol' }, 0, 20).map(summary);
    const single = [13, 2, 19].map((index) => summary(sampleScenario(cutInSpec(), { seed: 2, design: 'sobol', index })));
    expect(single).toEqual([forward[13], forward[2], forward[19]]);
  });

  it('an lhs shard agrees with the whole sweep when it passes the sweep size', () => {
    const whole = sampleRange(cutInSpec(), { seed: 7, design: 'lhs' }, 0, 60).map(summary);
    const shard = sampleRange(cutInSpec(), { seed: 7, design: 'lhs', count: 60 }, 20, 20).map(summary);
    expect(shard).toEqual(whole.slice(20, 40));
  });
});

describe('requirements', () => {
  it('redraws until every requirement holds', () => {
    const spec = cutInSpec({ requires: ['gapM > 25', 'vehicle != "truck"'] });
    const samples = sampleRange(spec, { seed: 5, design: 'sobol' }, 0, 40);
    for (const s of samples) {
      expect(s.parameters.gapM as number).toBeGreaterThan(25);
      expect(s.parameters.vehicle).not.toBe('truck');
    }
    expect(samples.some((s) => s.tries > 1)).toBe(true);
  });

  it('names the infeasible requirement and the acceptance rate of each', () => {
    const spec = cutInSpec({ requires: ['gapM > 15', 'gapM > 100'], sweep: { maxTries: 200 } });
    let error: unknown;
    try {
      sampleScenario(spec, { seed: 1, design: 'random', index: 3 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InfeasibleRequirementError);
    const e = error as InfeasibleRequirementError;
    expect(e.requirement).toBe('gapM > 100');
    expect(e.tries).toBe(200);
    expect(e.stats[1]).toEqual({ requirement: 'gapM > 100', held: 0, tries: 200, rate: 0 });
    // gapM ~ uniform(5, 30): "gapM > 15" holds with probability 0.6.
    expect(e.stats[0].rate).toBeGreaterThan(0.45);
    expect(e.stats[0].rate).toBeLessThan(0.75);
    expect(e.message).toMatch(/"gapM > 100" failed most \(acceptance rate 0\.0%\)/);
    expect(e.message).toMatch(/"gapM > 15": held in \d+ of 200 tries/);
  });

  it('rejects a requirement that is not true or false', () => {
    const spec = cutInSpec({ requires: ['gapM * 2'] });
    expect(() => sampleScenario(spec, { seed: 1, design: 'random', index: 0 })).toThrow(/a requirement must be true or false/);
  });
});

describe('spec errors', () => {
  it('reports a parameter cycle by name', () => {
    const spec = cutInSpec({ parameters: { a: '=b + 1', b: '=a - 1' }, ego: { place: { s: '$a' } } });
    expect(() => sampleScenario(spec, { seed: 1, design: 'random', index: 0 })).toThrow(ParameterCycleError);
    expect(() => sampleScenario(spec, { seed: 1, design: 'random', index: 0 })).toThrow(/"a" -> "b" -> "a"/);
  });

  it('reports a malformed inline distribution with its pointer', () => {
    const spec = cutInSpec({ weather: { rain: { uniform: [1, 0] } } });
    expect(() => sampleScenario(spec, { seed: 1, design: 'random', index: 0 })).toThrow(SamplingError);
    expect(() => sampleScenario(spec, { seed: 1, design: 'random', index: 0 })).toThrow(/^\/weather\/rain\/uniform:/);
  });
});
