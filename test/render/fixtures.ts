/** Scenes made in code for the render tests: boxes and walls at known poses, a known camera. */
import { findBrowser } from '../../src/dataset/render-host/findBrowser.js';
import type { PrimitiveCamera, PrimitiveObject, PrimitiveScene } from '../../src/render/request.js';
import type { LabelClass } from '../../src/render/types.js';
import type { SemanticClass } from '../../src/scene/types.js';

export const W = 640;
export const H = 480;
/** Camera 1.5 m above the world origin looking along +x, level, 90 deg horizontal fov: f = 320 px. */
export const CAMERA: PrimitiveCamera = { x: 0, y: 0, z: 1.5, yawRad: 0, pitchRad: 0, hfovDeg: 90, nearM: 0.1, farM: 500 };
export const FOCAL_PX = W / 2;

export function tracked(
  trackId: number,
  pose: { x: number; y: number; yawRad?: number },
  size: { l: number; w: number; h: number },
  cls: LabelClass = 'Car',
  semantic: SemanticClass = 'car',
): PrimitiveObject {
  return {
    track: { trackId, actorId: `actor${trackId}`, cls },
    semantic,
    x: pose.x,
    y: pose.y,
    z: 0,
    yawRad: pose.yawRad ?? 0,
    lengthM: size.l,
    widthM: size.w,
    heightM: size.h,
    colour: '#b03020',
  };
}

/** An unlabeled wall: an axis-aligned slab spanning world x in [x0, x1] and y in [y0, y1]. */
export function wall(x0: number, x1: number, y0: number, y1: number, heightM: number, bottomZ = 0): PrimitiveObject {
  return {
    semantic: 'building',
    x: (x0 + x1) / 2,
    y: (y0 + y1) / 2,
    z: bottomZ,
    yawRad: 0,
    lengthM: x1 - x0,
    widthM: y1 - y0,
    heightM,
    colour: '#8a8a80',
  };
}

export function scene(key: string, objects: PrimitiveObject[], extra: Partial<PrimitiveScene> = {}): PrimitiveScene {
  return { kind: 'primitives', key, widthPx: W, heightPx: H, camera: CAMERA, objects, lit: false, ...extra };
}

/**
 * Analytic pixel position of a world point seen by CAMERA (KITTI: x = -world y,
 * y = camera height - world z, z = world x).
 */
export function projectWorld(x: number, y: number, z: number): { u: number; v: number } {
  const kx = -y,
    ky = CAMERA.z - z,
    kz = x;
  return { u: (FOCAL_PX * kx) / kz + W / 2, v: (FOCAL_PX * ky) / kz + H / 2 };
}

/** Analytic projected bounds of a box standing on the ground at (x, y) with heading yawRad. */
export function analyticBox(x: number, y: number, yawRad: number, size: { l: number; w: number; h: number }): [number, number, number, number] {
  const c = Math.cos(yawRad),
    s = Math.sin(yawRad);
  const us: number[] = [],
    vs: number[] = [];
  for (const dl of [-size.l / 2, size.l / 2]) {
    for (const dw of [-size.w / 2, size.w / 2]) {
      for (const z of [0, size.h]) {
        const p = projectWorld(x + dl * c - dw * s, y + dl * s + dw * c, z);
        us.push(p.u);
        vs.push(p.v);
      }
    }
  }
  return [Math.min(...us), Math.min(...vs), Math.max(...us), Math.max(...vs)];
}

/** Why browser tests cannot run here (no Chromium-family browser found), or null when they can. */
export function browserMissing(): string | null {
  try {
    findBrowser();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
