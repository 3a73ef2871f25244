/**
 * Play, pause, step a frame back or forward, loop, scrub and speed for the preview, with the
 * simulation's events marked on the track (collisions, hard brakes, the minimum TTC and, when
 * there was one, the near miss) and listed below it with their times (behaviours starting
 * too); a mark or a row jumps to its tick.
 */
import type { SimEvent, SimMetrics } from '../../sim/types.js';
import { field, h } from '../dom.js';

export interface TimelineMark {
  tick: number;
  kind: 'collision' | 'nearMiss' | 'minTtc' | 'hardBrake' | 'behaviour';
  text: string;
}

/** The marks of a simulation result. metrics may carry null for Infinity after JSON transport. */
export function timelineMarks(events: readonly SimEvent[], metrics: SimMetrics): TimelineMark[] {
  const marks: TimelineMark[] = [];
  for (const e of events) {
    if (e.kind === 'collision') marks.push({ tick: e.tick, kind: 'collision', text: `collision ${e.a} / ${e.b} at ${e.timeS.toFixed(2)} s, ${e.relativeSpeedMps.toFixed(1)} m/s` });
    if (e.kind === 'hardBrake') marks.push({ tick: e.tick, kind: 'hardBrake', text: `hard brake by ${e.actor} at ${e.timeS.toFixed(2)} s (${e.decelMps2.toFixed(1)} m/s²)` });
  }
  let worst: { actor: string; ttc: number; tick: number } | null = null;
  for (const [actor, m] of Object.entries(metrics.perActor)) {
    const ttc = typeof m.minTtcS === 'number' ? m.minTtcS : Infinity;
    if (Number.isFinite(ttc) && (worst === null || ttc < worst.ttc)) worst = { actor, ttc, tick: m.minTtcTick };
  }
  if (worst) {
    marks.push({
      tick: worst.tick,
      kind: metrics.nearMiss ? 'nearMiss' : 'minTtc',
      text: `${metrics.nearMiss ? 'near miss: ' : ''}minimum TTC ${worst.ttc.toFixed(2)} s with ${worst.actor}`,
    });
  }
  return marks.sort((a, b) => a.tick - b.tick);
}

/**
 * Every event of a simulation for the event list (its time is shown beside it): the timeline's
 * marks plus behaviours starting after the first tick (those at tick 0 are how actors begin).
 */
export function eventRows(events: readonly SimEvent[], metrics: SimMetrics): TimelineMark[] {
  const rows = timelineMarks(events, metrics).map((m) => ({ ...m, text: m.text.replace(/ at -?[\d.]+ s/, '') }));
  for (const e of events) {
    if (e.kind === 'behaviour' && e.tick > 0) rows.push({ tick: e.tick, kind: 'behaviour', text: `${e.actor} starts ${e.behaviour}` });
  }
  return rows.sort((a, b) => a.tick - b.tick);
}

export class Timeline {
  private readonly slider: HTMLInputElement;
  private readonly time: HTMLSpanElement;
  private readonly playButton: HTMLButtonElement;
  private readonly speed: HTMLSelectElement;
  private readonly marks: HTMLDivElement;
  private readonly list: HTMLUListElement;
  private readonly loop: HTMLInputElement;
  private ticks = 1;
  private dtS = 0.01;
  private tickF = 0;
  private playing = false;
  private lastMs = 0;

