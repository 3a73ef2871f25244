/**
 * A fixed number of real lights shared by many lamps: every tick each light moves to one of
 * the lamps nearest a point of interest (ahead of the camera). A fixed count keeps shaders from
 * recompiling; selection reuses preallocated arrays.
 */
import type * as THREE from 'three';

export class LampPool {
  readonly lights: THREE.SpotLight[] = [];
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly zs: Float64Array;
  private readonly dist: Float64Array;
  private readonly chosen: Int32Array;
  private readonly count: number;

  /** `positions`: lamp heads in three.js axes; the lights point straight down from them. */
  constructor(positions: readonly THREE.Vector3[], size: number, make: () => THREE.SpotLight) {
    this.count = positions.length;
    this.xs = Float64Array.from(positions, (p) => p.x);
    this.ys = Float64Array.from(positions, (p) => p.y);
    this.zs = Float64Array.from(positions, (p) => p.z);
    this.dist = new Float64Array(this.count);
    const n = Math.min(size, this.count);
    this.chosen = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const light = make();
      light.target.position.set(0, -1, 0);
      light.add(light.target);
      this.lights.push(light);
    }
  }

  /** Moves the lights to the lamps nearest (x, z) in three.js axes. */
  update(x: number, z: number): void {
    const n = this.lights.length;
    if (n === 0) return;
    for (let i = 0; i < this.count; i++) {
      const dx = (this.xs[i] as number) - x;
      const dz = (this.zs[i] as number) - z;
      this.dist[i] = dx * dx + dz * dz;
    }
    // Partial selection of the n smallest distances (n is small).
    for (let k = 0; k < n; k++) {
      let best = -1;
      let bestD = Infinity;
      for (let i = 0; i < this.count; i++) {
        const d = this.dist[i] as number;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      this.chosen[k] = best;
      this.dist[best] = Infinity;
    }
    for (let k = 0; k < n; k++) {
      const i = this.chosen[k] as number;
      (this.lights[k] as THREE.SpotLight).position.set(this.xs[i] as number, (this.ys[i] as number) - 0.2, this.zs[i] as number);
    }
  }
}
