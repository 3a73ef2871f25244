/**
 * Frames and labels from real headless Chromium through the render host, on scenes made of
 * boxes at known poses. Skipped (with the reason printed) only when no browser is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from 'fast-png';
import { createRenderHost } from '../../src/dataset/renderHost.js';
import type { ObjectLabel } from '../../src/render/types.js';
import { SEMANTIC_CLASSES } from '../../src/scene/types.js';
import { lensDrops } from '../../src/render/passes/postEffects.js';
import { CAMERA, H, W, analyticBox, browserMissing, scene, tracked, wall } from './fixtures.js';

const missing = browserMissing();
if (missing) console.log(`render host tests skipped: ${missing}`);

function byTrack(objects: ObjectLabel[], trackId: number): ObjectLabel {
  const o = objects.find((x) => x.trackId === trackId);
  if (!o) throw new Error(`no label for track ${trackId}; got ${objects.map((x) => x.trackId).join(', ')}`);
  return o;
}

describe.skipIf(missing !== null)('render host (headless Chromium)', () => {
  let host: ReturnType<typeof createRenderHost>;
  beforeAll(async () => {
    host = createRenderHost({ pages: 2 });
    await host.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  const carSize = { l: 4.2, w: 1.9, h: 1.6 };
  const carPose = { x: 14, y: 2.5, yawRad: 0.4 };

  it('gives a box at a known pose its 2D box within 1 px of the analytic projection', async () => {
    const f = await host.renderFrame({ scene: scene('pose', [tracked(7, carPose, carSize)]), frame: 0, tick: 0, passes: [] });
    const label = byTrack(f.labels.objects, 7);
    const expected = analyticBox(carPose.x, carPose.y, carPose.yawRad, carSize);
    expect(label.box).not.toBeNull();
    label.box!.forEach((v, i) => {
      expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(1);
    });
    // The box comes from the mesh's float32 vertices: exact to about 1e-6 of a metre.
    label.amodalBox!.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 4);
    });
  });

  it('gives a box at a known pose its exact KITTI 3D box', async () => {
    const f = await host.renderFrame({ scene: scene('pose', [tracked(7, carPose, carSize)]), frame: 0, tick: 0, passes: [] });
    const b = byTrack(f.labels.objects, 7).box3d;
    // KITTI camera: x = -world y, y = camera height - world z, z = world x; heading +x world -> ry = -pi/2.
    const ry = -Math.PI / 2 - carPose.yawRad;
    expect(b.h).toBeCloseTo(carSize.h, 6);
    expect(b.w).toBeCloseTo(carSize.w, 6);
    expect(b.l).toBeCloseTo(carSize.l, 6);
    expect(b.x).toBeCloseTo(-carPose.y, 6);
    expect(b.y).toBeCloseTo(CAMERA.z, 6);
    expect(b.z).toBeCloseTo(carPose.x, 6);
    expect(b.rotationY).toBeCloseTo(ry, 9);
    expect(b.alpha).toBeCloseTo(ry - Math.atan2(-carPose.y, carPose.x), 9);
  });

  it('reports occlusion 0.5 for an object half hidden behind a wall', async () => {
    // A 4 m wide box face-on at 12 m; a wall at 8 m covers world y >= 0, i.e. the image left of centre.
    const objects = [tracked(3, { x: 13, y: 0 }, { l: 2, w: 4, h: 1.4 }), wall(7.9, 8.1, 0, 10, 5)];
    const f = await host.renderFrame({ scene: scene('half', objects), frame: 0, tick: 0, passes: [] });
    const label = byTrack(f.labels.objects, 3);
    expect(label.occlusion).toBeGreaterThan(0.47);
    expect(label.occlusion).toBeLessThan(0.53);
    expect(label.unoccludedPixels).toBeGreaterThan(label.visiblePixels);
  });

  it('measures truncation of an object across the left image edge as the share of its volume outside the view', async () => {
    const pose = { x: 8, y: 8.5, yawRad: 0 };
    const size = { l: 4, w: 2, h: 1.5 };
    const f = await host.renderFrame({ scene: scene('edge', [tracked(5, pose, size)]), frame: 0, tick: 0, passes: [] });
    const label = byTrack(f.labels.objects, 5);
    const [x1] = analyticBox(pose.x, pose.y, pose.yawRad, size);
    expect(x1).toBeLessThan(0);
    // hfov 90 deg: a point is in view when its left offset y <= its distance x. Over the box's
    // footprint x in [6, 10], y in [7.5, 9.5] that is 3 of its 8 m^2 (its full height is in view).
    expect(Math.abs(label.truncation - 5 / 8)).toBeLessThan(0.03); // the 10^3 grid's error on a diagonal edge
    expect(label.amodalBox![0]).toBe(0);
    expect(label.box![0]).toBe(0);
  });

  for (const [fraction, level] of [
    [0.05, 0],
    [0.3, 1],
    [0.7, 2],
  ] as const) {
    it(`sets KITTI occluded level ${level} for an object ${fraction * 100} % hidden`, async () => {
      // A 4 m wide face-on box at 20 m spans world y in [-1, 1] on a wall plane at 10 m; the wall covers its left part.
      const objects = [tracked(2, { x: 21, y: 0 }, { l: 2, w: 4, h: 3 }), wall(9.9, 10.1, 1 - 2 * fraction, 4, 6)];
      const f = await host.renderFrame({ scene: scene(`level${level}`, objects), frame: 0, tick: 0, passes: [] });
      const label = byTrack(f.labels.objects, 2);
      expect(Math.abs(label.occlusion - fraction)).toBeLessThan(0.03);
      expect(label.occludedLevel).toBe(level);
    });
  }

  it('writes an instance image whose every non-zero pixel is a known track id', async () => {
    // Ids that need the green and blue bytes; an appearance-only box in front must not show.
    const ids = [1, 258, 70001];
    const objects = [
      tracked(ids[0], { x: 10, y: 3, yawRad: 0.7 }, carSize),
      tracked(ids[1], { x: 16, y: -1, yawRad: -0.2 }, carSize, 'Pedestrian', 'pedestrian'),
      tracked(ids[2], { x: 25, y: 1 }, { l: 8, w: 2.5, h: 3.2 }, 'Truck', 'truck'),
      { ...wall(5, 5.2, -0.5, 0.5, 3), appearanceOnly: true },
    ];
    const f = await host.renderFrame({ scene: scene('ids', objects, { lit: true }), frame: 0, tick: 0, passes: ['instance', 'semantic'] });
    const png = decode(f.instance!);
    expect([png.width, png.height, png.channels, png.depth]).toEqual([W, H, 3, 8]);
    const counts = new Map<number, number>();
    for (let i = 0; i < png.data.length; i += 3) {
      const id = png.data[i] + 256 * png.data[i + 1] + 65536 * png.data[i + 2];
      if (id !== 0) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual(ids);
    for (const id of ids) expect(counts.get(id)).toBe(byTrack(f.labels.objects, id).visiblePixels);
    const sem = decode(f.semantic!);
    const allowed = new Set([0, 'car', 'pedestrian', 'truck'].map((c) => (c === 0 ? 0 : SEMANTIC_CLASSES.indexOf(c as 'car') + 1)));
    expect(new Set(sem.data).size).toBe(4);
    for (const v of new Set(sem.data)) expect(allowed.has(v)).toBe(true);
  });

  it('writes a depth image that decodes to a plane distance within 1/256 m', async () => {
    const d = 7.3;
    const f = await host.renderFrame({ scene: scene('depth', [wall(d, d + 0.5, -30, 30, 30, -15)]), frame: 0, tick: 0, passes: ['depth'] });
    const png = decode(f.depth!);
    expect([png.width, png.height, png.channels, png.depth]).toEqual([W, H, 1, 16]);
    const values = new Set(png.data);
    expect(values.size).toBe(1);
    expect(Math.abs((png.data[0] as number) / 256 - d)).toBeLessThanOrEqual(1 / 256);
  });

  it('takes the PNGs POSTed by the page, byte for byte what base64 in the result gives', async () => {
    expect(host.imageTransfer).toBe('post');
    const other = createRenderHost({ pages: 1, imageTransfer: 'base64' });
    await other.open();
    try {
      expect(other.imageTransfer).toBe('base64');
      const req = { scene: scene('transfer', [tracked(3, carPose, carSize)], { lit: true }), frame: 0, tick: 0 };
      const [a, b] = [await host.renderFrame(req), await other.renderFrame(req)];
      for (const pass of ['rgb', 'instance', 'semantic', 'depth'] as const) {
        expect(a[pass]!.length).toBeGreaterThan(50);
        expect(Buffer.from(a[pass]!).equals(Buffer.from(b[pass]!))).toBe(true);
      }
      expect(a.labels).toEqual(b.labels);
    } finally {
      await other.close();
    }
  });

  it('rounds depth to the nearest 1/256 m and saturates beyond 65535/256 m', async () => {
    // A wall square to the optical axis fills the frame: every pixel has the same depth.
    const depthValues = async (key: string, d: number): Promise<number[]> => {
      const f = await host.renderFrame({ scene: scene(key, [wall(d, d + 0.5, -4 * d, 4 * d, 4 * d, -2 * d)]), frame: 0, tick: 0, passes: ['depth'] });
      return [...new Set(decode(f.depth!).data)];
    };
    expect(await depthValues('depth-round-down', 1000.25 / 256)).toEqual([1000]);
    expect(await depthValues('depth-round-up', 1000.75 / 256)).toEqual([1001]);
    expect(await depthValues('depth-far', 300)).toEqual([65535]);
  });

  it('writes depth 0 where nothing was drawn', async () => {
    const f = await host.renderFrame({ scene: scene('sky', [wall(10, 10.5, -3, 3, 12, -10)]), frame: 0, tick: 0, passes: ['depth'] });
    const png = decode(f.depth!);
    expect(png.data[0]).toBe(0); // top-left pixel looks at the sky
    expect(png.data[(H - 1) * W + W / 2]).toBeGreaterThan(0); // bottom centre sees the wall
  });

  it('returns an RGB PNG of the frame size, rows top-down', async () => {
    const f = await host.renderFrame({ scene: scene('rgb', [tracked(1, carPose, carSize)], { lit: true }), frame: 3, tick: 0, passes: ['rgb'] });
    const png = decode(f.rgb!);
    expect([png.width, png.height]).toEqual([W, H]);
    expect(f.labels.frame).toBe(3);
    // Rows top-down: the red car sits where its label says, the blue sky in the top-left corner.
    const [x1, y1, x2, y2] = byTrack(f.labels.objects, 1).box!;
    const at = (x: number, y: number): number[] => Array.from(png.data.subarray((y * W + x) * png.channels, (y * W + x) * png.channels + 3));
    const [r, g, b] = at(Math.floor((x1 + x2) / 2), Math.floor((y1 + y2) / 2));
    expect(r).toBeGreaterThan(Math.max(g, b));
    const [sr, , sb] = at(0, 0);
    expect(sb).toBeGreaterThan(sr);
  });

  it('gives the same RGB bytes for the same request with camera effects on', async () => {
    const fx = scene('fx', [tracked(1, carPose, carSize)], { lit: true, effects: { noise: 0.5, lensDrops: 0.5, glare: 0.5, motionBlur: 0.5 } });
    const a = await host.renderFrame({ scene: fx, frame: 0, tick: 4, passes: ['rgb'] });
    const b = await host.renderFrame({ scene: fx, frame: 0, tick: 4, passes: ['rgb'] });
    expect(Buffer.from(a.rgb!).equals(Buffer.from(b.rgb!))).toBe(true);
  });

  it('antialiases edges in the post pass (FXAA) and leaves flat areas as drawn', async () => {
    const objects = [tracked(1, carPose, carSize)];
    const sharp = decode((await host.renderFrame({ scene: scene('aa-off', objects, { antialias: 'none' }), frame: 0, tick: 0, passes: ['rgb'] })).rgb!);
    const smooth = decode((await host.renderFrame({ scene: scene('aa-on', objects), frame: 0, tick: 0, passes: ['rgb'] })).rgb!);
    const colour = (d: typeof sharp.data, i: number): number => (d[i * 3]! << 16) | (d[i * 3 + 1]! << 8) | d[i * 3 + 2]!;
    const distinct = (img: typeof sharp): number => new Set(Array.from({ length: W * H }, (_, i) => colour(img.data, i))).size;
    // Unlit boxes: a few flat colours without antialiasing, blends of them along the edges with it.
    expect(distinct(sharp)).toBeLessThanOrEqual(4);
    expect(distinct(smooth)).toBeGreaterThan(distinct(sharp));
    // Every pixel FXAA changed lies on an edge of the sharp image (a neighbour of another colour).
    let changed = 0;
    for (let y = 1; y < H - 1; y++) {
      for (let x = 1; x < W - 1; x++) {
        const i = y * W + x;
        if (colour(smooth.data, i) === colour(sharp.data, i)) continue;
        changed++;
        const c = colour(sharp.data, i);
        const onEdge = [i - 1, i + 1, i - W, i + W, i - W - 1, i - W + 1, i + W - 1, i + W + 1].some((j) => colour(sharp.data, j) !== c);
        expect(onEdge, `pixel ${x},${y} changed away from any edge`).toBe(true);
      }
    }
    expect(changed).toBeGreaterThan(20);
  });

  it('multisamples the scene with msaa: other edge pixels than FXAA, the same labels', async () => {
    const objects = [tracked(1, carPose, carSize)];
    const fxaa = await host.renderFrame({ scene: scene('aa-fxaa', objects), frame: 0, tick: 0 });
    const msaa = await host.renderFrame({ scene: scene('aa-msaa', objects, { antialias: 'msaa' }), frame: 0, tick: 0 });
    const sharp = decode((await host.renderFrame({ scene: scene('aa-none', objects, { antialias: 'none' }), frame: 0, tick: 0, passes: ['rgb'] })).rgb!);
    const a = decode(fxaa.rgb!);
    const b = decode(msaa.rgb!);
    let differ = 0;
    let blended = 0;
    for (let i = 0; i < W * H * 3; i += 3) {
      if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) differ++;
      if (b.data[i] !== sharp.data[i] || b.data[i + 1] !== sharp.data[i + 1] || b.data[i + 2] !== sharp.data[i + 2]) blended++;
    }
    expect(differ).toBeGreaterThan(20);
    expect(blended).toBeGreaterThan(20);
    // Labels come from the id buffers, which are never antialiased; only what is measured on the RGB frame may move.
    const geometric = ({ contrast: _c, lightness: _l, lowVisibility: _v, ...rest }: ObjectLabel) => rest;
    expect(msaa.labels.objects.map(geometric)).toEqual(fxaa.labels.objects.map(geometric));
    expect(Buffer.from(msaa.instance!).equals(Buffer.from(fxaa.instance!))).toBe(true);
  });

  it('draws each lens drop inside its circle and nowhere else', async () => {
    const objects = [tracked(1, carPose, carSize), wall(30, 31, -20, 20, 6)];
    const clean = decode((await host.renderFrame({ scene: scene('drops-off', objects), frame: 0, tick: 0, passes: ['rgb'] })).rgb!);
    const wet = decode((await host.renderFrame({ scene: scene('drops-on', objects, { effects: { lensDrops: 0.5 } }), frame: 0, tick: 0, passes: ['rgb'] })).rgb!);
    // Primitive scenes have seed 0: the post pass's seed uniform is 0.5.
    const drops = lensDrops(0.5, Math.fround(0.5));
    const n = 12;
    const changedIn = new Array<number>(n).fill(0);
    let changedOutside = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 3;
        if (clean.data[i] === wet.data[i] && clean.data[i + 1] === wet.data[i + 1] && clean.data[i + 2] === wet.data[i + 2]) continue;
        // Distance to each drop's centre in image heights (uv y points up).
        const u = (x + 0.5) / W,
          v = 1 - (y + 0.5) / H;
        const inside = Array.from({ length: n }, (_, k) => Math.hypot((u - drops[k * 3]!) * (W / H), v - drops[k * 3 + 1]!) < drops[k * 3 + 2]! + 1.5 / H);
        if (!inside.some(Boolean)) changedOutside++;
        for (const [k, hit] of inside.entries()) if (hit) changedIn[k]!++;
      }
    }
    expect(changedOutside).toBe(0);
    for (const [k, c] of changedIn.entries()) expect(c, `drop ${k}`).toBeGreaterThan(0);
  });

  it('changes the RGB frame when sensor noise is on', async () => {
    const objects = [tracked(1, carPose, carSize)];
    const clean = await host.renderFrame({ scene: scene('clean', objects, { lit: true }), frame: 0, tick: 0, passes: ['rgb'] });
    const noisy = await host.renderFrame({ scene: scene('noisy', objects, { lit: true, effects: { noise: 0.5 } }), frame: 0, tick: 0, passes: ['rgb'] });
    const p = decode(clean.rgb!),
      q = decode(noisy.rgb!);
    let differ = 0;
    for (let i = 0; i < p.data.length; i += p.channels) if (p.data[i] !== q.data[i]) differ++;
    expect(differ / (W * H)).toBeGreaterThan(0.5);
  });

  it('keeps low-visibility objects flagged, and drops them only when asked', async () => {
    // A box hidden behind a wall except for a sliver.
    const objects = [tracked(4, { x: 21, y: 0 }, { l: 2, w: 4, h: 3 }), wall(9.9, 10.1, -0.95, 4, 6), tracked(6, { x: 14, y: -6 }, carSize)];
    const kept = await host.renderFrame({ scene: scene('low', objects), frame: 0, tick: 0, passes: [] });
    expect(byTrack(kept.labels.objects, 4).lowVisibility).toBe(true);
    expect(byTrack(kept.labels.objects, 6).lowVisibility).toBe(false);
    const dropped = await host.renderFrame({ scene: scene('low', objects), frame: 0, tick: 0, passes: [], labels: { dropLowVisibility: true } });
    expect(dropped.labels.objects.map((o) => o.trackId)).toEqual([6]);
  });

  it('leaves objects outside the image out of the labels', async () => {
    const objects = [tracked(1, { x: -20, y: 0 }, carSize), tracked(2, { x: 5, y: 40 }, carSize), tracked(3, carPose, carSize)];
    const f = await host.renderFrame({ scene: scene('outside', objects), frame: 0, tick: 0, passes: [] });
    expect(f.labels.objects.map((o) => o.trackId)).toEqual([3]);
  });
});
