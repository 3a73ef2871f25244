/** Packs actor states and signal colours tick by tick into the Trajectory arrays. */
import type { SimActor } from './actor.js';
import type { HeadRef } from './signalHeads.js';
import { writeSignalCodes } from './signalHeads.js';
import { STATE_FIELDS, type TrackInfo, type Trajectory } from './types.js';

const F = STATE_FIELDS.length;

export class Recorder {
  private readonly states: Float64Array;
  private readonly signals: Uint8Array;
  private recorded = 0;

  constructor(private readonly actors: readonly SimActor[], private readonly heads: readonly HeadRef[], private readonly ticks: number) {
    this.states = new Float64Array(ticks * actors.length * F);
    this.signals = new Uint8Array(ticks * heads.length);
  }

  /** Records the current state as tick `tick` at time timeS [s]. */
  record(tick: number, timeS: number): void {
    let o = tick * this.actors.length * F;
    const st = this.states;
    for (const a of this.actors) {
      // Same order as STATE_FIELDS.
      st[o] = a.bottomX;
      st[o + 1] = a.bottomY;
      st[o + 2] = a.zBottom;
      st[o + 3] = a.yawRad;
      st[o + 4] = a.pitchRad;
      st[o + 5] = a.rollRad;
      st[o + 6] = a.vx;
      st[o + 7] = a.vy;
      st[o + 8] = a.vz;
      st[o + 9] = a.steerRad;
      st[o + 10] = a.wheelSpinRad;
      st[o + 11] = a.lights;
      st[o + 12] = a.control === 'vehicle' ? a.door : 0;
      st[o + 13] = a.gaitPhase;
      o += F;
    }
    writeSignalCodes(this.heads, timeS, this.signals, tick * this.heads.length);
    this.recorded = Math.max(this.recorded, tick + 1);
  }

  trajectory(dtS: number): Trajectory {
    const actors: TrackInfo[] = this.actors.map((a) => ({ id: a.id, trackId: a.index, kind: a.kind, size: { ...a.size } }));
    return {
      version: 1,
      dtS,
      ticks: this.recorded,
      actors,
      signalHeads: this.heads.map((h) => h.head.id),
      states: this.states.subarray(0, this.recorded * this.actors.length * F),
      signals: this.signals.subarray(0, this.recorded * this.heads.length),
    };
  }
}
