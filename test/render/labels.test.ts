import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { boxCorners, kittiBox3, wrapAngle } from '../../src/render/labels/box3d.js';
import { clipBox, pixelUnion, projectedBox, truncation } from '../../src/render/labels/projectedBox.js';
import { occludedLevel } from '../../src/render/labels/occludedLevel.js';
import { decodeId, encodeId, scanIds } from '../../src/render/labels/idStats.js';
import { objectLabel } from '../../src/render/labels/objectLabel.js';
import { DEFAULT_LABEL_OPTIONS } from '../../src/render/labels/labelOptions.js';
import type { TrackedObject } from '../../src/scene/types.js';

const K = [500, 0, 320, 0, 500, 240, 0, 0, 1];

/** A tracked object whose root is posed directly in the KITTI camera frame (identity transform). */
function track(x: number, y: number, z: number, size = { lengthM: 4, widthM: 2, heightM: 1.5 }): TrackedObject {
  const root = new THREE.Object3D();
  // KITTI y is down; the root's local +y (up) must point along -y: rotate 180 deg about x.
  root.position.set(x, y, z);
  root.rotation.set(Math.PI, 0, 0);
  root.updateMatrixWorld();
  return { trackId: 1, actorId: 'a', cls: 'Car', root, size };
}
const IDENTITY = new THREE.Matrix4();

describe('label geometry', () => {
  it('projects a box in front of the camera to the bounds of its corners', () => {
    const corners = boxCorners(track(0, 1, 10), IDENTITY);
    const box = projectedBox(corners, K, 0.1)!;
    const us = corners.map((c) => (500 * c.x) / c.z + 320);
    expect(box[0]).toBeCloseTo(Math.min(...us), 9);
    expect(box[2]).toBeCloseTo(Math.max(...us), 9);
  });

  it('clips box edges at the near plane when corners are behind the camera', () => {
    // Box from z = -1 to 3 (length along x -> use a box rotated so length runs along z).
    const t = track(2, 1, 1);
    t.root.rotation.set(Math.PI, Math.PI / 2, 0);
    t.root.updateMatrixWorld();
    const corners = boxCorners(t, IDENTITY);
    expect(Math.min(...corners.map((c) => c.z))).toBeLessThan(0);
    const box = projectedBox(corners, K, 0.5)!;
    // Nearest visible points lie on z = 0.5; x from 1 to 3 -> u up to 320 + 500 * 3 / 0.5.
    expect(box[2]).toBeCloseTo(320 + (500 * 3) / 0.5, 6);
    expect(box[0]).toBeCloseTo(320 + (500 * 1) / 3, 6);
  });

  it('returns no box for an object entirely behind the camera', () => {
    expect(projectedBox(boxCorners(track(0, 1, -10), IDENTITY), K, 0.1)).toBeNull();
  });

  it('computes truncation as the share of the unclipped box outside the image', () => {
    const unclipped: [number, number, number, number] = [-100, 0, 100, 50];
    expect(truncation(unclipped, clipBox(unclipped, 640, 480))).toBeCloseTo(0.5, 12);
    expect(truncation([10, 10, 20, 20], clipBox([10, 10, 20, 20], 640, 480))).toBe(0);
    expect(clipBox([700, 0, 800, 10], 640, 480)).toBeNull();
  });

  it('grows a union of boxes to whole pixels inside the image', () => {
    expect(pixelUnion([10.2, 5.5, 20.1, 7.9], [-3, 6, 12, 30.5], 640, 480)).toEqual([0, 5, 21, 31]);
  });

  it('gives rotation_y -pi/2 for an object heading away from the camera, and alpha from the bearing', () => {
    const t = track(3, 1, 10);
    t.root.rotation.set(Math.PI, -Math.PI / 2, 0, 'YXZ'); // forward (+x local) -> +z, up -> -y
    t.root.updateMatrixWorld();
    const b = kittiBox3(t, IDENTITY);
    expect(b.rotationY).toBeCloseTo(-Math.PI / 2, 9);
    expect(b.alpha).toBeCloseTo(wrapAngle(-Math.PI / 2 - Math.atan2(3, 10)), 9);
    expect([b.x, b.y, b.z]).toEqual([3, 1, 10]);
  });

  it('wraps angles into [-pi, pi)', () => {
    expect(wrapAngle(3 * Math.PI / 2)).toBeCloseTo(-Math.PI / 2, 12);
    expect(wrapAngle(-3 * Math.PI / 2)).toBeCloseTo(Math.PI / 2, 12);
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
    const w = 4, h = 3;
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
});

describe('object label', () => {
  const geometry = { track: track(0, 1, 10), unclippedBox: [100, 100, 200, 200] as [number, number, number, number], amodalBox: [100, 100, 200, 200] as [number, number, number, number] };

  it('derives occlusion from visible and unoccluded pixels', () => {
    const l = objectLabel(geometry, IDENTITY, { visible: 300, visibleBox: [100, 100, 150, 200], unoccluded: 1200 }, DEFAULT_LABEL_OPTIONS);
    expect(l.occlusion).toBeCloseTo(0.75, 12);
    expect(l.occludedLevel).toBe(2);
    expect(l.lowVisibility).toBe(false);
  });

  it('flags objects below the visible-pixel threshold', () => {
    const l = objectLabel(geometry, IDENTITY, { visible: 5, visibleBox: [100, 100, 101, 105], unoccluded: 5 }, DEFAULT_LABEL_OPTIONS);
    expect(l.lowVisibility).toBe(true);
    expect(l.occlusion).toBe(0);
  });

  it('flags objects below the visible-fraction threshold', () => {
    const l = objectLabel(geometry, IDENTITY, { visible: 50, visibleBox: [100, 100, 110, 105], unoccluded: 1000 }, DEFAULT_LABEL_OPTIONS);
    expect(l.lowVisibility).toBe(true);
  });

  it('measures distance to the box centre', () => {
    const l = objectLabel(geometry, IDENTITY, { visible: 50, visibleBox: null, unoccluded: 50 }, DEFAULT_LABEL_OPTIONS);
    expect(l.distanceM).toBeCloseTo(Math.hypot(0, 1 - 0.75, 10), 9);
  });
});
