/** The examples in docs/grammar.md must stay valid scenario text. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../src/scenario/errors.js';
import { checkScenario } from '../../src/scenario/load.js';

const doc = readFileSync(new URL('../../docs/grammar.md', import.meta.url), 'utf8');
const examples = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

/** The first example that starts with `start`. */
function example(start: string): string {
  const found = examples.find((e) => e.startsWith(start));
  if (!found) throw new Error(`docs/grammar.md has no yaml example starting with ${JSON.stringify(start)}`);
  return found;
}

const indent = (text: string, n: number): string =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => (l === '' ? l : ' '.repeat(n) + l))
    .join('\n');

function errorsOf(text: string): string[] {
  return checkScenario(text, 'docs/grammar.md').errors.map(formatScenarioError);
}

describe('docs/grammar.md', () => {
  it('has a complete example that validates', () => {
    expect(errorsOf(example('version: 1'))).toEqual([]);
  });

  it('has section examples (road, blocks, ego, actors, behaviours, triggers, weather, light, simulation) that validate together', () => {
    const road = example('road:').replace('  blocks: [...]\n', '');
    const actors = example('actors:').replace('behaviours: [...]', 'behaviours: []');
    const behaviours = example('- do: keepLane');
    const trigger = example('trigger:');
    const text = [
      'version: 1',
      'name: docs',
      example('parameters:\n  gapM').trimEnd(),
      road.trimEnd(),
      indent(example('blocks:'), 2),
      example('ego:').trimEnd(),
      actors.trimEnd(),
      '  - id: doer',
      '    kind: car',
      '    place: {s: 5}',
      '    behaviours:',
      indent(behaviours, 6),
      '      - do: stop',
      indent(trigger, 8),
      example('weather:').trimEnd(),
      example('simulation:').trimEnd(),
    ].join('\n');
    expect(errorsOf(text)).toEqual([]);
  });

  it('has distribution examples that validate as the values of an actor', () => {
    // The example's hazard and lane lines belong inside lights and place.
    const values = example('speedMps: {uniform')
      .replace(/^hazard: (.*)$/m, 'lights: {hazard: $1}')
      .replace(/^lane: (.*)$/m, 'place: {s: 1, lane: $1}');
    const text = ['version: 1', 'name: d', 'road:', '  blocks: [{kind: straight, lengthM: 5}]', 'ego:', '  place: {s: 1}', 'actors:', '  - id: a', indent(values, 4)].join('\n');
    expect(errorsOf(text)).toEqual([]);
  });
});
