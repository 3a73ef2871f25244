import type { SignalColour } from './types.js';

export interface SignalTiming {
  greenS: number;
  yellowS: number;
  allRedS: number;
  offsetS: number;
}

/**
 * Fixed two-phase cycle: group 0 green, yellow, all-red, then group 1 green, yellow, all-red.
 * Both groups get greenS. Cycle length 2 (green + yellow + allRed) [s]; offsetS is the time
 * into the cycle at t = 0 (so offset 0 starts with group 0 turning green).
 */
export class SignalPlan {
  readonly cycleS: number;

  constructor(readonly timing: SignalTiming) {
    this.cycleS = 2 * (timing.greenS + timing.yellowS + timing.allRedS);
    if (!(this.cycleS > 0)) throw new Error('signal cycle must be longer than 0 s');
  }

  colourAt(group: number, timeS: number): SignalColour {
    const { greenS, yellowS, allRedS, offsetS } = this.timing;
    const half = greenS + yellowS + allRedS;
    const tau = mod(timeS + offsetS - (group === 0 ? 0 : half), this.cycleS);
    if (tau < greenS) return 'green';
    if (tau < greenS + yellowS) return 'yellow';
    return 'red';
  }
}

function mod(a: number, m: number): number {
  return a - m * Math.floor(a / m);
}
