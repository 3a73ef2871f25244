/**
 * The written KITTI labels checked the way a user's tools read them, on rendered catalog
 * scenarios with pitched cameras: only kitti/ files and the written passes are read, and the
 * geometry is recomputed independently of the label code.
 *   - P2 (from calib) times each 3D box corner (devkit corner order and rotation) gives the
 *     written 2D box within 1 px for every object that is not truncated;
 *   - every pixel of an object, back-projected through the depth pass and the camera, lies in
 *     its written 3D box (within 5 cm) for at least 99 % of the pixels.
 * Skipped (with the reason printed) only when no browser is installed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../dataset/cli.js';
import { browserMissing } from './fixtures.js';

const missing = browserMissing();
if (missing) console.log(`KITTI geometry tests skipped: ${missing}`);

/** Catalog scenarios with pitched cameras (and an ego pitching as it brakes, 03) and articulated people: walkers, a cyclist, a door, a child, a wheelchair. */
const SCENARIOS = ['01-pedestrian-behind-van', '03-lead-vehicle-emergency-brake', '07-cyclist-door-swerve', '08-child-runs-after-ball', '14-wheelchair-crosswalk-rain-night'];
const work = mkdtempSync(join(tmpdir(), 'roadsynth-kitti-geometry-'));

interface Row {
  type: string;
  truncation: number;
  box: number[];
  h: number;
  w: number;
  l: number;
  x: number;
  y: number;
  z: number;
  ry: number;
}

function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const f = line.split(' ');
      const n = f.slice(1).map(Number);
      return { type: f[0], truncation: n[0], box: n.slice(3, 7), h: n[7], w: n[8], l: n[9], x: n[10], y: n[11], z: n[12], ry: n[13] };
    });
}

function readP2(path: string): number[] {
  const line = readFileSync(path, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('P2:'))!;
  return line.split(' ').slice(1).map(Number);
}

/** KITTI devkit (computeBox3D): corners of (l, h, w) rotated by ry about y, translated to (x, y, z). */
function corners(r: Row): [number, number, number][] {
  const c = Math.cos(r.ry),
    s = Math.sin(r.ry);
  const xs = [r.l / 2, r.l / 2, -r.l / 2, -r.l / 2, r.l / 2, r.l / 2, -r.l / 2, -r.l / 2];
  const ys = [0, 0, 0, 0, -r.h, -r.h, -r.h, -r.h];
  const zs = [r.w / 2, -r.w / 2, -r.w / 2, r.w / 2, r.w / 2, -r.w / 2, -r.w / 2, r.w / 2];
  return xs.map((x, i) => [c * x + s * zs[i] + r.x, ys[i] + r.y, -s * x + c * zs[i] + r.z]);
}

function project(P: number[], [x, y, z]: [number, number, number]): [number, number] {
  const w = P[8] * x + P[9] * y + P[10] * z + P[11];
  return [(P[0] * x + P[1] * y + P[2] * z + P[3]) / w, (P[4] * x + P[5] * y + P[6] * z + P[7]) / w];
}

/** Inverse of a 3x3 row-major matrix. */
function inverse3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h,
    B = -(d * i - f * g),
    C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d].map((v) => v / det);
}

const mul3 = (m: number[], [x, y, z]: number[]): [number, number, number] => [m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z];

/** Distance [m] from a rect-frame point to the written box (0 inside). */
function outside(r: Row, p: [number, number, number]): number {
  const dx = p[0] - r.x,
    dz = p[2] - r.z;
  const c = Math.cos(r.ry),
    s = Math.sin(r.ry);
  const lx = c * dx - s * dz,
    lz = s * dx + c * dz; // into the box frame (inverse of corners())
  const ex = Math.max(0, Math.abs(lx) - r.l / 2),
    ez = Math.max(0, Math.abs(lz) - r.w / 2);
  const ey = Math.max(0, p[1] - r.y, r.y - r.h - p[1]);
  return Math.hypot(ex, ey, ez);
}

