/**
 * Which simulation ticks become frames. A clip of `frames` frames, `stride` ticks apart, is cut
 * from the trajectory around a centre tick chosen by the clip anchor:
 *
 * - `focus` (the default): the scenario's focus event (shifted by its offsetS); without one, or
 *   when it does not happen in this run, the focus actor's most critical tick while it is in
 *   the camera's view; without focus actors, the ego's critical moment.
 * - `event`: the focus event only (falling back like `focus`, with a note, when it does not happen).
 * - `critical`: the ego's minimum time to collision with any actor (else minimum distance).
 * - `start`: the clip starts at tick 0.
 * - `{ atS }`: centred on a simulation time [s].
 * - `{ fromTick, toTick }`: the frames spread evenly over a tick range (or from `fromTick` at
 *   the chosen spacing).
 *
 * "In view" is geometric (src/scene/camera/cameraView.ts): the projected box of the actor covers at
 * least MIN_IN_VIEW_HEIGHT_PX rows of the image and other actors' boxes hide less than
 * 1 - MIN_UNOCCLUDED_SHARE of it; exact occlusion is only known after rendering.
 *
 * A clip centred on the focus (event or critical tick) keeps that tick inside it and slides by
 * up to half its span towards the frames where the focus is in view, so a focus that leaves
 * the view right after its critical moment still fills the clip.
 */
import type { ScenarioInstance } from '../scenario/types.js';
import { CameraView, type ActorView } from '../scene/camera/cameraView.js';
import { focusActorIndices, focusAnchorTick } from '../sim/focus.js';
import { timeToOverlapS, type OrientedBox } from '../sim/orientedBox.js';
import { STATE_COLUMN as F, stateRow, type SimEvent, type SimMetrics, type Trajectory } from '../sim/types.js';

export type ClipAnchor = 'focus' | 'event' | 'critical' | 'start' | { atS: number } | { fromTick: number; toTick: number };

/** Projected box height [px] from which an actor counts as in the camera's view. */
export const MIN_IN_VIEW_HEIGHT_PX = 12;
/** Share of an actor's box that other actors' boxes must leave uncovered for it to count as in view. */
export const MIN_UNOCCLUDED_SHARE = 0.3;

/** The in-view test of this module on one CameraView result. */
export function inView(v: ActorView): boolean {
  return v.heightPx >= MIN_IN_VIEW_HEIGHT_PX && v.unoccludedShare >= MIN_UNOCCLUDED_SHARE;
}

/** How the centre of a clip was chosen. */
export type ClipCentre = 'focus-event' | 'focus-critical' | 'ego-critical' | 'middle' | 'start' | 'time' | 'ticks';

export interface FrameSchedule {
  /** Tick of each frame, ascending. */
  ticks: number[];
  /** Simulation time of each frame [s]. */
  timesS: number[];
  centre: ClipCentre;
  /** Tick the clip is centred on (the first tick for `start` and tick ranges). */
  centreTick: number;
  /** Per frame: some focus actor is in the camera's view (geometrically; false without focus actors). */
  focusInView: boolean[];
  /** Why the anchor fell back, for the run's notices; empty when it did not. */
  notes: string[];
}

export interface ClipOptions {
  frames: number;
  /** Frame rate [1/s]; frames are at least one tick apart. */
  fps: number;
  /** Spacing between frames [s]; overrides fps when given. */
  spacingS?: number;
  anchor: ClipAnchor;
}

/** What the schedule reads of a simulated instance. */
export interface ScheduleInput {
  instance: Pick<ScenarioInstance, 'focus' | 'ego'>;
  trajectory: Trajectory;
  events: readonly SimEvent[];
  metrics: SimMetrics;
}

/** The ego's closest call with any actor: the tick of the minimum TTC, else of the minimum distance. */
export function criticalTick(metrics: SimMetrics): number | null {
  let best: { ttc: number; dist: number; tick: number } | null = null;
  for (const m of Object.values(metrics.perActor)) {
    const ttcTick = Number.isFinite(m.minTtcS) ? m.minTtcTick : null;
    const candidate = { ttc: m.minTtcS, dist: m.minDistanceM, tick: ttcTick ?? m.minDistanceTick };
    if (best === null || candidate.ttc < best.ttc || (candidate.ttc === best.ttc && candidate.dist < best.dist)) best = candidate;
  }
  return best?.tick ?? null;
}

function footprint(t: Trajectory, tick: number, actor: number, out: OrientedBox): OrientedBox {
  const o = stateRow(t, tick, actor);
  const size = t.actors[actor].size;
  out.x = t.states[o + F.x];
  out.y = t.states[o + F.y];
  out.yawRad = t.states[o + F.yawRad];
  out.halfL = size.lengthM / 2;
  out.halfW = size.widthM / 2;
  return out;
}

