import { describe, expect, it } from 'vitest';
import { SimulationError } from '../../src/sim/errors.js';
import { decodeTrajectory, encodeTrajectory } from '../../src/sim/trajectoryFile.js';
import { STATE_STRIDE, type Trajectory } from '../../src/sim/types.js';

function sample(): Trajectory {
  const ticks = 3;
  const actors = [
    { id: 'ego', trackId: 0, kind: 'car' as const, size: { lengthM: 4.5, widthM: 1.8, heightM: 1.5 } },
    { id: 'ped', trackId: 1, kind: 'pedestrian' as const, size: { lengthM: 0.5, widthM: 0.6, heightM: 1.75 } },
  ];
  const states = new Float64Array(ticks * actors.length * STATE_STRIDE);
  for (let i = 0; i < states.length; i++) states[i] = Math.sin(i) * 1e3 + i / 7;
  states[5] = -0; // sign of zero must survive
  return { version: 1, dtS: 0.01, ticks, actors, signalHeads: ['J1/main', 'J1/left'], states, signals: Uint8Array.from([0, 2, 1, 2, 2, 0]) };
}

describe('trajectory file', () => {
  it('decodes what it encodes, bit for bit', () => {
    const t = sample();
    const back = decodeTrajectory(encodeTrajectory(t));
    expect(back).toEqual(t);
    expect(Object.is(back.states[5], -0)).toBe(true);
    expect(new Uint8Array(back.states.buffer)).toEqual(new Uint8Array(t.states.buffer));
  });

  it('starts with its magic and reads at any byte offset', () => {
    const bytes = encodeTrajectory(sample());
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('RSTRAJ01');
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodeTrajectory(shifted.subarray(3))).toEqual(sample());
  });

  it('rejects a file that is cut short or not a trajectory', () => {
    const bytes = encodeTrajectory(sample());
    expect(() => decodeTrajectory(bytes.subarray(0, bytes.length - 1))).toThrow(SimulationError);
    const wrong = bytes.slice();
    wrong[0] = 0x58;
    expect(() => decodeTrajectory(wrong)).toThrow(/magic/);
  });
});
