/**
 * Export throughput: writes frames of a 1280x720 instance mask with 12 objects (all formats,
 * all passes, every file fsynced) and assembles the run-wide files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { DatasetWriter } from '../../src/export/datasetWriter.js';
import { rgbFromTrackId } from '../../src/export/instanceMask.js';
import type { ObjectLabel, RenderedFrame } from '../../src/render/types.js';
import { camera, datasetOptions, frameContext } from '../export/fixtures.js';

const W = 1280;
const H = 720;
const FRAMES = 40;
const WARMUP = 5;

function bigFrame(): RenderedFrame {
  const ids = new Uint32Array(W * H);
  const objects: ObjectLabel[] = [];
  for (let k = 1; k <= 12; k++) {
    const x1 = 40 + k * 90,
      y1 = 300 + (k % 3) * 40,
      x2 = x1 + 60 + k * 4,
      y2 = y1 + 80 + k * 3;
    for (let y = y1; y < y2; y++) for (let x = x1; x < x2; x++) if ((x - x1) * (y2 - y) > 200) ids[y * W + x] = k;
    objects.push({
      actorId: `a${k}`,
      trackId: k,
      cls: k % 2 ? 'Car' : 'Pedestrian',
      box: null,
      amodalBox: [x1, y1, x2, y2],
      box3d: { h: 1.5, w: 1.8, l: 4, x: k - 6, y: 1.5, z: 10 + k, rotationY: 0.1 * k, alpha: -0.1 * k },
      visiblePixels: 0,
      unoccludedPixels: (x2 - x1) * (y2 - y1),
      occlusion: 0,
      truncation: 0,
      occludedLevel: 0,
      distanceM: 10 + k,
      contrast: 0.5,
      lightness: 40,
      lowVisibility: false,
    });
  }
  for (const o of objects) {
    let x1 = W,
      y1 = H,
      x2 = 0,
      y2 = 0,
      n = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++)
        if (ids[y * W + x] === o.trackId) {
          n++;
          x1 = Math.min(x1, x);
          y1 = Math.min(y1, y);
          x2 = Math.max(x2, x + 1);
          y2 = Math.max(y2, y + 1);
        }
    o.box = [x1, y1, x2, y2];
    o.visiblePixels = n;
  }
  const rgb = new Uint8Array(W * H * 3);
  for (let i = 0; i < ids.length; i++) rgb.set(rgbFromTrackId(ids[i]), i * 3);
  const instance = encode({ width: W, height: H, data: rgb, channels: 3, depth: 8 });
  const K = [900, 0, W / 2, 0, 900, H / 2, 0, 0, 1];
  return {
    labels: { frame: 0, tick: 0, timeS: 0, camera: { ...camera, widthPx: W, heightPx: H, K, P: [...K.slice(0, 3), 0, ...K.slice(3, 6), 0, ...K.slice(6), 0] }, objects },
    rgb: instance,
    instance,
    semantic: encode({ width: W, height: H, data: new Uint8Array(W * H), channels: 1, depth: 8 }),
    depth: encode({ width: W, height: H, data: new Uint16Array(W * H), channels: 1, depth: 16 }),
  };
}

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const frame = bigFrame();
  const out = mkdtempSync(join(tmpdir(), 'roadsynth-bench-export-'));
  try {
    const w = DatasetWriter.open(out, datasetOptions());
    // Warm-up frames (JIT of the PNG decoder and label writers) are written but not timed.
    for (let i = 0; i < WARMUP; i++) w.writeFrame(frameContext(1000 + i, 0), frame);
    const t0 = performance.now();
    for (let i = 0; i < FRAMES; i++) w.writeFrame(frameContext(Math.floor(i / 4), i % 4), frame);
    const t1 = performance.now();
    w.finish();
    const t2 = performance.now();
    const frameMs = (t1 - t0) / FRAMES;
    log(`writeFrame ${W}x${H}, 12 objects, kitti+coco+yolo, 4 passes: ${frameMs.toFixed(1)} ms/frame`);
    log(`finish() for ${FRAMES + WARMUP} frames: ${(t2 - t1).toFixed(1)} ms`);
    return { writeFrameMs: frameMs, finishMsPer100Frames: ((t2 - t1) / (FRAMES + WARMUP)) * 100 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
