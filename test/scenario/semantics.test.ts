import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/scenario/load.js';
import { VALID_YAML, minimalWith } from './fixtures.js';

function errorsOf(text: string) {
  return checkScenario(text, 'x.yaml').errors;
}

function only(text: string) {
  const errors = errorsOf(text);
  expect(errors).toHaveLength(1);
  return errors[0];
}

const ACTORS = (...rows: string[]) => minimalWith('actors:', ...rows);

describe('checkSemantics', () => {
  it('accepts the valid fixture', () => {
    const r = checkScenario(VALID_YAML, 'x.yaml');
    expect(r.errors).toEqual([]);
    expect(r.spec).toBeDefined();
  });

  it('reports an unknown "$name" parameter with a did-you-mean', () => {
    expect(only(minimalWith('  speedMps: $sped', 'parameters:', '  speed: 10'))).toEqual({
      file: 'x.yaml',
      line: 9,
      col: 13,
      pointer: '/ego/speedMps',
      message: 'unknown parameter "$sped"',
      hint: 'did you mean "speed"?',
    });
  });

  it('tells where to declare a parameter when there are none', () => {
    expect(only(minimalWith('  speedMps: $speed')).hint).toBe('declare it under "parameters:"');
  });

  it('reports a bad expression at the column inside a quoted string', () => {
    const e = only(minimalWith('  speedMps: "=speed * * 2"', 'parameters:', '  speed: 10'));
    expect(e).toMatchObject({ line: 9, col: 23, pointer: '/ego/speedMps' });
    expect(e.message).toBe("bad expression: unexpected '*' (at character 10)");
  });

  it('reports a bad expression at the column inside a plain string', () => {
    expect(only(minimalWith('  speedMps: =speed * * 2', 'parameters:', '  speed: 10')).col).toBe(22);
  });

  it('reports an unknown variable in an expression at its column', () => {
    const e = only(minimalWith('  speedMps: "=speed + spede"', 'parameters:', '  speed: 10'));
    expect(e).toMatchObject({ line: 9, col: 23, message: 'unknown parameter "spede" in expression', hint: 'did you mean "speed"?' });
  });

  it('reports a requirement that does not parse', () => {
    const e = only(minimalWith('parameters:', '  g: 1', 'requires:', '  - g > > 1'));
    expect(e).toMatchObject({ line: 12, col: 9, pointer: '/requires/0' });
  });

  it('reports an unknown variable in a requirement', () => {
    expect(only(minimalWith('parameters:', '  g: 1', 'requires:', '  - gg > 1')).message).toBe('unknown parameter "gg" in expression');
  });

  it('reports parameters that refer to each other in a cycle', () => {
    const e = only(minimalWith('parameters:', '  a: "=b + 1"', '  b: $a'));
    expect(e.message).toBe('parameters refer to each other in a cycle: a -> b -> a');
  });

  it('treats strings in a choice as literal values, not references', () => {
    expect(errorsOf(minimalWith('parameters:', '  note: {choice: ["$x", "=y"]}'))).toEqual([]);
  });

  it('reports a duplicate actor id at the second one', () => {
    const e = only(ACTORS('  - {id: a, kind: car, place: {s: 5}}', '  - {id: a, kind: van, place: {s: 25}}'));
    expect(e).toMatchObject({ line: 11, col: 10, pointer: '/actors/1/id', message: 'duplicate actor id "a": line 10 already uses it' });
  });

  it('reserves the id "ego"', () => {
    expect(only(ACTORS('  - {id: ego, kind: car, place: {s: 5}}')).message).toMatch(/reserved for the ego vehicle/);
  });

  it('reports a relativeTo naming no actor', () => {
    const e = only(ACTORS('  - {id: ped, kind: pedestrian, place: {relativeTo: vna}}', '  - {id: van, kind: van, place: {s: 5}}'));
    expect(e).toMatchObject({ pointer: '/actors/0/place/relativeTo', message: 'relativeTo names no actor: "vna"', hint: 'did you mean "van"?' });
  });

  it('reports a cycle of relative placements once', () => {
    const e = only(ACTORS('  - {id: a, kind: car, place: {relativeTo: b}}', '  - {id: b, kind: van, place: {relativeTo: a, aheadM: 5}}'));
    expect(e).toMatchObject({ line: 10, col: 44, message: 'relative placements form a cycle: a -> b -> a' });
  });

  it('reports a cycle through the ego vehicle', () => {
    const text = minimalWith('actors:', '  - {id: a, kind: car, place: {relativeTo: ego}}').replace('place: {s: 10}', 'place: {relativeTo: a}');
    expect(only(text).message).toMatch(/cycle: (ego -> a -> ego|a -> ego -> a)/);
  });

  it('reports an actor placed relative to itself', () => {
    expect(only(ACTORS('  - {id: a, kind: car, place: {relativeTo: a}}')).message).toBe('"a" is placed relative to itself');
  });

  it('reports a trigger naming no actor', () => {
    const e = only(
      ACTORS('  - id: a', '    kind: car', '    place: {s: 5}', '    behaviours:', '      - {do: brake, decelMps2: 5, trigger: {actorWithinM: {actor: bb, distanceM: 5}}}'),
    );
    expect(e).toMatchObject({ pointer: '/actors/0/behaviours/0/trigger/actorWithinM/actor', message: 'trigger names no actor: "bb"' });
  });

  it('reports turn.at naming a block that is not a junction', () => {
    const e = only(minimalWith('  behaviours:', '    - {do: turn, at: b0}'));
    expect(e).toMatchObject({ pointer: '/ego/behaviours/0/at', message: 'turn.at must name a junction or roundabout: block "b0" is a straight' });
  });

  it('finds a junction by its default id b<index>', () => {
    const text = minimalWith('  behaviours:', '    - {do: turn, at: b1, direction: left}').replace(
      '      lengthM: 100',
      '      lengthM: 100\n    - {kind: junction, shape: four-way}',
    );
    expect(errorsOf(text)).toEqual([]);
  });

  it('reports turn.at naming no block, with a did-you-mean', () => {
    const text = minimalWith('  behaviours:', '    - {do: turn, at: jl}').replace('      lengthM: 100', '      lengthM: 100\n    - {id: j1, kind: junction, shape: t}');
    expect(only(text)).toMatchObject({ message: 'turn.at must name a junction or roundabout: no block has the id "jl"', hint: 'did you mean "j1"?' });
  });

  it('reports a road id naming no junction arm', () => {
    const e = only(ACTORS('  - {id: a, kind: car, place: {road: j9.left, s: 5}}'));
    expect(e.message).toBe('road "j9.left" names no junction or roundabout arm: no block has the id "j9"');
  });

  it('reports a missing arm of a T junction', () => {
    const text = ACTORS('  - {id: a, kind: car, place: {road: j1.left, s: 5}}').replace(
      '      lengthM: 100',
      '      lengthM: 100\n    - {id: j1, kind: junction, shape: t, side: right}',
    );
    expect(only(text).message).toBe('junction "j1" has no arm "left"');
  });

  it('reports duplicate block ids, including a clash with a default id', () => {
    const text = minimalWith().replace('      lengthM: 100', '      lengthM: 100\n    - {id: b0, kind: straight, lengthM: 5}');
    expect(only(text).message).toBe('duplicate block id "b0": line 5 already uses it');
  });

  it('reports a literal lane beyond the forward lanes', () => {
    const e = only(ACTORS('  - {id: a, kind: car, place: {s: 5, lane: 3}}'));
    expect(e).toMatchObject({ pointer: '/actors/0/place/lane', message: 'lane 3 does not exist: the road has 1 forward lane (1..1)' });
  });

  it('reports an oncoming lane on a one-way road', () => {
    const text = ACTORS('  - {id: a, kind: car, place: {s: 5, lane: -1}}').replace('road:', 'road:\n  lanes: {backward: 0}');
    expect(only(text).message).toBe('lane -1 does not exist: the road has no oncoming lanes');
  });

  it('reports a lane change to a lane that does not exist', () => {
    expect(only(minimalWith('  behaviours:', '    - {do: laneChange, toLane: 2}')).pointer).toBe('/ego/behaviours/0/toLane');
  });

  it('reports uniform with low above high', () => {
    const e = only(minimalWith('  speedMps: {uniform: [9, 3]}'));
    expect(e).toMatchObject({ pointer: '/ego/speedMps/uniform', message: 'uniform needs low <= high, got [9, 3]', hint: 'write [3, 9]' });
  });

  it('reports int with low above high', () => {
    expect(only(minimalWith('parameters:', '  n: {int: [5, 1]}')).message).toBe('int needs low <= high, got [5, 1]');
  });

  it('reports truncnormal with min not below max', () => {
    expect(only(minimalWith('  speedMps: {truncnormal: {mean: 5, sd: 1, min: 6, max: 6}}')).message).toBe('truncnormal needs min < max, got min 6 and max 6');
  });

  it('reports weights of the wrong length', () => {
    const e = only(minimalWith('  kind: {choice: [car, van], weights: [1]}'));
    expect(e).toMatchObject({ pointer: '/ego/kind/weights', message: 'weights has 1 entry but choice has 2' });
  });

  it('reports weights that are all zero', () => {
    expect(only(minimalWith('  kind: {choice: [car, van], weights: [0, 0]}')).message).toBe('weights must not all be 0');
  });

  it('reports several semantic errors at once, sorted by line', () => {
    const errors = errorsOf(
      ACTORS('  - {id: a, kind: car, place: {s: 5, lane: 4}}', '  - {id: a, kind: car, place: {relativeTo: zz}}', '  - {id: c, kind: car, place: {s: "$nope"}}'),
    );
    expect(errors.map((e) => e.line)).toEqual([10, 11, 11, 12]);
  });
});

