/**
 * Render throughput: labeled frames per second (rgb, instance, semantic and depth passes
 * encoded as PNG, plus labels) against render-only frames per second (three.js render of the
 * RGB pass alone, no readback) of the same scene in the same browser, at 1280x720 and 640x480.
 */
import { createRenderHost } from '../../src/dataset/renderHost.js';
import type { PrimitiveObject, PrimitiveScene } from '../../src/render/request.js';

const FRAMES = 8;
const WARMUP = 2;

/** A street made of boxes: road, two rows of buildings, 12 cars and 6 pedestrians, sun and shadows. */
function street(widthPx: number, heightPx: number): PrimitiveScene {
  const objects: PrimitiveObject[] = [
    { semantic: 'road', x: 60, y: 0, z: -0.05, yawRad: 0, lengthM: 160, widthM: 14, heightM: 0.05, colour: '#3c3c3c' },
    { semantic: 'sidewalk', x: 60, y: 9, z: -0.05, yawRad: 0, lengthM: 160, widthM: 4, heightM: 0.15, colour: '#9a968c' },
    { semantic: 'sidewalk', x: 60, y: -9, z: -0.05, yawRad: 0, lengthM: 160, widthM: 4, heightM: 0.15, colour: '#9a968c' },
  ];
  for (let i = 0; i < 10; i++) {
    for (const side of [1, -1]) {
      objects.push({ semantic: 'building', x: 8 + i * 15, y: side * 16, z: 0, yawRad: 0, lengthM: 12, widthM: 8, heightM: 8 + ((i * 7) % 5) * 3, colour: '#a58f7a' });
    }
  }
  let id = 1;
  for (let i = 0; i < 12; i++) {
    objects.push({
      track: { trackId: id++, actorId: `car${i}`, cls: 'Car' }, semantic: 'car',
      x: 10 + i * 7, y: ((i % 3) - 1) * 3.5, z: 0, yawRad: (i % 2) * Math.PI + 0.05 * i,
      lengthM: 4.5, widthM: 1.85, heightM: 1.5, colour: ['#b02020', '#2050b0', '#d0d0d0'][i % 3],
    });
  }
  for (let i = 0; i < 6; i++) {
    objects.push({
      track: { trackId: id++, actorId: `ped${i}`, cls: 'Pedestrian' }, semantic: 'pedestrian',
      x: 12 + i * 9, y: (i % 2 ? 1 : -1) * 8.5, z: 0, yawRad: 1.57, lengthM: 0.5, widthM: 0.6, heightM: 1.75, colour: '#3a7a3a',
    });
  }
  return {
    kind: 'primitives', key: `street-${widthPx}x${heightPx}`, widthPx, heightPx, lit: true, objects,
    camera: { x: 0, y: -1.75, z: 1.6, yawRad: 0, pitchRad: 0.03, hfovDeg: 90, nearM: 0.1, farM: 400 },
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  log('scene: fixture street of boxes (src/scene/buildScene.ts not used: this bench measures the render path on a fixed scene)');
  const out: Record<string, number> = {};
  for (const pages of [1, 2]) {
    const host = createRenderHost({ pages });
    await host.open();
    log(`browser: ${host.browserInfo?.executablePath}, pages: ${pages}`);
    try {
      for (const [w, h] of pages === 1 ? [[1280, 720], [640, 480]] : [[1280, 720]]) {
        const scene = street(w, h);
        const tag = `${w}x${h}${pages > 1 ? `_pages${pages}` : ''}`;
        for (let i = 0; i < WARMUP; i++) await host.renderFrame({ scene, frame: i, tick: 0 });
        const stages = new Map<string, number[]>();
        const t0 = performance.now();
        // pages > 1: keep every page busy with its own frames.
        await Promise.all(
          Array.from({ length: pages }, async (_, p) => {
            for (let i = 0; i < FRAMES; i++) {
              const f = await host.renderFrame({ scene, frame: i, tick: 0 });
              if (p === 0) for (const [k, v] of Object.entries(f.timingsMs)) stages.set(k, [...(stages.get(k) ?? []), v]);
            }
          }),
        );
        const labeledFps = (FRAMES * pages * 1000) / (performance.now() - t0);
        out[`labeledFps_${tag}`] = +labeledFps.toFixed(2);
        log(`${tag}: labeled frames/s (all passes + labels): ${labeledFps.toFixed(2)}`);
        log(`  page stages, median ms: ${[...stages].map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(', ')}`);
        if (pages === 1) {
          await host.timeRenderOnly(scene, 0, WARMUP);
          const ms = await host.timeRenderOnly(scene, 0, FRAMES);
          const renderFps = 1000 / (ms.reduce((a, b) => a + b, 0) / ms.length);
          out[`renderOnlyFps_${tag}`] = +renderFps.toFixed(2);
          out[`labeledOverRenderOnly_${tag}`] = +(labeledFps / renderFps).toFixed(3);
          log(`${tag}: render-only frames/s (RGB pass, no readback): ${renderFps.toFixed(2)}; ratio labeled/render-only: ${(labeledFps / renderFps).toFixed(3)}`);
        }
      }
    } finally {
      await host.close();
    }
  }
  return out;
}
