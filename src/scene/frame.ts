/**
 * World -> three.js frame conversion. World: x, y ground plane, z up [m]; three: x = world x,
 * y = world z (up), z = -world y. A world heading (yaw, counter-clockwise from +x seen from
 * above) is a rotation about three's +y by the same angle.
 */
import type * as THREE from 'three';
import { STATE_COLUMN } from '../sim/types.js';

/** three.js position of a world point. */
export function worldToThree(x: number, y: number, z: number, out: THREE.Vector3): THREE.Vector3 {
  return out.set(x, z, -y);
}

/**
 * Poses an object at a world position with world yaw, pitch and roll [rad]. Pitch and roll are
 * right-handed rotations about the body's left (y) and forward (x) axes (ISO 8855: positive
 * pitch is nose down, positive roll lifts the left side). Euler 'YZX' applies yaw, then pitch,
 * then roll, in body axes.
 */
export function setWorldPose(obj: THREE.Object3D, x: number, y: number, z: number, yawRad: number, pitchRad: number, rollRad: number): void {
  obj.position.set(x, z, -y);
  // Body left is three -z, so a right-handed pitch about left is a rotation about +z by -pitch.
  obj.rotation.set(rollRad, yawRad, -pitchRad, 'YZX');
}

/** Poses an object at an actor's recorded pose: the packed state row at offset `o` of a trajectory's states (sim/types.ts). */
export function setPoseFromState(obj: THREE.Object3D, states: Float64Array, o: number): void {
  setWorldPose(
    obj,
    states[o + STATE_COLUMN.x] as number,
    states[o + STATE_COLUMN.y] as number,
    states[o + STATE_COLUMN.z] as number,
    states[o + STATE_COLUMN.yawRad] as number,
    states[o + STATE_COLUMN.pitchRad] as number,
    states[o + STATE_COLUMN.rollRad] as number,
  );
}
