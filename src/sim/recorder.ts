/** Packs actor states and signal colours tick by tick into the Trajectory arrays. */
import { RECORDED_AS_IS, type SimActor } from './actor.js';
import type { HeadRef } from './signalHeads.js';
import { writeSignalCodes } from './signalHeads.js';
import { STATE_COLUMN as C, STATE_STRIDE, type TrackInfo, type Trajectory } from './types.js';

export class Recorder {
  private readonly states: Float64Array;
  private readonly signals: Uint8Array;
  private recorded = 0;

  constructor(
    private readonly actors: readonly SimActor[],
    private readonly heads: readonly HeadRef[],
    readonly ticks: number,
  ) {
    this.states = new Float64Array(ticks * actors.length * STATE_STRIDE);
    this.signals = new Uint8Array(ticks * heads.length);
  }

  /** Records the current state as tick `tick` at time timeS [s]. */
  record(tick: number, timeS: number): void {
    let o = tick * this.actors.length * STATE_STRIDE;
    const st = this.states;
    for (const a of this.actors) {
      st[o + C.x] = a.state.bottomX;
      st[o + C.y] = a.state.bottomY;
      st[o + C.z] = a.state.zBottom;
      for (const f of RECORDED_AS_IS) st[o + C[f]] = a.state[f];
      st[o + C.door] = a.control === 'vehicle' ? a.state.door : 0;
      o += STATE_STRIDE;
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
      states: this.states.subarray(0, this.recorded * this.actors.length * STATE_STRIDE),
      signals: this.signals.subarray(0, this.recorded * this.heads.length),
    };
  }
}
