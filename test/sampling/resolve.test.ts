import { describe, expect, it } from 'vitest';
import type { ParamValue, ScenarioSpec } from '../../src/scenario/types.js';
import { collectDimensions } from '../../src/sampling/dimensions.js';
import { ParameterCycleError, SamplingError } from '../../src/sampling/errors.js';
import { compileSpec, resolveContent, resolveParameters } from '../../src/sampling/resolve.js';

function spec(extra: ScenarioSpec): ScenarioSpec {
  return { version: 1, name: 'fixture', road: { blocks: [{ kind: 'straight', lengthM: 100 }] }, ego: { place: { s: 0 } }, ...extra };
}

/** Resolves with every dimension at its median (u = 0.5). */
function resolveAtMedian(s: ScenarioSpec): { params: Record<string, ParamValue>; content: ScenarioSpec } {
  const plan = compileSpec(s);
  const values = plan.dimensions.map((d) => d.distribution.quantile(0.5));
  const params = resolveParameters(plan, values);
  return { params, content: resolveContent(plan, values, params) };
}

describe('dimensions', () => {
  it('lists named parameters first, then inline distributions in document order', () => {
    const s = spec({
      parameters: { b: { uniform: [0, 1] }, fixed: 3, a: { int: [1, 3] }, derived: '=a + 1' },
      weather: { rain: { uniform: [0, 1] }, fog: 5 },
      actors: [{ id: 'p', kind: { choice: ['pedestrian', 'animal'] }, place: { s: { normal: { mean: 30, sd: 2 } } } }],
    });
    expect(collectDimensions(s).map((d) => d.key)).toEqual(['b', 'a', '/weather/rain', '/actors/0/kind', '/actors/0/place/s']);
  });
});

describe('resolving a spec', () => {
  it('replaces inline distributions, "$name" and "=expr" with values', () => {
    const { params, content } = resolveAtMedian(
      spec({
        parameters: { gapM: { uniform: [10, 20] }, speed: 8 },
        ego: { place: { s: '$gapM' }, speedMps: '=speed * 2' },
        weather: { rain: { uniform: [0, 1] } },
      }),
    );
    expect(params).toEqual({ gapM: 15, speed: 8 });
    expect(content.ego).toEqual({ place: { s: 15 }, speedMps: 16 });
    expect(content.weather).toEqual({ rain: 0.5 });
  });

  it('resolves parameters that refer to later parameters', () => {
    const { params } = resolveAtMedian(spec({ parameters: { total: '=half * 2', half: '$base', base: { int: [4, 4] } } }));
    expect(params).toEqual({ total: 8, half: 4, base: 4 });
  });

  it('drops the sampling sections from the content', () => {
    const { content } = resolveAtMedian(spec({ parameters: { a: 1 }, requires: ['a > 0'], sweep: { design: 'sobol' } }));
    expect(Object.keys(content).sort()).toEqual(['ego', 'name', 'road', 'version']);
  });

  it('keeps strings that only look like references as text', () => {
    const { content } = resolveAtMedian(spec({ name: '=not an expression', actors: [{ id: 'x', colour: '#ff0000' }] }));
    expect(content.name).toBe('=not an expression');
    expect(content.actors).toEqual([{ id: 'x', colour: '#ff0000' }]);
  });
});

describe('errors in references', () => {
  it('names the parameters on a cycle', () => {
    const s = spec({ parameters: { a: '=b + 1', b: '$c', c: '=a * 2', d: 1 } });
    expect(() => compileSpec(s)).toThrow(ParameterCycleError);
    expect(() => compileSpec(s)).toThrow(/"a" -> "b" -> "c" -> "a"/);
  });

  it('names an unknown parameter and suggests the closest one', () => {
    expect(() => compileSpec(spec({ parameters: { gapM: 3 }, ego: { place: { s: '$gapm' } } }))).toThrow(
      /\/ego\/place\/s: "\$gapm" refers to no parameter; declare "gapm" under parameters \(did you mean "gapM"\?\)/,
    );
  });

  it('points at a syntax error in an expression', () => {
    expect(() => compileSpec(spec({ ego: { place: { s: '=1 +' } } }))).toThrow(SamplingError);
    expect(() => compileSpec(spec({ ego: { place: { s: '=1 +' } } }))).toThrow(/\/ego\/place\/s: in "1 \+" at column/);
  });

  it('reports a type error met while evaluating', () => {
    const s = spec({ parameters: { kind: 'van' }, ego: { speedMps: '=kind * 2' } });
    expect(() => resolveAtMedian(s)).toThrow(/\/ego\/speedMps: in "kind \* 2" at column \d+: '\*' needs a number/);
  });
});
