/**
 * Lateral control. Vehicles: pure pursuit from the rear axle to a point ahead on the path at
 * the lateral offset the actor will want when it gets there. People, animals and bicycles:
 * the heading towards such a point, reached at a limited yaw rate.
 */
import type { SimActor } from '../actor.js';
import { targetT } from './lateralTarget.js';

const _p = { x: 0, y: 0 };

/** Look-ahead distance of pure pursuit for a speed [m]. */
export function lookaheadM(speedMps: number, minM: number): number {
  return Math.min(40, Math.max(minM, 2 + 0.45 * Math.abs(speedMps)));
}

/** Pure-pursuit front wheel angle [rad] (not yet limited). */
export function purePursuitSteer(actor: SimActor, timeS: number, wheelbaseM: number): number {
  const path = actor.intent.path;
  if (!path) return 0;
  const v = Math.max(actor.state.speedMps, 1);
  const ld = lookaheadM(actor.state.speedMps, 4);
  const target = path.position(actor.state.pathS + ld, targetT(actor, timeS + ld / v), _p);
  const c = Math.cos(actor.state.yawRad);
  const s = Math.sin(actor.state.yawRad);
  const rx = actor.state.x - (c * wheelbaseM) / 2;
  const ry = actor.state.y - (s * wheelbaseM) / 2;
  const dx = target.x - rx;
  const dy = target.y - ry;
  const fwd = dx * c + dy * s;
  const left = -dx * s + dy * c;
  const dist2 = fwd * fwd + left * left;
  // Curvature of the arc from the rear axle through the target: 2 y / d^2.
  return Math.atan((2 * wheelbaseM * left) / Math.max(dist2, 1e-6));
}

/** Heading a mover wants [rad]. */
export function moverHeading(actor: SimActor, timeS: number): number {
  const path = actor.intent.path;
  if (!path) return actor.state.yawRad;
  const v = Math.max(actor.state.speedMps, 0.5);
  const ld = Math.max(0.8, 0.6 * v);
  const target = path.position(actor.state.pathS + ld, targetT(actor, timeS + ld / v), _p);
  return Math.atan2(target.y - actor.state.y, target.x - actor.state.x);
}
