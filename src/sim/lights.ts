/**
 * Lamp state of an actor at one tick, as LIGHT bits. Head and tail lights burn together;
 * brake lights show while the driver asks for deceleration or holds the car at a stop;
 * indicators and hazards blink at 1.5 Hz (the bit is the lamp, lit or not, at this tick;
 * LIGHT.hazard says the hazard switch is on).
 */
import type { SimActor } from './actor.js';
import { shiftSide } from './controllers/lateralTarget.js';
import { LIGHT } from './types.js';

/** Blink frequency of indicators [Hz]. */
const BLINK_HZ = 1.5;
/** Requested deceleration that lights the brake lamps [m/s^2]. */
const BRAKE_LIGHT_MPS2 = 0.5;

export function blinkOn(timeS: number): boolean {
  return Math.floor(timeS * BLINK_HZ * 2) % 2 === 0;
}

export function lightBits(actor: SimActor, timeS: number): number {
  const vehicle = actor.control === 'vehicle';
  if (!vehicle && actor.kind !== 'bicycle') return 0;
  let bits = 0;
  if (actor.intent.headlights) bits |= LIGHT.head | LIGHT.tail;
  if (!vehicle) return bits;
  if (
    !actor.intent.parked &&
    (actor.controller.accelCmdMps2 < -BRAKE_LIGHT_MPS2 ||
      (Math.abs(actor.state.speedMps) < 0.3 && actor.controller.accelCmdMps2 <= 0 && actor.intent.desiredSpeedMps < 0.3) ||
      (Math.abs(actor.state.speedMps) < 0.3 && actor.intent.override?.kind === 'hold'))
  ) {
    bits |= LIGHT.brake;
  }
  const blink = blinkOn(timeS);
  if (actor.intent.hazard) {
    bits |= LIGHT.hazard;
    if (blink) bits |= LIGHT.indicatorLeft | LIGHT.indicatorRight;
    return bits;
  }
  let side: number = shiftSide(actor, timeS);
  if (side === 0 && actor.intent.turnIndicator && actor.state.pathS <= actor.intent.turnIndicator.untilS) side = actor.intent.turnIndicator.side;
  if (blink && side > 0) bits |= LIGHT.indicatorLeft;
  if (blink && side < 0) bits |= LIGHT.indicatorRight;
  return bits;
}
