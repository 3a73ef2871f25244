import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { cameraModel, intrinsicsFromFov, intrinsicsOf, projectKitti, worldToKittiCamera } from '../../src/render/cameraModel.js';
import { verticalFovDeg } from '../../src/math/angles.js';
import { poseCamera } from '../../src/render/page/primitiveScene.js';

const W = 1280,
  H = 720;

function camera(pose: { x: number; y: number; z: number; yawRad: number; pitchRad: number }, hfovDeg = 75): THREE.PerspectiveCamera {
  const c = new THREE.PerspectiveCamera(verticalFovDeg(hfovDeg, W, H), W / H, 0.1, 500);
  poseCamera(c, pose);
  return c;
}

function apply(m: THREE.Matrix4, x: number, y: number, z: number): THREE.Vector3 {
  return new THREE.Vector3(x, y, z).applyMatrix4(m);
}

describe('camera model', () => {
  it('derives K from the horizontal field of view: f = W/2 / tan(hfov/2), centred principal point', () => {
    const K = intrinsicsFromFov(90, W, H);
    expect(K[0]).toBeCloseTo(640, 9);
    expect(K[4]).toBeCloseTo(640, 9);
    expect([K[2], K[5]]).toEqual([640, 360]);
  });

  it('reads the same K from a three.js camera set up with the matching vertical fov', () => {
    const K = intrinsicsOf(camera({ x: 0, y: 0, z: 1, yawRad: 0, pitchRad: 0 }, 62), W, H);
    intrinsicsFromFov(62, W, H).forEach((v, i) => {
      expect(K[i]).toBeCloseTo(v, 9);
    });
  });

  it('writes P2 as K with a zero fourth column', () => {
    const m = cameraModel(camera({ x: 0, y: 0, z: 1, yawRad: 0, pitchRad: 0 }), W, H);
    expect(m.P).toEqual([m.K[0], m.K[1], m.K[2], 0, m.K[3], m.K[4], m.K[5], 0, m.K[6], m.K[7], m.K[8], 0]);
  });

  it('maps world points to the KITTI camera frame (x right, y down, z forward)', () => {
    // Camera 1.5 m up at (2, 3), looking along world +y (yaw 90 deg).
    const m = worldToKittiCamera(camera({ x: 2, y: 3, z: 1.5, yawRad: Math.PI / 2, pitchRad: 0 }));
    const ahead = apply(m, 2, 13, 1.5);
    expect([ahead.x, ahead.y, ahead.z].map((v) => +v.toFixed(9))).toEqual([0, 0, 10]);
    const right = apply(m, 5, 3, 1.5); // world +x is to the right when facing +y
    expect(right.x).toBeCloseTo(3, 9);
    const ground = apply(m, 2, 13, 0); // below the camera: +y in KITTI
    expect(ground.y).toBeCloseTo(1.5, 9);
  });

  it('tilts the KITTI frame with a camera pitched down', () => {
    const pitch = 0.2;
    const m = worldToKittiCamera(camera({ x: 0, y: 0, z: 2, yawRad: 0, pitchRad: pitch }));
    // A point along the optical axis, d metres away.
    const p = apply(m, 10 * Math.cos(pitch), 0, 2 - 10 * Math.sin(pitch));
    expect(p.x).toBeCloseTo(0, 9);
    expect(p.y).toBeCloseTo(0, 9);
    expect(p.z).toBeCloseTo(10, 9);
  });

  it('stores worldToCamera row-major', () => {
    const c = camera({ x: 4, y: -1, z: 1.2, yawRad: 0.3, pitchRad: 0.05 });
    const model = cameraModel(c, W, H);
    const p = apply(worldToKittiCamera(c), 20, 2, 0.5);
    const r = model.worldToCamera;
    expect(r[0] * 20 + r[1] * 2 + r[2] * 0.5 + r[3]).toBeCloseTo(p.x, 9);
    expect(r[4] * 20 + r[5] * 2 + r[6] * 0.5 + r[7]).toBeCloseTo(p.y, 9);
    expect(r[8] * 20 + r[9] * 2 + r[10] * 0.5 + r[11]).toBeCloseTo(p.z, 9);
    expect(r.slice(12)).toEqual([0, 0, 0, 1]);
  });

  it('projects with K exactly where three.js draws the point', () => {
    const c = camera({ x: 4, y: -1, z: 1.2, yawRad: 0.3, pitchRad: 0.05 });
    const model = cameraModel(c, W, H);
    const m = worldToKittiCamera(c);
    for (const [x, y, z] of [
      [20, 2, 0.5],
      [12, -4, 3],
      [40, 10, 0],
    ]) {
      const k = apply(m, x, y, z);
      const { u, v } = projectKitti(model.K, k.x, k.y, k.z);
      const ndc = new THREE.Vector3(x, z, -y).project(c); // three frame
      expect(u).toBeCloseTo(((ndc.x + 1) / 2) * W, 6);
      expect(v).toBeCloseTo(((1 - ndc.y) / 2) * H, 6);
    }
  });
});
