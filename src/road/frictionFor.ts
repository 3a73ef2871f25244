import type { Surface, Weather } from '../scenario/types.js';

/** Tyre-road friction coefficients by surface (typical passenger-car peak values). */
export const FRICTION_MU = { dry: 0.9, wet: 0.6, snow: 0.3, ice: 0.1 } as const;

/**
 * Friction coefficient [-] from the surface and weather; an override wins.
 *   dry 0.9, wet 0.6, snow 0.3, ice 0.1 for an explicit surface.
 *   auto: blends from dry to wet by the road wetness (or rain, whichever is larger), then
 *   from that to snow by the snow cover. Ice is never guessed (there is no temperature);
 *   ask for it with surface: ice or frictionMu.
 */
export function frictionFor(surface: Surface, weather: Weather, override?: number): number {
  if (override !== undefined) return override;
  if (surface !== 'auto') return FRICTION_MU[surface];
  const wet = clamp01(Math.max(weather.wetness, weather.rain));
  const base = FRICTION_MU.dry + (FRICTION_MU.wet - FRICTION_MU.dry) * wet;
  const snow = clamp01(weather.snowCover);
  return base + (FRICTION_MU.snow - base) * snow;
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
