/**
 * Collects triangle strips (pairs of edge points along a curve) and quads into one
 * BufferGeometry, so a whole road layer is one mesh and one draw call.
 */
import * as THREE from 'three';

const _a = new THREE.Vector3();
const _b = new THREE.Vector3();
const _n = new THREE.Vector3();

export class StripBuilder {
  private readonly positions: number[] = [];
  private readonly uvs: number[] = [];
  private readonly indices: number[] = [];

  get isEmpty(): boolean {
    return this.indices.length === 0;
  }

  /**
   * Adds a strip between two edges given as flat arrays of three.js points (x, y, z per point,
   * the same count on both edges), with u along the strip [m] and v across it [m] (0 at
   * edge a). Triangles face `towards` (three.js direction).
   */
  strip(edgeA: readonly number[], edgeB: readonly number[], uAlong: readonly number[], towards: THREE.Vector3): void {
    const n = edgeA.length / 3;
    if (n < 2) return;
    const base = this.positions.length / 3;
    for (let i = 0; i < n; i++) {
      const across = Math.hypot(
        (edgeB[3 * i] as number) - (edgeA[3 * i] as number),
        (edgeB[3 * i + 1] as number) - (edgeA[3 * i + 1] as number),
        (edgeB[3 * i + 2] as number) - (edgeA[3 * i + 2] as number),
      );
      this.positions.push(edgeA[3 * i] as number, edgeA[3 * i + 1] as number, edgeA[3 * i + 2] as number);
      this.uvs.push(uAlong[i] as number, 0);
      this.positions.push(edgeB[3 * i] as number, edgeB[3 * i + 1] as number, edgeB[3 * i + 2] as number);
      this.uvs.push(uAlong[i] as number, across);
    }
    // Winding: check the first triangle (a0, a1, b0) against the wanted facing.
    _a.set((edgeA[3] as number) - (edgeA[0] as number), (edgeA[4] as number) - (edgeA[1] as number), (edgeA[5] as number) - (edgeA[2] as number));
    _b.set((edgeB[0] as number) - (edgeA[0] as number), (edgeB[1] as number) - (edgeA[1] as number), (edgeB[2] as number) - (edgeA[2] as number));
    const flip = _n.crossVectors(_a, _b).dot(towards) < 0;
    for (let i = 0; i < n - 1; i++) {
      const a0 = base + 2 * i;
      const b0 = a0 + 1;
      const a1 = a0 + 2;
      const b1 = a0 + 3;
      if (flip) this.indices.push(a0, b0, a1, a1, b0, b1);
      else this.indices.push(a0, a1, b0, a1, b1, b0);
    }
  }

  /** Builds the geometry with normals; the builder can be dropped afterwards. */
  build(): THREE.BufferGeometry {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(this.positions, 3));
    g.setAttribute('uv', new THREE.Float32BufferAttribute(this.uvs, 2));
    g.setIndex(this.indices);
    g.computeVertexNormals();
    g.computeBoundingSphere();
    return g;
  }
}