describe('checkScenario with schema and meaning errors together', () => {
  it('reports a schema error and a meaning error of one file at once', () => {
    const errors = checkScenario(minimalWith('  speedMps: fast', 'actors:', '  - {id: a, kind: car, place: {relativeTo: zz}}'), 'x.yaml').errors;
    expect(errors.map((e) => e.pointer)).toEqual(['/ego/speedMps', '/actors/0/place/relativeTo']);
  });

  it('keeps only the schema error where both find fault at the same place', () => {
    // Lane 9 breaks the schema (at most 8) and the layout (1 forward lane).
    const errors = checkScenario(minimalWith('actors:', '  - {id: a, kind: car, place: {s: 5, lane: 9}}'), 'x.yaml').errors;
    expect(errors.map((e) => e.message)).toEqual(['expected an integer from -8 to 8 other than 0, got 9']);
  });
});

describe('checkScenario on files of the wrong shape', () => {
  it('reports schema errors without throwing when every section has the wrong type', () => {
    const text = [
      'version: 1',
      'name: t',
      'parameters: [1, 2]',
      'requires: {a: 1}',
      'road: {blocks: {kind: roundabout, arms: 1000000000}, lanes: [1], crosswalks: 3}',
      'ego: {place: [relativeTo, ego], behaviours: {do: turn}}',
      'actors:',
      '  - 7',
      '  - {id: [x], place: {relativeTo: {a: 1}}, behaviours: [{do: turn, at: [1]}, 3, {trigger: {actorWithinM: 5}}]}',
      '  - {id: r, kind: car, place: {road: b0.1, s: 1}}',
      'weather: "=constructor.prototype"',
    ].join('\n');
    const r = checkScenario(text, 'x.yaml');
    expect(r.spec).toBeUndefined();
    expect(r.errors.length).toBeGreaterThan(5);
  });
});
