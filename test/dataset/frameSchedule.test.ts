import { describe, expect, it } from 'vitest';
import { criticalTick, focusCriticalTick, frameSchedule, inView, parseClipAnchor, CLOSE_CALL_TTC_S, PATH_MARGIN_M, type ScheduleInput } from '../../src/dataset/frameSchedule.js';
import { CameraView } from '../../src/scene/camera/cameraView.js';
import { focusEventTick } from '../../src/sim/focus.js';
import { timeToOverlapS } from '../../src/sim/orientedBox.js';
import { simulate } from '../../src/sim/simulate.js';
import { readState, type StateField } from '../../src/sim/types.js';
import { straightRoadScenario } from '../sim/fixtures.js';

const DT = 0.02;

/**
 * The ego (15 m/s, no driver) closes in on `slow` ahead in its lane, which speeds up at 1.5 s from
 * 5 to 25 m/s before they touch; `chaser` (25 m/s) closes in on the ego from behind; a walker
 * steps out at 3 s.
 */
function scene(focus: { [key: string]: unknown }): ScheduleInput {
  const { instance, network } = straightRoadScenario({
    simulation: { durationS: 4.5, dtS: DT },
    ego: { place: { lane: 1, s: 60 }, speedMps: 15 },
    actors: [
      { id: 'slow', kind: 'car', place: { lane: 1, s: 100 }, speedMps: 5, behaviours: [{ do: 'accelerate', toSpeedMps: 25, accelMps2: 3, trigger: { atS: 1.5 } }] },
      { id: 'chaser', kind: 'car', place: { lane: 1, s: 5 }, speedMps: 25 },
      { id: 'walker', kind: 'pedestrian', place: { lane: 'sidewalk-right', s: 150 }, behaviours: [{ do: 'cross', speedMps: 1.5, trigger: { atS: 3 } }] },
    ],
    focus: focus as never,
  });
  const sim = simulate(instance, network);
  return { instance, trajectory: sim.trajectory, events: sim.events, metrics: sim.metrics };
}

const clip = { frames: 5, fps: 10 };

describe('frameSchedule anchors', () => {
  it('centres the default clip on the focus event', () => {
    const input = scene({ actors: ['walker'], event: { kind: 'behaviour', actor: 'walker', behaviour: 'cross' } });
    const s = frameSchedule(input, { ...clip, anchor: 'focus' });
    const event = Math.round(3 / DT);
    expect(s.centre).toBe('focus-event');
    expect(s.centreTick).toBe(event);
    expect(s.ticks).toEqual([event - 10, event - 5, event, event + 5, event + 10]);
    expect(s.timesS[2]).toBeCloseTo(3, 9);
  });

  it('shifts the centre by the event offset', () => {
    const input = scene({ actors: ['walker'], event: { kind: 'behaviour', actor: 'walker', behaviour: 'cross', offsetS: 1 } });
    expect(frameSchedule(input, { ...clip, anchor: 'event' }).centreTick).toBe(Math.round(4 / DT));
  });

  it('centres on a time', () => {
    const s = frameSchedule(scene({}), { ...clip, anchor: { atS: 2 } });
    expect(s.centre).toBe('time');
    expect(s.ticks).toEqual([90, 95, 100, 105, 110]);
  });

  it('spreads the frames over a tick range, ends included', () => {
    expect(frameSchedule(scene({}), { ...clip, anchor: { fromTick: 10, toTick: 50 } }).ticks).toEqual([10, 20, 30, 40, 50]);
  });

  it('takes the frame spacing from spacingS over fps', () => {
    expect(frameSchedule(scene({}), { ...clip, spacingS: 0.3, anchor: { atS: 2 } }).ticks).toEqual([70, 85, 100, 115, 130]);
    expect(frameSchedule(scene({}), { ...clip, spacingS: 0.1, anchor: { fromTick: 10, toTick: 50 } }).ticks).toEqual([10, 15, 20, 25, 30]);
  });

  it('starts at tick 0 with start', () => {
    expect(frameSchedule(scene({}), { ...clip, anchor: 'start' }).ticks).toEqual([0, 5, 10, 15, 20]);
  });

  it('keeps the clip inside the trajectory near its end', () => {
    const s = frameSchedule(scene({}), { ...clip, anchor: { atS: 100 } });
    expect(s.ticks[s.ticks.length - 1]).toBe(Math.round(4.5 / DT));
    expect(s.ticks).toHaveLength(5);
  });
});

