/**
 * Play, pause, scrub and speed for the preview, with the simulation's events marked on the
 * track: collisions, hard brakes, the minimum TTC and (when there was one) the near miss.
 */
import type { SimEvent, SimMetrics } from '../../sim/types.js';
import { field, h } from '../dom.js';

export interface TimelineMark {
  tick: number;
  kind: 'collision' | 'nearMiss' | 'minTtc' | 'hardBrake';
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

export class Timeline {
  private readonly slider: HTMLInputElement;
  private readonly time: HTMLSpanElement;
  private readonly playButton: HTMLButtonElement;
  private readonly speed: HTMLSelectElement;
  private readonly marks: HTMLDivElement;
  private ticks = 1;
  private dtS = 0.01;
  private tickF = 0;
  private playing = false;
  private lastMs = 0;

  constructor(
    parent: HTMLElement,
    private readonly onTick: (tick: number) => void,
  ) {
    this.playButton = h('button', { id: 'play', title: 'Play / pause (space)', onclick: () => this.toggle() }, 'Play');
    this.slider = h('input', { id: 'scrub', type: 'range', min: 0, max: 0, step: 1, value: 0, 'aria-label': 'Timeline' });
    this.slider.addEventListener('input', () => this.seek(Number(this.slider.value)));
    this.time = h('span', { id: 'time', class: 'time' }, '0.00 s');
    this.speed = h('select', { id: 'speed' }, ...[0.25, 0.5, 1, 2, 4].map((s) => h('option', { value: s, selected: s === 1 }, `${s}x`)));
    this.marks = h('div', { class: 'marks', id: 'event-marks' });
    parent.append(h('div', { class: 'timeline-row' }, this.playButton, h('div', { class: 'track' }, this.marks, this.slider), this.time, field('speed', this.speed)));
    const step = (ms: number): void => {
      if (this.playing) {
        const dt = Math.min(0.1, (ms - this.lastMs) / 1000);
        this.tickF += (dt * Number(this.speed.value)) / this.dtS;
        if (this.tickF >= this.ticks - 1) this.tickF = 0; // loop
        this.show();
      }
      this.lastMs = ms;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  setRun(ticks: number, dtS: number, marks: TimelineMark[]): void {
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
    this.show();
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
