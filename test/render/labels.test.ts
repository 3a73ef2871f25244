import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { verticalFovDeg, wrapAngle } from '../../src/math/angles.js';
import { boxCorners, kittiBox3, uprightBox } from '../../src/render/labels/box3d.js';
import { clipBox, pixelUnion, projectedBox } from '../../src/render/labels/projectedBox.js';
import { occludedLevel } from '../../src/render/labels/occludedLevel.js';
import { decodeId, encodeId, idWords, scanIds } from '../../src/render/labels/idStats.js';
import { objectContrast } from '../../src/render/labels/contrast.js';
import { objectGeometry, objectLabel, type LabelFrames } from '../../src/render/labels/objectLabel.js';
import { DEFAULT_LABEL_OPTIONS } from '../../src/render/labels/labelOptions.js';
import { cameraModel, threeToKittiCamera, threeToRect } from '../../src/render/cameraModel.js';
import { setWorldPose } from '../../src/scene/frame.js';
import { LAYERS, type TrackedObject } from '../../src/scene/types.js';
import type { CameraModel } from '../../src/render/types.js';

const W = 640,
  H = 360;
const K = [500, 0, 320, 0, 500, 240, 0, 0, 1];

/** A camera at world (x, y, z) looking along world heading yaw, pitched down by pitch and rolled by roll [rad]. */
function worldCamera(x: number, y: number, z: number, yaw: number, pitch = 0, roll = 0): THREE.PerspectiveCamera {
  const c = new THREE.PerspectiveCamera(verticalFovDeg(80, W, H), W / H, 0.1, 500);
  c.position.set(x, z, -y);
  c.rotation.set(-pitch, yaw - Math.PI / 2, roll, 'YXZ');
  c.updateMatrixWorld(true);
  return c;
}

/** A tracked object: a box mesh of (l, w, h) standing on its root, posed in the world. */
function worldTrack(x: number, y: number, yawRad: number, size = { lengthM: 4, widthM: 2, heightM: 1.5 }, pitchRad = 0, rollRad = 0): TrackedObject {
  const root = new THREE.Object3D();
  const g = new THREE.BoxGeometry(size.lengthM, size.heightM, size.widthM).translate(0, size.heightM / 2, 0);
  root.add(new THREE.Mesh(g));
  setWorldPose(root, x, y, 0, yawRad, pitchRad, rollRad);
  root.userData.trackId = 1;
  root.updateMatrixWorld(true);
  return { trackId: 1, actorId: 'a', cls: 'Car', root, size };
}

function frames(c: THREE.PerspectiveCamera): LabelFrames {
  return { threeToCamera: threeToKittiCamera(c), threeToRect: threeToRect(c) };
}

/** Pixel of a rect-frame point through the written P (3x4, row-major). */
function projectP(P: readonly number[], x: number, y: number, z: number): [number, number] {
  const u = P[0] * x + P[1] * y + P[2] * z + P[3];
  const v = P[4] * x + P[5] * y + P[6] * z + P[7];
  const w = P[8] * x + P[9] * y + P[10] * z + P[11];
  return [u / w, v / w];
}

/** The 8 corners of a KITTI box (rect frame), the devkit's way: rotate (l, h, w) by rotation_y about y, move to the bottom centre. */
function devkitCorners(b: { h: number; w: number; l: number; x: number; y: number; z: number; rotationY: number }): [number, number, number][] {
  const c = Math.cos(b.rotationY),
    s = Math.sin(b.rotationY);
  const out: [number, number, number][] = [];
  for (const dy of [0, -b.h]) {
    for (const [dx, dz] of [
      [b.l / 2, b.w / 2],
      [b.l / 2, -b.w / 2],
      [-b.l / 2, -b.w / 2],
      [-b.l / 2, b.w / 2],
    ]) {
      out.push([b.x + c * dx + s * dz, b.y + dy, b.z - s * dx + c * dz]);
    }
  }
  return out;
}