describe('focus critical tick', () => {
  const input = scene({ actors: ['slow'] });
  const t = input.trajectory;
  const view = new CameraView(t, input.instance.ego.camera);
  const ttcAt = (tick: number, a: number): number => {
    const at = (i: number, f: StateField) => readState(t, tick, i, f);
    const box = (i: number) => ({ x: at(i, 'x'), y: at(i, 'y'), yawRad: at(i, 'yawRad'), halfL: t.actors[i].size.lengthM / 2, halfW: t.actors[i].size.widthM / 2 });
    return timeToOverlapS(box(0), at(0, 'vx'), at(0, 'vy'), box(a), at(a, 'vx'), at(a, 'vy'));
  };

  it('the ego-critical moment is the chaser behind the camera, out of view', () => {
    const k = criticalTick(input.metrics)!;
    expect(input.metrics.perActor.chaser.minTtcS).toBeLessThan(input.metrics.perActor.slow.minTtcS);
    expect(view.view(k, 2).box).toBeNull();
  });

  it("centres the default clip on the focus actor's smallest TTC among the ticks it is in view", () => {
    const s = frameSchedule(input, { ...clip, anchor: 'focus' });
    expect(s.centre).toBe('focus-critical');
    expect(s.centreTick).not.toBe(frameSchedule(input, { ...clip, anchor: 'critical' }).centreTick);
    // The closest call with `slow` comes just after it starts to speed up, not at either end.
    expect(s.centreTick).toBeGreaterThan(Math.round(1.5 / DT));
    expect(s.centreTick).toBeLessThan(Math.round(4 / DT));
    expect(inView(view.view(s.centreTick, 1))).toBe(true);
    for (let tick = 0; tick < t.ticks; tick++) {
      if (inView(view.view(tick, 1))) expect(ttcAt(tick, 1)).toBeGreaterThanOrEqual(ttcAt(s.centreTick, 1));
    }
    expect(s.focusInView).toEqual([true, true, true, true, true]);
  });

  it('a focus actor that is never in view gives no focus tick, and the clip says so', () => {
    const behind = scene({ actors: ['chaser'] });
    expect(focusCriticalTick(behind)).toBeNull();
    const s = frameSchedule(behind, { ...clip, anchor: 'focus' });
    expect(s.centre).toBe('ego-critical');
    expect(s.notes).toEqual(["no focus actor (chaser) is ever in the camera's view"]);
    expect(s.focusInView.every((v) => !v)).toBe(true);
  });

  it('a focus event that does not happen falls back to the focus actor, with a note', () => {
    const input2 = scene({ actors: ['slow'], event: { kind: 'door', actor: 'slow' } });
    expect(focusEventTick(input2.instance.focus, input2)).toBeNull();
    const s = frameSchedule(input2, { ...clip, anchor: 'focus' });
    expect(s.centre).toBe('focus-critical');
    expect(s.notes).toEqual(['the focus event (door) did not happen in this run']);
  });
});

describe('focus critical tick without a closing actor', () => {
  // The walker runs across well ahead and is gone before the ego (10 m/s, no driver) arrives.
  const { instance, network } = straightRoadScenario({
    simulation: { durationS: 4, dtS: DT },
    ego: { place: { lane: 1, s: 20 }, speedMps: 10 },
    actors: [{ id: 'walker', kind: 'pedestrian', place: { lane: 'sidewalk-right', s: 90 }, behaviours: [{ do: 'cross', speedMps: 3, gait: 'run' }] }],
    focus: { actors: ['walker'] },
  });
  const sim = simulate(instance, network);
  const input: ScheduleInput = { instance, trajectory: sim.trajectory, events: sim.events, metrics: sim.metrics };
  const t = sim.trajectory;
  const side = (tick: number): number => readState(t, tick, 1, 'y') - readState(t, tick, 0, 'y');
  const corridor = t.actors[0].size.widthM / 2 + t.actors[1].size.widthM / 2 + PATH_MARGIN_M;

  it("is the last tick the walker stands in the ego's path, where it is nearest", () => {
    expect(sim.metrics.perActor.walker.minTtcS).toBeGreaterThan(CLOSE_CALL_TTC_S);
    const k = focusCriticalTick(input)!;
    expect(Math.abs(side(k))).toBeLessThan(corridor);
    expect(Math.abs(side(k + 1))).toBeGreaterThanOrEqual(corridor);
    // Not the moment it is nearest overall (then it is beside the road).
    expect(k).toBeLessThan(t.ticks - 1);
  });
});

describe('CameraView', () => {
  const input = scene({});
  const t = input.trajectory;
  const rig = input.instance.ego.camera;
  const view = new CameraView(t, rig);

  it('a car straight ahead is as tall as the pinhole model says', () => {
    const v = view.view(0, 1);
    // Tick 0: camera forwardM ahead of the ego centre at s 60; the car's near face at s 100 - 2.25.
    const focalPx = rig.widthPx / 2 / Math.tan((rig.fovDeg * Math.PI) / 360);
    const nearM = 100 - 2.25 - (60 + rig.forwardM);
    const expected = (focalPx * (1.5 - 0)) / nearM; // bottom to roof, seen at the near face
    expect(v.box).not.toBeNull();
    expect(v.heightPx).toBeGreaterThan(expected * 0.9);
    expect(v.heightPx).toBeLessThan(expected * 1.1);
    // Centred horizontally.
    expect((v.box![0] + v.box![2]) / 2).toBeCloseTo(rig.widthPx / 2, 0);
  });

  it('a car behind the camera is not in view', () => {
    expect(view.view(0, 2)).toMatchObject({ box: null, heightPx: 0 });
  });
});

describe('parseClipAnchor', () => {
  it('reads every anchor form', () => {
    for (const name of ['focus', 'event', 'critical', 'start'] as const) expect(parseClipAnchor(name)).toEqual({ ok: true, anchor: name });
    expect(parseClipAnchor('at:4.5')).toEqual({ ok: true, anchor: { atS: 4.5 } });
    expect(parseClipAnchor('at:4s')).toEqual({ ok: true, anchor: { atS: 4 } });
    expect(parseClipAnchor('ticks:200-260')).toEqual({ ok: true, anchor: { fromTick: 200, toTick: 260 } });
  });

  it('rejects the rest with a message', () => {
    expect(parseClipAnchor('ticks:9-3')).toEqual({ ok: false, message: 'tick range 9-3 ends before it starts' });
    const bad = parseClipAnchor('middle');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^expected focus, event, critical, start/);
  });
});
