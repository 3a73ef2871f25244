/**
 * The scenario's distributions and named parameters, each with a slider and a number field
 * (or a list for choices). Moving one fixes that dimension to the value (an override) and the
 * preview re-samples; "sampled" hands it back to its distribution; "to file" writes the value
 * into the scenario text in place of the distribution. Undo and redo step through the
 * overrides (and perturbations) one change at a time: a slider drag is one change.
 */
import type { ParamValue } from '../../scenario/types.js';
import type { ParameterInfo } from '../../studio/api.js';
import { h } from '../dom.js';

export interface ParameterPanelEvents {
  /** A value while a change goes on (a slider drag sends many). */
  override(key: string, value: ParamValue): void;
  /** The change is complete (slider let go, a number or a choice set): one undo step. */
  commit(): void;
  release(key: string): void;
  goToLine(line: number): void;
  /** Writes the override into the scenario text. */
  write(p: ParameterInfo): void;
  undo(): void;
  redo(): void;
}

const fmt = (v: ParamValue): string => (typeof v === 'number' ? String(Number(v.toPrecision(5))) : String(v));

export class ParameterPanel {
  private readonly list: HTMLDivElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;

  constructor(
    parent: HTMLElement,
    private readonly ev: ParameterPanelEvents,
  ) {
    this.list = h('div', { class: 'param-list', id: 'param-list' });
    this.undoButton = h(
      'button',
      { id: 'params-undo', class: 'small', disabled: true, title: 'Undo the last parameter or perturbation change (Ctrl+Z outside the editor)', onclick: () => this.ev.undo() },
      'undo',
    );
    this.redoButton = h(
      'button',
      { id: 'params-redo', class: 'small', disabled: true, title: 'Redo the change undone last (Ctrl+Shift+Z or Ctrl+Y outside the editor)', onclick: () => this.ev.redo() },
      'redo',
    );
    parent.append(h('h3', {}, 'Parameters ', this.undoButton, ' ', this.redoButton), this.list);
  }

  /** Enables undo and redo as far as there is something to undo or redo. */
  setHistory(canUndo: boolean, canRedo: boolean): void {
    this.undoButton.disabled = !canUndo;
    this.redoButton.disabled = !canRedo;
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
      const select = h('select', { 'data-key': p.key, 'data-control': 'select', 'aria-label': p.key, title: `${p.key}: one of ${p.choices.join(', ')}` });
      for (const c of p.choices) select.append(h('option', { value: String(c), selected: String(c) === String(p.value) }, String(c)));
      select.addEventListener('change', () => {
        const chosen = p.choices!.find((c) => String(c) === select.value);
        if (chosen !== undefined) {
          this.ev.override(p.key, chosen);
          this.ev.commit();
        }
      });
      controls.push(select);
    } else if (p.min !== undefined && p.max !== undefined && typeof p.value === 'number') {
      const attrs = { min: p.min, max: p.max, step: p.step ?? 'any', 'data-key': p.key };
      const range = `${p.kind} [${fmt(p.min)}, ${fmt(p.max)}]`;
      const slider = h('input', {
        type: 'range',
        ...attrs,
        value: p.value,
        'data-control': 'slider',
        'aria-label': p.key,
        class: 'param-slider',
        title: `${p.key}: drag to fix it (${range})`,
      });
      const number = h('input', {
        type: 'number',
        ...attrs,
        value: fmt(p.value),
        'data-control': 'number',
        'aria-label': `${p.key} value`,
        class: 'param-number',
        title: `${p.key}: type a value in ${range}`,
      });
      slider.addEventListener('input', () => {
        number.value = slider.value;
        this.ev.override(p.key, Number(slider.value));
      });
      slider.addEventListener('change', () => this.ev.commit());
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
        number.title = `${p.key}: type a value in ${range}`;
        this.ev.override(p.key, p.kind === 'int' ? Math.round(v) : v);
        this.ev.commit();
      });
      controls.push(slider, number);
    } else {
      controls.push(h('span', { class: 'param-value', title: `${p.key} in this sample` }, fmt(p.value)));
    }
    const actions = h('span', { class: 'param-actions' });
    if (p.overridden) {
      actions.append(
        h('button', { class: 'small release', title: 'Sample it from its distribution again', onclick: () => this.ev.release(p.key) }, 'sampled'),
        h(
          'button',
          {
            class: 'small write-override',
            title: `Write ${fmt(p.value)} into the file at line ${p.line} in place of its distribution (the rest of the file and its comments stay; Ctrl+Z in the editor takes it back)`,
            onclick: () => this.ev.write(p),
          },
          'to file',
        ),
      );
    }
    return h('div', { class: `param${p.overridden ? ' overridden' : ''}`, 'data-param': p.key }, name, ...controls, actions);
  }
}