function labelOf(track: TrackedObject, c: THREE.PerspectiveCamera, camera: CameraModel, visible = 1000) {
  const geometry = objectGeometry(track, frames(c), camera, c.near);
  return objectLabel(geometry, frames(c), camera, c.near, { visible, visibleBox: geometry.amodalBox, unoccluded: visible, appearance: null }, DEFAULT_LABEL_OPTIONS);
}

describe('label geometry', () => {
  it('projects a box in front of the camera to the bounds of its corners', () => {
    const c = worldCamera(0, 0, 1.5, 0);
    const corners = boxCorners(uprightBox(worldTrack(12, 1, 0.3)), threeToKittiCamera(c));
    const box = projectedBox(corners, K, 0.1)!;
    const us = corners.map((p) => (500 * p.x) / p.z + 320);
    expect(box[0]).toBeCloseTo(Math.min(...us), 9);
    expect(box[2]).toBeCloseTo(Math.max(...us), 9);
  });

  it('clips box edges at the near plane when corners are behind the camera', () => {
    const corners = [
      [1, -1, -1],
      [3, -1, -1],
      [3, 1, -1],
      [1, 1, -1],
      [1, -1, 3],
      [3, -1, 3],
      [3, 1, 3],
      [1, 1, 3],
    ].map(([x, y, z]) => new THREE.Vector3(x, y, z));
    // boxCorners order: bottom ring 0-3, top ring 4-7; here ring 0-3 lies at z = -1 and 4-7 at z = 3.
    const box = projectedBox(corners, K, 0.5)!;
    // Nearest visible points lie on z = 0.5; x from 1 to 3 -> u up to 320 + 500 * 3 / 0.5.
    expect(box[2]).toBeCloseTo(320 + (500 * 3) / 0.5, 6);
    expect(box[0]).toBeCloseTo(320 + (500 * 1) / 3, 6);
  });

  it('returns no box for an object entirely behind the camera', () => {
    const c = worldCamera(0, 0, 1.5, 0);
    expect(projectedBox(boxCorners(uprightBox(worldTrack(-12, 0, 0)), threeToKittiCamera(c)), K, 0.1)).toBeNull();
  });

  it('clips boxes to the image', () => {
    expect(clipBox([-100, 0, 100, 50], 640, 480)).toEqual([0, 0, 100, 50]);
    expect(clipBox([700, 0, 800, 10], 640, 480)).toBeNull();
  });

  it('grows a union of boxes to whole pixels inside the image', () => {
    expect(pixelUnion([10.2, 5.5, 20.1, 7.9], [-3, 6, 12, 30.5], 640, 480)).toEqual([0, 5, 21, 31]);
  });

  it('gives rotation_y -pi/2 for an object heading away from the camera, and alpha from the bearing', () => {
    const c = worldCamera(0, 0, 1.5, 0);
    const b = kittiBox3(uprightBox(worldTrack(10, -3, 0)), threeToRect(c));
    expect(b.rotationY).toBeCloseTo(-Math.PI / 2, 9);
    expect([b.x, b.y, b.z].map((v) => +v.toFixed(9))).toEqual([3, 1.5, 10]);
    expect(b.alpha).toBeCloseTo(wrapAngle(-Math.PI / 2 - Math.atan2(3, 10)), 9);
  });

  it('keeps boxes upright (yaw only) in the rect frame whatever the camera pitch and roll', () => {
    for (const [pitch, roll] of [
      [0.05, 0],
      [-0.04, 0.03],
      [0.12, -0.08],
    ]) {
      const c = worldCamera(1, 2, 1.4, 0.4, pitch, roll);
      const b = kittiBox3(uprightBox(worldTrack(15, 6, 1.1)), threeToRect(c));
      // Rect y is gravity: the bottom of a box on the ground is the camera height below the camera.
      expect(b.y).toBeCloseTo(1.4, 9);
      expect(b.h).toBeCloseTo(1.5, 9);
      // Heading 0.7 rad left of the camera's: rotation_y = -pi/2 - 0.7 (0 faces rect +x, -pi/2 drives away).
      expect(b.rotationY).toBeCloseTo(wrapAngle(-Math.PI / 2 - (1.1 - 0.4)), 9);
    }
  });

  it('projects the rect-frame box with P2 = K [R | 0] onto its amodal box for pitched and rolled cameras', () => {
    for (const [pitch, roll] of [
      [0, 0],
      [0.08, 0],
      [-0.05, 0.04],
      [0.15, -0.1],
    ]) {
      const c = worldCamera(0, 0, 1.5, 0.2, pitch, roll);
      const camera = cameraModel(c, W, H);
      const t = worldTrack(14, 2.5, 0.9);
      const geometry = objectGeometry(t, frames(c), camera, c.near);
      const b = kittiBox3(geometry.box, threeToRect(c));
      const px = devkitCorners(b).map(([x, y, z]) => projectP(camera.P, x, y, z));
      const box = [Math.min(...px.map((p) => p[0])), Math.min(...px.map((p) => p[1])), Math.max(...px.map((p) => p[0])), Math.max(...px.map((p) => p[1]))];
      geometry.unclippedBox!.forEach((v, i) => {
        expect(box[i]).toBeCloseTo(v, 6);
      });
    }
  });

  it('encloses every part of an articulated object and stays level when the body pitches', () => {
    const t = worldTrack(10, 0, 0, { lengthM: 0.3, widthM: 0.5, heightM: 1.7 }, 0.1, 0.05);
    const leg = new THREE.Mesh(new THREE.BoxGeometry(0.1, 0.8, 0.1).translate(0, -0.4, 0));
    leg.position.set(0.2, 0.8, 0);
    leg.rotation.z = 0.6; // a leg swung forward in mid-stride
    t.root.add(leg);
    const glow = new THREE.Mesh(new THREE.PlaneGeometry(30, 30));
    glow.layers.set(LAYERS.APPEARANCE); // looks only: not part of the object
    t.root.add(glow);
    const other = new THREE.Object3D();
    other.userData.trackId = 2; // another object carried along: labeled on its own
    other.add(new THREE.Mesh(new THREE.BoxGeometry(5, 5, 5)));
    t.root.add(other);
    t.root.updateMatrixWorld(true);
    const box = uprightBox(t);
    const inv = box.pose.clone().invert();
    const p = new THREE.Vector3();
    for (const mesh of [t.root.children[0], leg] as THREE.Mesh[]) {
      const pos = mesh.geometry.getAttribute('position');
      for (let i = 0; i < pos.count; i++) {
        p.fromBufferAttribute(pos, i).applyMatrix4(mesh.matrixWorld).applyMatrix4(inv);
        expect(Math.abs(p.x)).toBeLessThanOrEqual(box.lengthM / 2 + 1e-9);
        expect(Math.abs(p.z)).toBeLessThanOrEqual(box.widthM / 2 + 1e-9);
        expect(p.y).toBeGreaterThanOrEqual(-1e-9);
        expect(p.y).toBeLessThanOrEqual(box.heightM + 1e-9);
      }
    }
    expect(box.lengthM).toBeGreaterThan(0.3 + 0.3); // the leg's reach
    expect(box.lengthM).toBeLessThan(2); // the glow and the other track are left out
    // Upright: the box's up axis is the world's up.
    const up = new THREE.Vector3(0, 1, 0).transformDirection(box.pose);
    expect(up.y).toBeCloseTo(1, 12);
  });

  it('measures truncation as the share of the box outside the view, also for objects reaching behind the camera', () => {
    const c = worldCamera(0, 0, 1.5, 0);
    const camera = cameraModel(c, W, H);
    expect(labelOf(worldTrack(20, 0, 0), c, camera).truncation).toBe(0);
    // A car alongside the ego, from 1 m behind the camera to 5 m ahead of it.
    const alongside = labelOf(worldTrack(2, -2.5, 0, { lengthM: 6, widthM: 2, heightM: 1.5 }), c, camera, 50_000);
    expect(alongside.truncation).toBeGreaterThan(0.4);
    expect(alongside.truncation).toBeLessThan(0.99);
    // Entirely behind: fully truncated; if any pixel were visible, at most 0.99.
    expect(labelOf(worldTrack(-20, 0, 0), c, camera, 0).truncation).toBe(1);
    expect(labelOf(worldTrack(-20, 0, 0), c, camera, 10).truncation).toBe(0.99);
  });

  it('wraps angles into [-pi, pi)', () => {
    expect(wrapAngle((3 * Math.PI) / 2)).toBeCloseTo(-Math.PI / 2, 12);
    expect(wrapAngle((-3 * Math.PI) / 2)).toBeCloseTo(Math.PI / 2, 12);
    expect(wrapAngle(0.25)).toBeCloseTo(0.25, 12);
  });
});