const _ego: OrientedBox = { x: 0, y: 0, yawRad: 0, halfL: 0, halfW: 0 };
const _actor: OrientedBox = { x: 0, y: 0, yawRad: 0, halfL: 0, halfW: 0 };

/** Lateral margin [m] around the ego's width within which an actor ahead stands in its path. */
export const PATH_MARGIN_M = 1;
/** Times to collision up to this [s] make a close call; longer ones rank as not closing in. */
export const CLOSE_CALL_TTC_S = 3;

/**
 * The focus actors' most critical tick while in the camera's view, in this order:
 * 1. the smallest time to collision with the ego (constant velocities, footprints) up to
 *    CLOSE_CALL_TTC_S, ties by the smallest camera distance;
 * 2. when they never close in that much while in view: the tick where one stands in the ego's path
 *    (ahead, within the ego's width plus PATH_MARGIN_M of its centre line) nearest to it,
 *    such as an animal that crosses ahead and is gone before the ego arrives;
 * 3. otherwise the smallest camera distance.
 * Null when no focus actor is ever in view.
 */
export function focusCriticalTick(input: ScheduleInput, view = new CameraView(input.trajectory, input.instance.ego.camera)): number | null {
  const t = input.trajectory;
  const actors = focusActorIndices(input.instance.focus, t);
  const egoHalfW = t.actors[0].size.widthM / 2;
  let best: { rank: number; key: number; dist: number; tick: number } | null = null;
  for (let tick = 0; tick < t.ticks; tick++) {
    const e = stateRow(t, tick, 0);
    for (const a of actors) {
      const v = view.view(tick, a);
      if (!inView(v)) continue;
      const o = stateRow(t, tick, a);
      const ttc = timeToOverlapS(footprint(t, tick, 0, _ego), t.states[e + F.vx], t.states[e + F.vy], footprint(t, tick, a, _actor), t.states[o + F.vx], t.states[o + F.vy]);
      let rank: number;
      let key: number;
      if (ttc <= CLOSE_CALL_TTC_S) {
        rank = 0;
        key = ttc;
      } else {
        // The actor in the ego's frame: ahead along its heading, and to the side.
        const yaw = t.states[e + F.yawRad];
        const dx = t.states[o + F.x] - t.states[e + F.x];
        const dy = t.states[o + F.y] - t.states[e + F.y];
        const ahead = dx * Math.cos(yaw) + dy * Math.sin(yaw);
        const side = -dx * Math.sin(yaw) + dy * Math.cos(yaw);
        const inPath = ahead > 0 && Math.abs(side) < egoHalfW + t.actors[a].size.widthM / 2 + PATH_MARGIN_M;
        rank = inPath ? 1 : 2;
        key = inPath ? ahead : v.distanceM;
      }
      if (best === null || rank < best.rank || (rank === best.rank && (key < best.key || (key === best.key && v.distanceM < best.dist)))) {
        best = { rank, key, dist: v.distanceM, tick };
      }
    }
  }
  return best?.tick ?? null;
}

/** Ticks between frames. */
export function frameStride(dtS: number, fps: number, spacingS?: number): number {
  const spacing = spacingS ?? 1 / fps;
  return Math.max(1, Math.round(spacing / dtS));
}

export function frameSchedule(input: ScheduleInput, opts: ClipOptions): FrameSchedule {
  const t = input.trajectory;
  const last = t.ticks - 1;
  const notes: string[] = [];
  const anchor = opts.anchor;
  let view: CameraView | null = null;
  const cameraView = (): CameraView => (view ??= new CameraView(t, input.instance.ego.camera));

  let ticks: number[];
  let centre: ClipCentre;
  let centreTick: number;
  if (typeof anchor === 'object' && 'fromTick' in anchor) {
    const from = Math.max(0, Math.min(last, Math.round(anchor.fromTick)));
    const to = Math.max(from, Math.min(last, Math.round(anchor.toTick)));
    centre = 'ticks';
    centreTick = from;
    if (opts.spacingS !== undefined) ticks = strided(from, frameStride(t.dtS, opts.fps, opts.spacingS), opts.frames, to);
    else {
      // Evenly over the range, ends included; never the same tick twice.
      const n = Math.min(opts.frames, to - from + 1);
      ticks = n <= 1 ? [from] : Array.from({ length: n }, (_, k) => from + Math.round((k * (to - from)) / (n - 1)));
    }
  } else {
    const stride = frameStride(t.dtS, opts.fps, opts.spacingS);
    const span = (opts.frames - 1) * stride;
    if (anchor === 'start') {
      centre = 'start';
      centreTick = 0;
    } else if (typeof anchor === 'object') {
      centre = 'time';
      centreTick = Math.max(0, Math.min(last, Math.round(anchor.atS / t.dtS)));
    } else {
      const picked = pickCentre(input, anchor, cameraView, notes);
      centre = picked.centre;
      centreTick = picked.tick ?? Math.floor(last / 2);
    }
    const clamp = (f: number): number => Math.max(0, Math.min(f, last - span));
    let first = clamp(centre === 'start' ? 0 : centreTick - Math.floor(span / 2));
    if (centre === 'focus-event' || centre === 'focus-critical') first = slideTowardsFocus(input, cameraView(), first, centreTick, stride, opts.frames, clamp);
    ticks = strided(first, stride, opts.frames, last);
  }

  const focus = focusActorIndices(input.instance.focus, t);
  const focusInView = ticks.map((tick) => focus.some((a) => inView(cameraView().view(tick, a))));
  return { ticks, timesS: ticks.map((k) => k * t.dtS), centre, centreTick, focusInView, notes };
}

