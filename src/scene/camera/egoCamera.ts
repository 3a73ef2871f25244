/**
 * The ego camera: a PerspectiveCamera mounted on the ego vehicle (heightM above the ground,
 * forwardM ahead of the box centre, pitched down by pitchDeg) and posed with it every tick.
 */
import * as THREE from 'three';
import { verticalFovDeg } from '../../math/angles.js';
import type { CameraRig } from '../../scenario/types.js';

export const CAMERA_NEAR_M = 0.1;
export const CAMERA_FAR_M = 3000;

export class EgoCamera {
  /** Posed at the ego's bottom centre with its heading; the camera is its child. */
  readonly mount = new THREE.Object3D();
  readonly camera: THREE.PerspectiveCamera;

  constructor(rig: CameraRig) {
    const aspect = rig.widthPx / rig.heightPx;
    this.camera = new THREE.PerspectiveCamera(verticalFovDeg(rig.fovDeg, rig.widthPx, rig.heightPx), aspect, CAMERA_NEAR_M, CAMERA_FAR_M);
    this.camera.name = 'ego-camera';
    this.camera.position.set(rig.forwardM, rig.heightM, 0);
    // A three.js camera looks down its -z; turn it to the body's +x, then pitch down.
    this.camera.rotation.set(-THREE.MathUtils.degToRad(rig.pitchDeg), -Math.PI / 2, 0, 'YXZ');
    this.mount.name = 'ego';
    this.mount.add(this.camera);
  }
}
