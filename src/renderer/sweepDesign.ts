/** Sweep designs in the page: the one a scenario's text names, and the menu to pick one. */
import { DESIGN_NAMES } from '../studio/api.js';
import type { DesignName } from '../scenario/types.js';
import { h } from './dom.js';

/** The design named under `sweep:` in a scenario's YAML text, read without parsing (the text may be mid-edit). */
export function sweepDesignOf(text: string): DesignName {
  const d = /^sweep:\s*\n(?:\s+.*\n)*?\s+design:\s*(\w+)/m.exec(text)?.[1];
  return d !== undefined && (DESIGN_NAMES as readonly string[]).includes(d) ? (d as DesignName) : 'random';
}

/** A menu of every sampling design. */
export function designSelect(id: string, title: string): HTMLSelectElement {
  return h('select', { id, title }, ...DESIGN_NAMES.map((d) => h('option', { value: d }, d)));
}
