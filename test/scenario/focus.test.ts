import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../src/scenario/defaults.js';
import { checkScenario } from '../../src/scenario/load.js';
import type { SpecNode } from '../../src/scenario/types.js';
import { minimalWith } from './fixtures.js';

const ACTORS = [
  'actors:',
  '  - id: cyclist',
  '    kind: bicycle',
  '    place: {s: 30}',
  '    behaviours: [{do: swerve, offsetM: 1}]',
  '  - id: doorCar',
  '    kind: car',
  '    place: {lane: 1, s: 50}',
  '    behaviours: [{do: park}, {do: openDoor}]',
];

function errorsOf(...focus: string[]) {
  return checkScenario(minimalWith(...ACTORS, 'focus:', ...focus), 'x.yaml').errors;
}

// Lines 9..17 are ACTORS, 18 is "focus:", the focus lines start at 19.
describe('focus validation', () => {
  it('accepts focus actors and each event kind that names what exists', () => {
    expect(errorsOf('  actors: [cyclist, doorCar]', '  event: {kind: door, actor: doorCar, offsetS: 0.5}')).toEqual([]);
    expect(errorsOf('  actors: cyclist', '  event: {kind: behaviour, actor: cyclist, behaviour: swerve}')).toEqual([]);
    expect(errorsOf('  event: {kind: collision, actor: cyclist, with: ego, offsetS: {uniform: [-1, 1]}}')).toEqual([]);
  });

  it('reports an unknown focus actor at its line and column with a did-you-mean', () => {
    expect(errorsOf('  actors: [cyclist, dorCar]')).toEqual([
      { file: 'x.yaml', line: 19, col: 21, pointer: '/focus/actors/1', message: 'focus names no actor: "dorCar"', hint: 'did you mean "doorCar"?' },
    ]);
  });

  it('reports an unknown event actor', () => {
    const [e] = errorsOf('  event: {kind: door, actor: cyclst}');
    expect(e).toMatchObject({ line: 19, col: 30, pointer: '/focus/event/actor', message: 'focus names no actor: "cyclst"', hint: 'did you mean "cyclist"?' });
  });

  it('refuses the ego as a focus actor', () => {
    expect(errorsOf('  actors: ego')[0]).toMatchObject({ pointer: '/focus/actors', message: 'the ego vehicle carries the camera and cannot be a focus actor' });
  });

  it('reports a behaviour event for a behaviour the actor does not have', () => {
    const [e] = errorsOf('  event: {kind: behaviour, actor: cyclist, behaviour: cross}');
    expect(e).toMatchObject({ pointer: '/focus/event/behaviour', message: '"cyclist" has no cross behaviour, so the event never happens', hint: 'its behaviours: swerve' });
  });

  it('reports a door event for an actor without openDoor', () => {
    expect(errorsOf('  event: {kind: door, actor: cyclist}')[0]).toMatchObject({
      pointer: '/focus/event/actor',
      message: '"cyclist" has no openDoor behaviour, so its door never opens',
    });
  });

  it('reports a signal event at a block that is not a junction with signals', () => {
    expect(errorsOf('  event: {kind: signal, junction: b0, colour: red}')[0]).toMatchObject({
      pointer: '/focus/event/junction',
      message: 'a signal event needs a junction: block "b0" is a straight',
    });
  });

  it('reports an unknown event kind through the grammar', () => {
    const errors = errorsOf('  event: {kind: explosion}');
    expect(errors).toHaveLength(1);
    expect(errors[0].pointer).toMatch(/^\/focus\/event/);
  });
});

describe('focus defaults', () => {
  const base = (focus?: SpecNode): SpecNode => ({
    version: 1,
    name: 't',
    road: { blocks: [{ kind: 'straight', lengthM: 100 }] },
    ego: { place: { s: 10 } },
    actors: [
      { id: 'a', kind: 'car', place: { s: 30 } },
      { id: 'b', kind: 'car', place: { s: 50 } },
    ],
    ...(focus === undefined ? {} : { focus }),
  });

  it('no focus: no actors and no event', () => {
    expect(applyDefaults(base()).focus).toEqual({ actors: [] });
  });

  it('one id becomes a list', () => {
    expect(applyDefaults(base({ actors: 'a' })).focus).toEqual({ actors: ['a'] });
  });

  it('without actors the event names them, never the ego', () => {
    expect(applyDefaults(base({ event: { kind: 'collision', actor: 'ego', with: 'b' } })).focus).toEqual({
      actors: ['b'],
      event: { kind: 'collision', actor: 'ego', with: 'b', offsetS: 0 },
    });
    expect(applyDefaults(base({ event: { kind: 'signal', junction: 'J', colour: 'red' } })).focus.actors).toEqual([]);
  });

  it('written actors win over the event', () => {
    expect(applyDefaults(base({ actors: ['a'], event: { kind: 'door', actor: 'b', offsetS: 1 } })).focus).toEqual({
      actors: ['a'],
      event: { kind: 'door', actor: 'b', offsetS: 1 },
    });
  });
});

describe('catalog focus', () => {
  const root = new URL('../../scenarios/', import.meta.url);
  const files = readdirSync(root).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'scenario.schema.json');

  it.each(files)('scenarios/%s names at least one focus actor', (file) => {
    const { spec, errors } = checkScenario(readFileSync(new URL(file, root), 'utf8'), file);
    expect(errors).toEqual([]);
    const focus = (spec as { focus?: { actors?: SpecNode } }).focus;
    expect(focus?.actors).toBeDefined();
    expect(([] as SpecNode[]).concat(focus!.actors!).length).toBeGreaterThan(0);
  });
});
