/** The lateral offset [m] an actor aims for on its path, from its running manoeuvres. */
import type { LateralManoeuvre, SimActor } from '../actor.js';

/** Quintic smoothstep: zero slope and curvature at both ends; peak slope 1.875. */
export function quintic(u: number): number {
  return u * u * u * (10 + u * (-15 + 6 * u));
}

function contribution(m: LateralManoeuvre, timeS: number): number {
  const u = Math.min(1, Math.max(0, (timeS - m.startS) / m.durationS));
  return m.shape === 'shift' ? m.deltaTM * quintic(u) : (m.deltaTM * (1 - Math.cos(2 * Math.PI * u))) / 2;
}

/** Target t on the path at time timeS [m]. */
export function targetT(actor: SimActor, timeS: number): number {
  let t = actor.intent.baseT;
  for (const m of actor.intent.manoeuvres) t += contribution(m, timeS);
  return t;
}

/** Where the running shifts end up [m] (bumps return to zero). */
export function finalT(actor: SimActor): number {
  let t = actor.intent.baseT;
  for (const m of actor.intent.manoeuvres) if (m.shape === 'shift') t += m.deltaTM;
  return t;
}

/** Folds finished shifts into the base offset and drops finished bumps. */
export function retireManoeuvres(actor: SimActor, timeS: number): void {
  if (actor.intent.manoeuvres.length === 0) return;
  actor.intent.manoeuvres = actor.intent.manoeuvres.filter((m) => {
    if (timeS < m.startS + m.durationS) return true;
    if (m.shape === 'shift') actor.intent.baseT += m.deltaTM;
    return false;
  });
}

/** Side of the running lateral shift: +1 left, -1 right, 0 none (for the indicators). */
export function shiftSide(actor: SimActor, timeS: number): -1 | 0 | 1 {
  for (const m of actor.intent.manoeuvres) {
    if (m.shape === 'shift' && timeS >= m.startS && timeS < m.startS + m.durationS && Math.abs(m.deltaTM) > 0.5) return m.deltaTM > 0 ? 1 : -1;
  }
  return 0;
}
