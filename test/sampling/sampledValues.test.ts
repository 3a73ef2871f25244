/**
 * Values that exist only once sampled are checked where they stand (issue 14): an expression or
 * a choice that gives a value its place does not take fails the sample with a SampledValueError
 * whose pointer is the place in the file, instead of a TypeError or a failure in simulation.
 */
import { describe, expect, it } from 'vitest';
import { SampledValueError } from '../../src/sampling/errors.js';
import { createSampler } from '../../src/sampling/sample.js';
import { checkScenario } from '../../src/scenario/load.js';

const BASE = `
version: 1
name: sampled values
parameters:
  k: { choice: [car, van] }
simulation: { durationS: 2 }
road:
  lanes: { forward: 2, backward: 1 }
  blocks: [{ kind: straight, lengthM: 120 }]
ego:
  place: { lane: 1, s: 5 }
  speedMps: 8
actors:
  - id: a
    kind: $k
    place: { lane: 2, s: 30 }
`;

/** The first sample of `text` that fails, as its error; null when none of 20 does. */
function firstFailure(text: string): SampledValueError | null {
  const { spec, errors } = checkScenario(text, 'x.yaml');
  if (!spec) throw new Error(`does not validate: ${JSON.stringify(errors)}`);
  const sampler = createSampler(spec, { seed: 1, design: 'random' });
  for (let i = 0; i < 20; i++) {
    try {
      sampler.sample(i);
    } catch (err) {
      if (err instanceof SampledValueError) return err;
      throw err;
    }
  }
  return null;
}

describe('sampled values are checked where they stand', () => {
  it('the base file samples without failures', () => {
    expect(firstFailure(BASE)).toBeNull();
  });

  it('a kind chosen by an expression that gives no actor kind', () => {
    const err = firstFailure(BASE.replace('k: { choice: [car, van] }', 'k: { choice: [car, plane] }').replace('kind: $k', 'kind: "=k"'));
    expect(err?.pointer).toBe('/actors/0/kind');
    expect(err?.message).toContain('"plane"');
  });

  it('an expression giving an ego speed above the 90 m/s limit', () => {
    const err = firstFailure(BASE.replace('speedMps: 8', 'speedMps: "=349"'));
    expect(err?.pointer).toBe('/ego/speedMps');
    expect(err?.message).toContain('got 349');
  });

  it('an expression giving a lane the road does not have', () => {
    const err = firstFailure(BASE.replace('place: { lane: 2, s: 30 }', 'place: { lane: "=1 + 2", s: 30 }'));
    expect(err?.pointer).toBe('/actors/0/place/lane');
    expect(err?.message).toContain('lane 3 does not exist');
  });

  it('a parking lane on a side without parking, chosen by a parameter', () => {
    const err = firstFailure(
      BASE.replace('k: { choice: [car, van] }', 'k: { choice: [car, van] }\n  where: { choice: [parking-right] }').replace(
        'place: { lane: 2, s: 30 }',
        'place: { lane: $where, s: 30 }',
      ),
    );
    expect(err?.pointer).toBe('/actors/0/place/lane');
    expect(err?.message).toContain('no parking lane on the right');
  });

  it('a choice value that looks like an expression is a literal and is refused', () => {
    const err = firstFailure(BASE.replace('k: { choice: [car, van] }', 'k: { choice: ["=0/0"] }'));
    expect(err?.pointer).toBe('/actors/0/kind');
    expect(err?.message).toContain('looks like a reference or expression');
  });
});
