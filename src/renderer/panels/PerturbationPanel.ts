/**
 * Quick perturbations applied live to the preview: time of day, rain, fog, snow and wetness.
 * They replace the sampled values (wetness also changes tyre friction, so the host
 * re-simulates). They do not change the file.
 */
import type { ScenarioInstance } from '../../scenario/types.js';
import type { Perturbations } from '../../studio/api.js';
import { h } from '../dom.js';

interface Knob {
  key: keyof Perturbations;
  label: string;
  min: number;
  max: number;
  step: number;
  /** Slider position <-> value (fog uses a log scale). */
  toValue(x: number): number;
  toSlider(v: number): number;
  read(i: ScenarioInstance): number;
  unit: string;
}

const linear = { toValue: (x: number) => x, toSlider: (v: number) => v };
const KNOBS: Knob[] = [
  { key: 'timeOfDayH', label: 'time of day', min: 0, max: 24, step: 0.25, ...linear, read: (i) => i.light.timeOfDayH, unit: 'h' },
  { key: 'rain', label: 'rain', min: 0, max: 1, step: 0.05, ...linear, read: (i) => i.weather.rain, unit: '' },
  {
    key: 'fogVisibilityM',
    label: 'fog visibility',
    min: Math.log10(20),
    max: Math.log10(20000),
    step: 0.01,
    toValue: (x) => Math.round(10 ** x),
    toSlider: (v) => Math.log10(Math.min(20000, Math.max(20, v))),
    read: (i) => i.weather.fogVisibilityM,
    unit: 'm',
  },
  { key: 'snow', label: 'snow', min: 0, max: 1, step: 0.05, ...linear, read: (i) => i.weather.snow, unit: '' },
  { key: 'wetness', label: 'wetness', min: 0, max: 1, step: 0.05, ...linear, read: (i) => i.weather.wetness, unit: '' },
];

export interface PerturbationEvents {
  /** A knob is about to change the values (undo keeps the values before). */
  begin(): void;
  /** The values while a knob moves (before the change is complete). */
  change(p: Perturbations): void;
  /** A knob was let go, or the knobs were reset: one undo step. */
  commit(): void;
}

export class PerturbationPanel {
  private readonly rows = new Map<keyof Perturbations, { slider: HTMLInputElement; value: HTMLSpanElement }>();
  private values: Perturbations = {};

  constructor(
    parent: HTMLElement,
    private readonly ev: PerturbationEvents,
  ) {
    const list = h('div', { class: 'knobs' });
    for (const k of KNOBS) {
      const slider = h('input', {
        type: 'range',
        min: k.min,
        max: k.max,
        step: k.step,
        'aria-label': k.label,
        'data-knob': k.key,
        title: `${k.label}: replaces the sampled value in the preview and in "this sample" exports (not in the file)`,
      });
      const value = h('span', { class: 'knob-value' }, '');
      slider.addEventListener('input', () => {
        const v = k.toValue(Number(slider.value));
        this.ev.begin();
        this.values = { ...this.values, [k.key]: v };
        value.textContent = `${Number(v.toPrecision(3))} ${k.unit}`;
        this.ev.change(this.values);
      });
      slider.addEventListener('change', () => this.ev.commit());
      this.rows.set(k.key, { slider, value });
      list.append(h('label', { class: 'knob' }, h('span', {}, k.label), slider, value));
    }
    const reset = h(
      'button',
      {
        class: 'small',
        id: 'perturb-reset',
        title: 'Back to the sampled weather and light',
        onclick: () => {
          this.ev.begin();
          this.reset();
          this.ev.change(this.values);
          this.ev.commit();
        },
      },
      'reset',
    );
    parent.append(h('h3', {}, 'Perturbations ', reset), list);
  }

  get current(): Perturbations {
    return this.values;
  }

  /** Shows the values of the instance being previewed (knobs not moved follow the sample). */
  show(instance: ScenarioInstance): void {
    for (const k of KNOBS) {
      const row = this.rows.get(k.key)!;
      const v = this.values[k.key] ?? k.read(instance);
      row.slider.value = String(k.toSlider(v));
      row.value.textContent = `${Number(v.toPrecision(3))} ${k.unit}`;
      row.slider.classList.toggle('overridden', this.values[k.key] !== undefined);
    }
  }

  reset(): void {
    this.set({});
  }

  /** Sets every knob's value (undo, redo, reset) without telling; the knobs show them at the next preview. */
  set(values: Perturbations): void {
    this.values = values;
  }
}