describe('occluded level', () => {
  it('follows the documented thresholds 0.1 and 0.5', () => {
    expect(occludedLevel(0, 100)).toBe(0);
    expect(occludedLevel(0.099, 100)).toBe(0);
    expect(occludedLevel(0.1, 100)).toBe(1);
    expect(occludedLevel(0.499, 100)).toBe(1);
    expect(occludedLevel(0.5, 100)).toBe(2);
    expect(occludedLevel(1, 100)).toBe(2);
  });

  it('is unknown (3) when the object covers no pixel even unoccluded', () => {
    expect(occludedLevel(1, 0)).toBe(3);
  });
});

describe('id buffers', () => {
  it('round-trips ids through RGB bytes (id = R + 256 G + 65536 B)', () => {
    for (const id of [0, 1, 255, 256, 65535, 65536, 0xffffff]) expect(decodeId(...encodeId(id))).toBe(id);
    expect(() => encodeId(0x1000000)).toThrow(/24 bits/);
  });

  it('counts pixels and tight boxes from a bottom-up buffer', () => {
    const w = 4,
      h = 3;
    const buf = new Uint8Array(w * h * 4);
    const set = (x: number, yTop: number, id: number): void => {
      const row = h - 1 - yTop;
      buf.set(encodeId(id), (row * w + x) * 4);
    };
    set(1, 0, 300);
    set(2, 1, 300);
    set(3, 2, 7);
    const stats = scanIds(buf, { x: 0, y: 0, width: w, height: h });
    expect(stats.get(300)).toEqual({ pixels: 2, box: [1, 0, 3, 2] });
    expect(stats.get(7)).toEqual({ pixels: 1, box: [3, 2, 4, 3] });
    expect(stats.size).toBe(2);
  });

  it('reads ids a word a pixel, the alpha byte (the semantic class) ignored, from aligned and unaligned buffers alike', () => {
    const ids = [0, 1, 255, 256, 0x123456, 0xffffff];
    const backing = new Uint8Array(ids.length * 4 + 1);
    const unaligned = backing.subarray(1);
    for (const [p, id] of ids.entries()) unaligned.set([...encodeId(id), 200 + p], p * 4);
    expect([...idWords(unaligned)]).toEqual(ids);
    expect([...idWords(unaligned.slice())].map((word) => word & 0xffffff)).toEqual(ids);
  });
});