/**
 * The first tick of the clip that keeps `anchor` inside it, has the most frames with a focus
 * actor in view, and among those lies closest to `centred` (the centred clip's first tick).
 */
function slideTowardsFocus(input: ScheduleInput, view: CameraView, centred: number, anchor: number, stride: number, frames: number, clamp: (f: number) => number): number {
  const focus = focusActorIndices(input.instance.focus, input.trajectory);
  if (focus.length === 0) return centred;
  const span = (frames - 1) * stride;
  const seen = new Map<number, boolean>();
  const visible = (tick: number): boolean => {
    let v = seen.get(tick);
    if (v === undefined) {
      v = focus.some((a) => inView(view.view(tick, a)));
      seen.set(tick, v);
    }
    return v;
  };
  const score = (first: number): number => {
    let n = 0;
    for (let k = 0; k < frames; k++) if (visible(first + k * stride)) n++;
    return n;
  };
  let best = centred;
  let bestScore = score(centred);
  // Up to half a span either way: the anchor stays in the clip.
  const reach = Math.floor(span / 2);
  for (let d = 1; d <= reach; d++) {
    for (const f of [clamp(centred - d), clamp(centred + d)]) {
      if (anchor < f || anchor > f + span) continue;
      const sc = score(f);
      if (sc > bestScore) {
        best = f;
        bestScore = sc;
      }
    }
  }
  return best;
}

function strided(first: number, stride: number, frames: number, last: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < frames; k++) {
    const tick = first + k * stride;
    if (tick > last) break;
    out.push(tick);
  }
  return out;
}

function pickCentre(input: ScheduleInput, anchor: 'focus' | 'event' | 'critical', cameraView: () => CameraView, notes: string[]): { centre: ClipCentre; tick: number | null } {
  const last = input.trajectory.ticks - 1;
  const egoCritical = (): { centre: ClipCentre; tick: number | null } => {
    const tick = criticalTick(input.metrics);
    return tick === null ? { centre: 'middle', tick: Math.floor(last / 2) } : { centre: 'ego-critical', tick };
  };
  if (anchor === 'critical') return egoCritical();
  const focus = input.instance.focus;
  if (focus.event !== undefined) {
    const tick = focusAnchorTick(focus, input);
    if (tick !== null) return { centre: 'focus-event', tick };
    notes.push(`the focus event (${focus.event.kind}) did not happen in this run`);
  } else if (anchor === 'event') {
    notes.push('the scenario declares no focus event');
  }
  if (focus.actors.length > 0) {
    const tick = focusCriticalTick(input, cameraView());
    if (tick !== null) return { centre: 'focus-critical', tick };
    notes.push(`no focus actor (${focus.actors.join(', ')}) is ever in the camera's view`);
  }
  return egoCritical();
}

/** Reads a --clip value: focus, event, critical, start, at:<seconds> or ticks:<from>-<to>. */
export function parseClipAnchor(text: string): { ok: true; anchor: ClipAnchor } | { ok: false; message: string } {
  const s = text.trim();
  if (s === 'focus' || s === 'event' || s === 'critical' || s === 'start') return { ok: true, anchor: s };
  const at = /^at:(\d+(?:\.\d+)?)s?$/.exec(s);
  if (at) return { ok: true, anchor: { atS: Number(at[1]) } };
  const range = /^ticks:(\d+)-(\d+)$/.exec(s);
  if (range) {
    const fromTick = Number(range[1]);
    const toTick = Number(range[2]);
    if (toTick < fromTick) return { ok: false, message: `tick range ${s.slice(6)} ends before it starts` };
    return { ok: true, anchor: { fromTick, toTick } };
  }
  return { ok: false, message: `expected focus, event, critical, start, at:<seconds> (e.g. at:4.5) or ticks:<from>-<to> (e.g. ticks:200-260), got "${text}"` };
}
