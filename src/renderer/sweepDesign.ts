/** The design named under `sweep:` in a scenario's YAML text, read without parsing (the text may be mid-edit). */
import { DESIGN_NAMES } from '../studio/api.js';
import type { DesignName } from '../scenario/types.js';

export function sweepDesignOf(text: string): DesignName {
  const d = /^sweep:\s*\n(?:\s+.*\n)*?\s+design:\s*(\w+)/m.exec(text)?.[1];
  return d !== undefined && (DESIGN_NAMES as readonly string[]).includes(d) ? (d as DesignName) : 'random';
}
