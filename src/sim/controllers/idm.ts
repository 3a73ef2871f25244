/**
 * The Intelligent Driver Model (Treiber, Hennecke, Helbing 2000): acceleration from the own
 * speed, the desired speed, and the gap to and closing speed on the vehicle ahead.
 */
import type { IdmParams } from '../actor.js';

/** Smallest gap used in the interaction term [m]; keeps it finite when boxes touch. */
const MIN_GAP_M = 0.1;

/**
 * IDM acceleration [m/s^2]. `gapM` is bumper to bumper (Infinity on a free road); `closingMps`
 * is own speed minus the leader's speed.
 */
export function idmAccel(speedMps: number, desiredMps: number, gapM: number, closingMps: number, p: IdmParams): number {
  const v = Math.max(0, speedMps);
  const free = desiredMps > 0.1 ? 1 - (v / desiredMps) ** 4 : v > 0.1 ? -1 : 0;
  if (!Number.isFinite(gapM)) return p.maxAccelMps2 * free;
  const sStar = p.minGapM + Math.max(0, v * p.timeGapS + (v * closingMps) / (2 * Math.sqrt(p.maxAccelMps2 * p.comfortDecelMps2)));
  const inter = (sStar / Math.max(gapM, MIN_GAP_M)) ** 2;
  return p.maxAccelMps2 * (free - inter);
}

/** Gap [m] at which IDM holds speed v steady behind a leader at the same speed. */
export function idmEquilibriumGapM(speedMps: number, desiredMps: number, p: IdmParams): number {
  return (p.minGapM + speedMps * p.timeGapS) / Math.sqrt(1 - (speedMps / desiredMps) ** 4);
}

/** Default parameters for car-following and for stopping at a line. */
export const DEFAULT_IDM: IdmParams = { timeGapS: 1.5, minGapM: 2, maxAccelMps2: 1.5, comfortDecelMps2: 2 };
