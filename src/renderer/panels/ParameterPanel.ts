/**
 * The scenario's distributions and named parameters, each with a slider and a number field
 * (or a list for choices). Moving one fixes that dimension to the value (an override) and the
 * preview re-samples; "sampled" hands it back to its distribution.
 */
import type { ParamValue } from '../../scenario/types.js';
import type { ParameterInfo } from '../../studio/api.js';
import { h } from '../dom.js';

export interface ParameterPanelEvents {
  override(key: string, value: ParamValue): void;
  release(key: string): void;
  goToLine(line: number): void;
}

const fmt = (v: ParamValue): string => (typeof v === 'number' ? String(Number(v.toPrecision(5))) : String(v));

export class ParameterPanel {
  private readonly list: HTMLDivElement;

  constructor(
    parent: HTMLElement,
    private readonly ev: ParameterPanelEvents,
  ) {
    this.list = h('div', { class: 'param-list', id: 'param-list' });
    parent.append(h('h3', {}, 'Parameters'), this.list);
  }

  show(params: readonly ParameterInfo[]): void {
    const active = document.activeElement;
    const focusedKey = active instanceof HTMLElement ? active.dataset.key : undefined;
    const focusedKind = active instanceof HTMLElement ? active.dataset.control : undefined;
    if (params.length === 0) {
      this.list.replaceChildren(h('p', { class: 'muted' }, 'No distributions: this scenario has one fixed outcome.'));
      return;
    }
    this.list.replaceChildren(...params.map((p) => this.row(p)));
    // Keep the focus on the control being dragged or typed in across re-renders.
    if (focusedKey && focusedKind) this.list.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"][data-control="${focusedKind}"]`)?.focus();
  }

  private row(p: ParameterInfo): HTMLElement {
    const name = h('button', { class: 'param-name link', title: `${p.pointer} (line ${p.line}): ${p.kind}`, onclick: () => this.ev.goToLine(p.line) }, p.key);
    const controls: HTMLElement[] = [];
    if (p.kind === 'choice' && p.choices) {
      const select = h('select', { 'data-key': p.key, 'data-control': 'select', 'aria-label': p.key });
      for (const c of p.choices) select.append(h('option', { value: String(c), selected: String(c) === String(p.value) }, String(c)));
      select.addEventListener('change', () => {
        const chosen = p.choices!.find((c) => String(c) === select.value);
        if (chosen !== undefined) this.ev.override(p.key, chosen);
      });
      controls.push(select);
    } else if (p.min !== undefined && p.max !== undefined && typeof p.value === 'number') {
      const attrs = { min: p.min, max: p.max, step: p.step ?? 'any', 'data-key': p.key };
      const slider = h('input', { type: 'range', ...attrs, value: p.value, 'data-control': 'slider', 'aria-label': p.key, class: 'param-slider' });
      const number = h('input', { type: 'number', ...attrs, value: fmt(p.value), 'data-control': 'number', 'aria-label': `${p.key} value`, class: 'param-number' });
      slider.addEventListener('input', () => {
        number.value = slider.value;
        this.ev.override(p.key, Number(slider.value));
      });
      // uniform, int and truncnormal cannot give a value outside [min, max]; normal can (its
      // slider spans mean +- 3 sd only), so only its finiteness is checked.
      const bounded = p.kind !== 'normal';
      number.addEventListener('change', () => {
        const v = Number(number.value);
        const inRange = Number.isFinite(v) && number.value.trim() !== '' && (!bounded || (v >= p.min! && v <= p.max!));
        number.classList.toggle('invalid', !inRange);
        number.setCustomValidity(inRange ? '' : `${p.key}: ${number.value} is outside ${p.kind} [${fmt(p.min!)}, ${fmt(p.max!)}]; not applied`);
        if (!inRange) {
          number.title = number.validationMessage;
          number.dataset.error = number.validationMessage;
          number.reportValidity();
          return;
        }
        delete number.dataset.error;
        this.ev.override(p.key, p.kind === 'int' ? Math.round(v) : v);
      });
      controls.push(slider, number);
    } else {
      controls.push(h('span', { class: 'param-value' }, fmt(p.value)));
    }
    const release = p.overridden ? h('button', { class: 'small', title: 'Sample it from its distribution again', onclick: () => this.ev.release(p.key) }, 'sampled') : null;
    return h('div', { class: `param${p.overridden ? ' overridden' : ''}`, 'data-param': p.key }, name, ...controls, release);
  }
}