describe('object label', () => {
  const c = worldCamera(0, 0, 1.5, 0);
  const camera = cameraModel(c, W, H);
  const geometry = objectGeometry(worldTrack(10, 0, 0), frames(c), camera, c.near);
  const label = (pixels: { visible: number; unoccluded: number; contrast?: number }) =>
    objectLabel(
      geometry,
      frames(c),
      camera,
      c.near,
      {
        visible: pixels.visible,
        visibleBox: pixels.visible > 0 ? [100, 100, 150, 200] : null,
        unoccluded: pixels.unoccluded,
        appearance: pixels.contrast === undefined ? null : { contrast: pixels.contrast, lightness: 30 },
      },
      DEFAULT_LABEL_OPTIONS,
    );

  it('derives occlusion from visible and unoccluded pixels', () => {
    const l = label({ visible: 300, unoccluded: 1200 });
    expect(l.occlusion).toBeCloseTo(0.75, 12);
    expect(l.occludedLevel).toBe(2);
    expect(l.lowVisibility).toBe(false);
  });

  it('flags objects below the visible-pixel threshold', () => {
    const l = label({ visible: 5, unoccluded: 5 });
    expect(l.lowVisibility).toBe(true);
    expect(l.occlusion).toBe(0);
  });

  it('flags objects below the visible-fraction threshold', () => {
    expect(label({ visible: 50, unoccluded: 1000 }).lowVisibility).toBe(true);
  });

  it('flags objects that do not stand out from their surround, however many pixels they cover', () => {
    expect(label({ visible: 5000, unoccluded: 5000, contrast: 0.02 }).lowVisibility).toBe(true);
    expect(label({ visible: 100, unoccluded: 100, contrast: 0.09 }).lowVisibility).toBe(true);
    expect(label({ visible: 100, unoccluded: 100, contrast: 0.11 }).lowVisibility).toBe(false);
    const seen = label({ visible: 5000, unoccluded: 5000, contrast: 0.4 });
    expect(seen.lowVisibility).toBe(false);
    expect([seen.contrast, seen.lightness]).toEqual([0.4, 30]);
  });

  it('measures distance to the box centre', () => {
    const l = label({ visible: 50, unoccluded: 50 });
    expect(l.distanceM).toBeCloseTo(Math.hypot(0, 1.5 - 0.75, 10), 9);
  });
});

