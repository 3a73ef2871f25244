import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { setWorldPose, worldToThree } from '../../src/scene/frame.js';

describe('world to three.js frame', () => {
  it('maps world (x, y, z) to three (x, z, -y)', () => {
    expect(worldToThree(1, 2, 3, new THREE.Vector3()).toArray()).toEqual([1, 3, -2]);
  });

  it('turns a world heading into the same counter-clockwise turn seen from above', () => {
    const o = new THREE.Object3D();
    setWorldPose(o, 0, 0, 0, Math.PI / 2, 0, 0);
    o.updateMatrixWorld();
    // Body forward (+x) heads along world +y, which is three -z.
    const fwd = new THREE.Vector3(1, 0, 0).transformDirection(o.matrixWorld);
    expect(fwd.x).toBeCloseTo(0, 9);
    expect(fwd.z).toBeCloseTo(-1, 9);
  });

  it('pitches the nose down for positive pitch and lifts the left side for positive roll', () => {
    const o = new THREE.Object3D();
    setWorldPose(o, 0, 0, 0, 0.3, 0.2, 0);
    o.updateMatrixWorld();
    expect(new THREE.Vector3(1, 0, 0).transformDirection(o.matrixWorld).y).toBeCloseTo(-Math.sin(0.2), 9);
    setWorldPose(o, 0, 0, 0, 0.3, 0, 0.2);
    o.updateMatrixWorld();
    // Body left is three -z.
    expect(new THREE.Vector3(0, 0, -1).transformDirection(o.matrixWorld).y).toBeCloseTo(Math.sin(0.2), 9);
  });
});
