import { describe, expect, it } from 'vitest';
import { DOOR_EVENT_OPENING, focusActorIndices, focusAnchorTick, focusEventTick } from '../../src/sim/focus.js';
import { simulate } from '../../src/sim/simulate.js';
import { readState, SIGNAL_CODES } from '../../src/sim/types.js';
import { straightRoadScenario } from './fixtures.js';

describe('focusEventTick', () => {
  const { instance, network } = straightRoadScenario({
    simulation: { durationS: 5, dtS: 0.02 },
    // No behaviour: the ego rolls on at its initial speed into the car standing in its lane.
    ego: { place: { lane: 1, s: 20 }, speedMps: 12 },
    actors: [
      { id: 'doorCar', kind: 'car', place: { lane: -1, s: 200 }, behaviours: [{ do: 'park' }, { do: 'openDoor', durationS: 1, trigger: { atS: 1 } }] },
      { id: 'wall', kind: 'car', place: { lane: 1, s: 60 }, behaviours: [{ do: 'park' }] },
      { id: 'walker', kind: 'pedestrian', place: { lane: 'sidewalk-right', s: 40 }, behaviours: [{ do: 'stop', trigger: { atS: 2.5 } }] },
    ],
    focus: { actors: ['walker'], event: { kind: 'behaviour', actor: 'walker', behaviour: 'stop' } },
  });
  const sim = simulate(instance, network);
  const t = sim.trajectory;

  it('a behaviour event is the tick the behaviour starts', () => {
    expect(focusEventTick(instance.focus, sim)).toBe(Math.round(2.5 / 0.02));
  });

  it('a behaviour that never starts gives null', () => {
    expect(focusEventTick({ kind: 'behaviour', actor: 'walker', behaviour: 'cross', offsetS: 0 }, sim)).toBeNull();
  });

  it('a door event is the first tick the door is half open', () => {
    const k = focusEventTick({ kind: 'door', actor: 'doorCar', offsetS: 0 }, sim);
    const car = t.actors.findIndex((a) => a.id === 'doorCar');
    expect(k).not.toBeNull();
    expect(readState(t, k!, car, 'door')).toBeGreaterThanOrEqual(DOOR_EVENT_OPENING);
    expect(readState(t, k! - 1, car, 'door')).toBeLessThan(DOOR_EVENT_OPENING);
    // The door starts opening at 1 s and takes 1 s to open fully.
    expect(k! * 0.02).toBeGreaterThan(1);
    expect(k! * 0.02).toBeLessThan(2);
  });

  it('a collision event is the first collision of the named pair, any collision without names', () => {
    const crash = sim.events.find((e) => e.kind === 'collision');
    expect(crash).toBeDefined();
    expect(focusEventTick({ kind: 'collision', offsetS: 0 }, sim)).toBe(crash!.tick);
    expect(focusEventTick({ kind: 'collision', actor: 'wall', with: 'ego', offsetS: 0 }, sim)).toBe(crash!.tick);
    expect(focusEventTick({ kind: 'collision', actor: 'ego', offsetS: 0 }, sim)).toBe(crash!.tick);
    expect(focusEventTick({ kind: 'collision', actor: 'walker', offsetS: 0 }, sim)).toBeNull();
    expect(focusEventTick({ kind: 'collision', actor: 'ego', with: 'doorCar', offsetS: 0 }, sim)).toBeNull();
  });

  it('an offset shifts the anchor and stays inside the recorded ticks', () => {
    const k = focusEventTick(instance.focus, sim)!;
    expect(focusAnchorTick({ ...instance.focus.event!, offsetS: 0.5 }, sim)).toBe(k + 25);
    expect(focusAnchorTick({ ...instance.focus.event!, offsetS: -0.5 }, sim)).toBe(k - 25);
    expect(focusAnchorTick({ ...instance.focus.event!, offsetS: 100 }, sim)).toBe(t.ticks - 1);
    expect(focusAnchorTick({ actors: ['walker'] }, sim)).toBeNull();
  });

  it('focus actor indices are trajectory rows of the named actors', () => {
    expect(focusActorIndices({ actors: ['walker', 'doorCar'] }, t)).toEqual([3, 1]);
  });
});

describe('focusEventTick for signals', () => {
  const { instance, network } = straightRoadScenario({
    simulation: { durationS: 12, dtS: 0.05 },
    road: {
      blocks: [
        { kind: 'straight', lengthM: 100 },
        { kind: 'junction', id: 'J1', shape: 'four-way', signals: true, greenS: 5, yellowS: 2, allRedS: 1 },
        { kind: 'straight', lengthM: 100 },
      ],
    },
    ego: { place: { lane: 1, s: 10 } },
  });
  const sim = simulate(instance, network);
  const t = sim.trajectory;

  it('a signal event is the first tick a head of the junction shows the colour', () => {
    const k = focusEventTick({ kind: 'signal', junction: 'J1', colour: 'yellow', offsetS: 0 }, sim);
    expect(k).not.toBeNull();
    const yellow = SIGNAL_CODES.indexOf('yellow');
    const heads = t.signalHeads.length;
    const showsYellow = (tick: number): boolean => Array.from(t.signals.subarray(tick * heads, (tick + 1) * heads)).includes(yellow);
    expect(showsYellow(k!)).toBe(true);
    for (let tick = 0; tick < k!; tick++) expect(showsYellow(tick)).toBe(false);
  });

  it('a head filter narrows the signal event to that head', () => {
    const head = t.signalHeads[0].split('/')[1];
    const k = focusEventTick({ kind: 'signal', junction: 'J1', head, colour: 'red', offsetS: 0 }, sim);
    const red = SIGNAL_CODES.indexOf('red');
    expect(k).not.toBeNull();
    expect(t.signals[k! * t.signalHeads.length]).toBe(red);
    expect(focusEventTick({ kind: 'signal', junction: 'J2', colour: 'red', offsetS: 0 }, sim)).toBeNull();
  });
});
