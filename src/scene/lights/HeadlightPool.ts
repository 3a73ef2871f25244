/**
 * Vehicle headlights as real SpotLights lighting the road: the ego's own lamps always, then
 * the vehicles nearest the ego whose head-light bit is on, up to a fixed count.
 *
 * Low beams light the road to about 50-60 m, as real ones do: the beam's axis points 2 deg
 * below the horizon, so its bright core reaches the road far ahead while the soft cone
 * (penumbra 1) still lights the near road and what stands on it. High beams (a lights knob of
 * the ego and of each vehicle) point level, brighter, to about 150 m. One light per vehicle,
 * so a night frame costs no more lights than before.
 */
import * as THREE from 'three';
import { LIGHT, readState, STATE_COLUMN, STATE_STRIDE, stateRow, type Trajectory } from '../../sim/types.js';

const VEHICLES = new Set(['car', 'van', 'truck', 'bus', 'motorcycle']);
/** Luminous intensity of one vehicle's beams (three.js units; the sun is 3.2 here) and their aim. */
export const LOW_BEAM = { intensity: 260, dropDeg: 2, coneRad: 0.8 } as const;
export const HIGH_BEAM = { intensity: 1200, dropDeg: 0.3, coneRad: 0.7 } as const;
/** Decay exponent of the beams: below 2 (inverse square) to stand in for a camera's night gain. */
const BEAM_DECAY = 1.3;
/** Distance where the lights stop [m]. */
const BEAM_RANGE_M = 200;
/** Lamp height above the ground [m], and the distance of the aim point [m]. */
const LAMP_HEIGHT_M = 0.7;
const AIM_M = 40;

export class HeadlightPool {
  readonly lights: THREE.SpotLight[] = [];
  private readonly vehicleIdx: Int32Array;
  private readonly halfLen: Float64Array;
  private readonly dist: Float64Array;

  /**
   * `size` real lights at most; `exposureScale` 0..1 weakens them in daylight, where the
   * camera's exposure leaves headlights little to add.
   */
  constructor(
    private readonly trajectory: Trajectory,
    size: number,
    private readonly exposureScale = 1,
    /** Per trajectory actor: high beams instead of low beams. */
    private readonly highBeams: readonly boolean[] = [],
  ) {
    const idx: number[] = [];
    trajectory.actors.forEach((a, i) => {
      if (VEHICLES.has(a.kind)) idx.push(i);
    });
    this.vehicleIdx = Int32Array.from(idx);
    this.halfLen = Float64Array.from(trajectory.actors, (a) => a.size.lengthM / 2);
    this.dist = new Float64Array(idx.length);
    // Only as many lights as there are ever lamps on: a light at zero intensity still costs
    // every lit pixel its shading, and the count must stay fixed (a change recompiles shaders).
    for (let k = 0; k < Math.min(size, this.mostOnAtOnce()); k++) {
      const l = new THREE.SpotLight(0xfff1d8, 0, BEAM_RANGE_M, LOW_BEAM.coneRad, 1, BEAM_DECAY);
      l.name = `headlight-${k}`;
      this.lights.push(l);
    }
  }

  /** The largest number of vehicles with head lights on at any one tick. */
  private mostOnAtOnce(): number {
    const tr = this.trajectory;
    let most = 0;
    for (let k = 0; k < tr.ticks; k++) {
      let on = 0;
      for (const a of this.vehicleIdx) if ((readState(tr, k, a, 'lights') & LIGHT.head) !== 0) on++;
      most = Math.max(most, on);
    }
    return most;
  }

  private place(light: THREE.SpotLight, a: number, o: number): void {
    const st = this.trajectory.states;
    const x = st[o + STATE_COLUMN.x] as number;
    const y = st[o + STATE_COLUMN.y] as number;
    const z = st[o + STATE_COLUMN.z] as number;
    const c = Math.cos(st[o + STATE_COLUMN.yawRad] as number);
    const s = Math.sin(st[o + STATE_COLUMN.yawRad] as number);
    const f = (this.halfLen[a] as number) + 0.1;
    const beam = this.highBeams[a] === true ? HIGH_BEAM : LOW_BEAM;
    light.position.set(x + c * f, z + LAMP_HEIGHT_M, -(y + s * f));
    const drop = AIM_M * Math.tan(THREE.MathUtils.degToRad(beam.dropDeg));
    light.target.position.set(x + c * (f + AIM_M), z + LAMP_HEIGHT_M - drop, -(y + s * (f + AIM_M)));
    light.target.updateMatrixWorld();
    light.angle = beam.coneRad;
    light.intensity = beam.intensity * this.exposureScale;
  }

  update(tick: number): void {
    const tr = this.trajectory;
    const base = stateRow(tr, tick, 0);
    const st = tr.states;
    const ex = st[base + STATE_COLUMN.x] as number;
    const ey = st[base + STATE_COLUMN.y] as number;
    for (let v = 0; v < this.vehicleIdx.length; v++) {
      const a = this.vehicleIdx[v] as number;
      const o = base + a * STATE_STRIDE;
      const on = ((st[o + STATE_COLUMN.lights] as number) & LIGHT.head) !== 0;
      const dx = (st[o + STATE_COLUMN.x] as number) - ex;
      const dy = (st[o + STATE_COLUMN.y] as number) - ey;
      // The ego (distance -1) always comes first.
      this.dist[v] = !on ? Infinity : a === 0 ? -1 : dx * dx + dy * dy;
    }
    for (let k = 0; k < this.lights.length; k++) {
      let best = -1;
      let bestD = Infinity;
      for (let v = 0; v < this.vehicleIdx.length; v++) {
        const d = this.dist[v] as number;
        if (d < bestD) {
          bestD = d;
          best = v;
        }
      }
      const light = this.lights[k] as THREE.SpotLight;
      if (best < 0) {
        light.intensity = 0;
        continue;
      }
      this.dist[best] = Infinity;
      const a = this.vehicleIdx[best] as number;
      this.place(light, a, base + a * STATE_STRIDE);
    }
  }
}