  constructor(
    parent: HTMLElement,
    private readonly onTick: (tick: number) => void,
  ) {
    this.playButton = h('button', { id: 'play', title: 'Play / pause (Space)', onclick: () => this.toggle() }, 'Play');
    const back = h('button', { id: 'step-back', class: 'small', title: 'One frame back (,)', 'aria-label': 'One frame back', onclick: () => this.step(-1) }, '◀');
    const forward = h('button', { id: 'step-forward', class: 'small', title: 'One frame forward (.)', 'aria-label': 'One frame forward', onclick: () => this.step(1) }, '▶');
    this.loop = h('input', { id: 'loop', type: 'checkbox', checked: true, title: 'Loop: start again at the end while playing (L)' });
    this.slider = h('input', {
      id: 'scrub',
      type: 'range',
      min: 0,
      max: 0,
      step: 1,
      value: 0,
      'aria-label': 'Timeline',
      title: 'Scrub through the run; the marks above are its events',
    });
    this.slider.addEventListener('input', () => this.seek(Number(this.slider.value)));
    this.time = h('span', { id: 'time', class: 'time' }, '0.00 s');
    this.speed = h('select', { id: 'speed', title: 'Playback speed' }, ...[0.25, 0.5, 1, 2, 4].map((s) => h('option', { value: s, selected: s === 1 }, `${s}x`)));
    this.marks = h('div', { class: 'marks', id: 'event-marks' });
    this.list = h('ul', { id: 'event-list', class: 'event-list', 'aria-label': 'Events' });
    parent.append(
      h(
        'div',
        { class: 'timeline-row' },
        back,
        this.playButton,
        forward,
        h('div', { class: 'track' }, this.marks, this.slider),
        this.time,
        h('label', { class: 'field', title: this.loop.title }, this.loop, h('span', {}, 'loop')),
        field('speed', this.speed),
      ),
      this.list,
    );
    const step = (ms: number): void => {
      if (this.playing) {
        const dt = Math.min(0.1, (ms - this.lastMs) / 1000);
        this.tickF += (dt * Number(this.speed.value)) / this.dtS;
        if (this.tickF >= this.ticks - 1) {
          if (this.loop.checked) this.tickF = 0;
          else {
            this.tickF = this.ticks - 1;
            this.toggle();
          }
        }
        this.show();
      }
      this.lastMs = ms;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  setRun(ticks: number, dtS: number, marks: TimelineMark[], events: TimelineMark[] = marks): void {
    this.ticks = Math.max(1, ticks);
    this.dtS = dtS;
    this.slider.max = String(this.ticks - 1);
    this.tickF = Math.min(this.tickF, this.ticks - 1);
    this.marks.replaceChildren(
      ...marks.map((m) =>
        h('button', {
          class: `mark mark-${m.kind}`,
          style: `left: ${(100 * m.tick) / Math.max(1, this.ticks - 1)}%`,
          title: m.text,
          'aria-label': m.text,
          onclick: () => this.seek(m.tick),
        }),
      ),
    );
    this.list.replaceChildren(
      ...events.map((m) =>
        h(
          'li',
          {},
          h(
            'button',
            { class: `event event-${m.kind}`, 'data-tick': m.tick, title: `Jump to ${(m.tick * dtS).toFixed(2)} s`, onclick: () => this.seek(m.tick) },
            h('span', { class: `dot mark-${m.kind}` }),
            `${(m.tick * dtS).toFixed(2)} s  ${m.text}`,
          ),
        ),
      ),
    );
    if (events.length === 0) this.list.append(h('li', { class: 'muted' }, 'no events in this run'));
    this.show();
  }

  /** Steps `frames` ticks (pauses playing). */
  step(frames: number): void {
    if (this.playing) this.toggle();
    this.seek(this.tick + frames);
  }

  /** Turns looping on or off. */
  toggleLoop(): void {
    this.loop.checked = !this.loop.checked;
  }

  get tick(): number {
    return Math.floor(this.tickF);
  }

  seek(tick: number): void {
    this.tickF = Math.max(0, Math.min(this.ticks - 1, tick));
    this.show();
  }

  toggle(): void {
    this.playing = !this.playing;
    this.playButton.textContent = this.playing ? 'Pause' : 'Play';
    this.playButton.classList.toggle('active', this.playing);
  }

  private show(): void {
    const k = this.tick;
    this.slider.value = String(k);
    this.time.textContent = `${(k * this.dtS).toFixed(2)} s / ${((this.ticks - 1) * this.dtS).toFixed(2)} s`;
    this.onTick(k);
  }
}
