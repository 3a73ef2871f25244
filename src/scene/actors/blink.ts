/** Blink period of indicators and hazard lights [s]; the light bits say a lamp is active, the scene blinks it. */
export const BLINK_PERIOD_S = 0.7;

export function blinkOn(timeS: number): boolean {
  return timeS % BLINK_PERIOD_S < BLINK_PERIOD_S / 2;
}