describe('contrast', () => {
  /** Bottom-up RGBA buffers of a w x h image: background colour bg, a square object of colour fg at (x0..x1, y0..y1). */
  function scene(bg: [number, number, number] | ((x: number, y: number) => [number, number, number]), fg: (x: number, y: number) => [number, number, number]) {
    const w = 40,
      h = 30;
    const rgb = new Uint8Array(w * h * 4),
      ids = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = ((h - 1 - y) * w + x) * 4;
        const inside = x >= 10 && x < 20 && y >= 10 && y < 20;
        rgb.set(inside ? fg(x, y) : typeof bg === 'function' ? bg(x, y) : bg, i);
        if (inside) ids.set(encodeId(7), i);
      }
    }
    return objectContrast(rgb, ids, w, h, 7, [10, 10, 20, 20]);
  }

  it('is 0 for an object the colour of its surround (black on black)', () => {
    expect(scene([8, 8, 8], () => [10, 9, 9])?.contrast).toBe(0);
  });

  it('is 1 for an object whose whole outline stands out, and counts the share of the outline that does', () => {
    expect(scene([20, 20, 20], () => [200, 40, 30])?.contrast).toBe(1);
    // Left half bright: its outline (left side, half of the top and bottom) stands out; the right half's does not.
    expect(scene([20, 20, 20], (x) => (x < 15 ? [200, 200, 200] : [21, 20, 20]))?.contrast).toBe(0.5);
  });

  it('is not moved by what lies away from the outline (a dark car a few pixels off a dark cyclist on a lit road)', () => {
    const near = (x: number, y: number): boolean => x >= 7 && x < 23 && y >= 7 && y < 23;
    const lit = scene([120, 110, 100], () => [5, 5, 5])!.contrast;
    const mostlyDark = scene(
      (x, y) => (near(x, y) ? [120, 110, 100] : [6, 6, 6]),
      () => [5, 5, 5],
    )!.contrast;
    expect([lit, mostlyDark]).toEqual([1, 1]);
  });

  it('reports lightness as mean CIE L* (white 100, black 0)', () => {
    expect(scene([0, 0, 0], () => [255, 255, 255])?.lightness).toBeCloseTo(100, 3);
    expect(scene([255, 255, 255], () => [0, 0, 0])?.lightness).toBeCloseTo(0, 6);
  });
});
