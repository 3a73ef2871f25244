import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/scenario/load.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { VALID_YAML, minimalWith } from './fixtures.js';

function schemaErrors(text: string) {
  const p = parseScenarioText(text, 'x.yaml');
  expect(p.errors).toEqual([]);
  return validateScenario(p.spec, p.locate, 'x.yaml');
}

describe('validateScenario', () => {
  it('accepts the valid fixture', () => {
    expect(schemaErrors(VALID_YAML)).toEqual([]);
  });

  it('reports a wrong type as one error that names every accepted form', () => {
    expect(schemaErrors(minimalWith('  speedMps: fast'))).toEqual([
      {
        file: 'x.yaml',
        line: 9,
        col: 13,
        pointer: '/ego/speedMps',
        message: 'expected a number from 0 to 90, a distribution or a "$param" or "=expr" reference, got "fast"',
      },
    ]);
  });

  it('reports a number out of range with the range', () => {
    const [e] = schemaErrors(minimalWith('  speedMps: 120'));
    expect(e.message).toBe('expected a number from 0 to 90, got 120');
  });

  it('reports an unknown key at the key with a did-you-mean', () => {
    expect(schemaErrors(minimalWith('  speedMsp: 10'))).toEqual([
      { file: 'x.yaml', line: 9, col: 3, pointer: '/ego/speedMsp', message: 'unknown key "speedMsp"', hint: 'did you mean "speedMps"?' },
    ]);
  });

  it('lists the allowed keys when no key is close', () => {
    const [e] = schemaErrors(minimalWith('  zzz: 1'));
    expect(e.hint).toBe('allowed here: kind, place, speedMps, colour, behaviours, camera, lights');
  });

  it('reports a missing required key at the mapping that lacks it', () => {
    const text = ['version: 1', 'name: t', 'road:', '  blocks:', '    - kind: straight', 'ego:', '  place: {s: 10}'].join('\n');
    expect(schemaErrors(text)).toEqual([{ file: 'x.yaml', line: 5, col: 7, pointer: '/road/blocks/0', message: 'missing required key "lengthM"' }]);
  });

  it('reports a missing top-level key', () => {
    const [e] = schemaErrors('version: 1\nname: t\nego:\n  place: {s: 1}\n');
    expect(e).toMatchObject({ line: 1, col: 1, pointer: '', message: 'missing required key "road"' });
  });

  it('reports a bad enum value with the choices and a did-you-mean', () => {
    const [e] = schemaErrors(minimalWith('  kind: Truck'));
    expect(e).toMatchObject({ line: 9, col: 9, pointer: '/ego/kind', hint: 'did you mean "truck"?' });
    expect(e.message).toBe('expected one of "car", "van", "truck", "bus", "motorcycle", got "Truck"');
  });

  it('reports a distribution with the wrong arity inside the distribution', () => {
    expect(schemaErrors(minimalWith('  speedMps: {uniform: [1, 2, 3]}'))).toEqual([
      { file: 'x.yaml', line: 9, col: 23, pointer: '/ego/speedMps/uniform', message: 'expected a list of 2, got a list of 3' },
    ]);
  });

  it('reports a distribution missing a parameter', () => {
    const [e] = schemaErrors(minimalWith('  speedMps: {normal: {mean: 1}}'));
    expect(e).toMatchObject({ pointer: '/ego/speedMps/normal', message: 'missing required key "sd"' });
  });

  it('reports an unknown distribution with the shapes it could have', () => {
    const [e] = schemaErrors(minimalWith('  speedMps: {unform: [1, 2]}'));
    expect(e.pointer).toBe('/ego/speedMps');
    expect(e.hint).toMatch(/write one of \{const: \.\.\.\}, \{uniform: \.\.\.\}/);
  });

  it('reports an unknown behaviour with the list of behaviours', () => {
    const errors = schemaErrors(minimalWith('  behaviours:', '    - do: crossRoad'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 10, col: 11, pointer: '/ego/behaviours/0/do' });
    expect(errors[0].message).toMatch(/^unknown behaviour "crossRoad", expected one of keepLane, brake, .*, stop$/);
  });

  it('suggests the closest behaviour name', () => {
    const [e] = schemaErrors(minimalWith('  behaviours:', '    - do: keeplane'));
    expect(e.hint).toBe('did you mean "keepLane"?');
  });

  it('checks the keys of a known behaviour', () => {
    const [e] = schemaErrors(minimalWith('  behaviours:', '    - do: brake', '      decel: 5'));
    expect(e).toMatchObject({ pointer: '/ego/behaviours/0', message: 'missing required key "decelMps2"' });
  });

  it('reports an unknown block kind with a did-you-mean', () => {
    const text = minimalWith().replace('kind: straight', 'kind: straigt');
    const [e] = schemaErrors(text);
    expect(e).toMatchObject({ line: 5, col: 13, pointer: '/road/blocks/0/kind', hint: 'did you mean "straight"?' });
  });

  it('reports lane 0 as outside the allowed lanes', () => {
    const [e] = schemaErrors(minimalWith('actors:', '  - {id: a, kind: car, place: {s: 5, lane: 0}}'));
    expect(e.message).toBe('expected an integer from -8 to 8 other than 0, got 0');
  });

  it('reports a "$" that is not a parameter reference', () => {
    const [e] = schemaErrors(minimalWith('  speedMps: $'));
    expect(e.message).toBe('expected a "$param" or "=expr" reference, got "$"');
  });

  it('reports every error of a file at once, one per place', () => {
    const errors = schemaErrors(minimalWith('  speedMps: fast', '  colour: 12', 'actors:', '  - id: a', '    kind: car', '    place: {s: 5, lane: 0}', '    spd: 3'));
    expect(errors.map((e) => [e.line, e.pointer])).toEqual([
      [9, '/ego/speedMps'],
      [10, '/ego/colour'],
      [14, '/actors/0/place/lane'],
      [15, '/actors/0/spd'],
    ]);
  });

  it('reports __proto__ as an unknown key', () => {
    const [e] = schemaErrors(minimalWith('__proto__: {a: 1}'));
    expect(e).toMatchObject({ pointer: '/__proto__', message: 'unknown key "__proto__"' });
  });

  it('caps the number of errors reported for one file', () => {
    const actors = Array.from({ length: 150 }, (_, i) => `  - {id: a${i}, kind: car, place: {s: 5}, bad: 1}`);
    const errors = schemaErrors(minimalWith('actors:', ...actors));
    expect(errors).toHaveLength(101);
    expect(errors[100].message).toBe('more than 100 schema errors; the rest are not shown');
  });

  it('sorts the errors of checkScenario by line', () => {
    const { errors } = checkScenario(minimalWith('  colour: 12', '  speedMps: fast').replace('kind: straight', 'kind: x'), 'x.yaml');
    expect(errors.map((e) => e.line)).toEqual([5, 9, 10]);
  });
});