describe.skipIf(missing !== null)('KITTI geometry of rendered catalog scenarios', () => {
  const dirs = SCENARIOS.map((s) => join(work, s));
  beforeAll(async () => {
    for (const [i, s] of SCENARIOS.entries()) {
      const r = await runCli([
        'run',
        `scenarios/${s}.yaml`,
        '--out',
        dirs[i],
        '--count',
        '2',
        '--frames',
        '2',
        '--resolution',
        '480x270',
        '--passes',
        'rgb,instance,depth',
        '--seed',
        '3',
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 600_000);

  /** Every labeled object of every frame, with what is needed to check it. */
  function* objects(): Generator<{
    where: string;
    row: Row;
    P: number[];
    ids: Uint32Array;
    depth: Uint16Array;
    trackId: number;
    W: number;
    H: number;
    K: number[];
    rectToCamera: number[];
  }> {
    for (const dir of dirs) {
      const mapping = readFileSync(join(dir, 'kitti', 'frame_ids.txt'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' '));
      for (const [index, id] of mapping) {
        const rows = readRows(join(dir, 'kitti', 'training', 'label_2', `${index}.txt`));
        const P = readP2(join(dir, 'kitti', 'training', 'calib', `${index}.txt`));
        const inst = decode(readFileSync(join(dir, 'instance', `${id}.png`)));
        const dep = decode(readFileSync(join(dir, 'depth', `${id}.png`)));
        const W = inst.width,
          H = inst.height;
        const ids = new Uint32Array(W * H);
        for (let k = 0; k < W * H; k++) ids[k] = inst.data[k * inst.channels] + 256 * inst.data[k * inst.channels + 1] + 65536 * inst.data[k * inst.channels + 2];
        const cam = JSON.parse(readFileSync(join(dir, 'cameras', `${id}.json`), 'utf8')) as { K: number[][]; rectToCamera: number[][] };
        const record = JSON.parse(readFileSync(join(dir, 'records', `${id}.json`), 'utf8')) as { kitti: { rows: { trackId: number }[] } };
        for (const [k, row] of rows.entries()) {
          if (row.type === 'DontCare') continue;
          yield {
            where: `${dir} ${index} (${id}) ${row.type}`,
            row,
            P,
            ids,
            depth: dep.data as Uint16Array,
            trackId: record.kitti.rows[k].trackId,
            W,
            H,
            K: cam.K.flat(),
            rectToCamera: cam.rectToCamera.flat(),
          };
        }
      }
    }
  }

  it('projects every written 3D box with the written P2 onto its written 2D box within 1 px (objects not truncated)', () => {
    let checked = 0,
      worst = 0,
      minPitch = Infinity,
      maxPitch = -Infinity;
    for (const o of objects()) {
      const pitchDeg = (Math.asin(o.rectToCamera[7]) * 180) / Math.PI; // camera forward's downward tilt
      minPitch = Math.min(minPitch, pitchDeg);
      maxPitch = Math.max(maxPitch, pitchDeg);
      if (o.row.truncation > 0) continue;
      const px = corners(o.row).map((c) => project(o.P, c));
      const box = [Math.min(...px.map((p) => p[0])), Math.min(...px.map((p) => p[1])), Math.max(...px.map((p) => p[0])), Math.max(...px.map((p) => p[1]))];
      const err = Math.max(...box.map((v, i) => Math.abs(v - o.row.box[i])));
      worst = Math.max(worst, err);
      expect(err, `${o.where} written ${o.row.box.join(' ')} projected ${box.map((v) => v.toFixed(3)).join(' ')} z ${o.row.z}`).toBeLessThanOrEqual(1);
      checked++;
    }
    console.log(`projection: ${checked} untruncated objects, worst edge error ${worst.toFixed(3)} px, camera pitch ${minPitch.toFixed(2)}..${maxPitch.toFixed(2)} deg`);
    expect(checked).toBeGreaterThan(10);
    expect(maxPitch - minPitch).toBeGreaterThan(1); // the check covered differently pitched cameras
  });

  it("contains at least 99 % of each object class's pixels, back-projected through the depth pass, within 5 cm", () => {
    const perType = new Map<string, { inside: number; total: number }>();
    for (const o of objects()) {
      const Kinv = inverse3(o.K);
      // R: rect -> camera, so rect = R^T camera.
      const R = o.rectToCamera;
      const Rt = [R[0], R[3], R[6], R[1], R[4], R[7], R[2], R[5], R[8]];
      const t = perType.get(o.row.type) ?? { inside: 0, total: 0 };
      for (let v = 0; v < o.H; v++) {
        for (let u = 0; u < o.W; u++) {
          const k = v * o.W + u;
          if (o.ids[k] !== o.trackId || o.depth[k] === 0) continue;
          const z = o.depth[k] / 256;
          const ray = mul3(Kinv, [u + 0.5, v + 0.5, 1]);
          const rect = mul3(Rt, [ray[0] * z, ray[1] * z, ray[2] * z]);
          t.total++;
          if (outside(o.row, rect) <= 0.05) t.inside++;
        }
      }
      perType.set(o.row.type, t);
    }
    const summary = [...perType].map(([type, t]) => `${type} ${((100 * t.inside) / t.total).toFixed(2)} % of ${t.total}`);
    console.log(`back-projected pixels inside their 3D box: ${summary.join(', ')}`);
    expect(perType.size).toBeGreaterThanOrEqual(2);
    for (const [type, t] of perType) expect(t.inside / t.total, type).toBeGreaterThanOrEqual(0.99);
  });
});
