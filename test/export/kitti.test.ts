import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KITTI_OPTIONS, KITTI_TYPES, kittiCalibFile, kittiDifficulty, kittiLabelFile, veloToCamera } from '../../src/export/kitti.js';
import { kittiExp } from '../../src/export/numberFormat.js';
import { H, W, camera, makeFrame, scenarioInstance, writeFixtureDataset } from './fixtures.js';

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'roadsynth-kitti-'));
  writeFixtureDataset(out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const LABEL_2 = (): string => join(out, 'kitti', 'training', 'label_2');

function labelLines(): string[][] {
  const lines: string[][] = [];
  for (const f of readdirSync(LABEL_2())) {
    for (const l of readFileSync(join(LABEL_2(), f), 'utf8').split('\n')) if (l) lines.push(l.split(' '));
  }
  return lines;
}

describe('KITTI labels', () => {
  it('writes 15 fields per line, each in its KITTI range', () => {
    const lines = labelLines().filter((f) => f[0] !== 'DontCare');
    expect(lines.length).toBeGreaterThan(0);
    for (const f of lines) {
      expect(f).toHaveLength(15);
      expect(KITTI_TYPES).toContain(f[0]);
      const [trunc, occ, alpha, x1, y1, x2, y2, h, w, l, , , z, ry] = f.slice(1).map(Number);
      expect(f.slice(1).every((v) => Number.isFinite(Number(v)))).toBe(true);
      expect(trunc).toBeGreaterThanOrEqual(0);
      expect(trunc).toBeLessThanOrEqual(1);
      expect([0, 1, 2, 3]).toContain(occ);
      expect(f[2]).toMatch(/^\d$/);
      for (const a of [alpha, ry]) {
        expect(Math.abs(a)).toBeLessThanOrEqual(Math.PI);
      }
      expect(0 <= x1 && x1 <= x2 && x2 <= W - 1).toBe(true);
      expect(0 <= y1 && y1 <= y2 && y2 <= H - 1).toBe(true);
      expect(h > 0 && w > 0 && l > 0).toBe(true);
      expect(z).toBeGreaterThan(0);
      // Truncation and the 2D box with KITTI's 2 decimals; the 3D box in mm and 1e-4 rad.
      for (const i of [1, 4, 5, 6, 7]) expect(f[i]).toMatch(/^-?\d+\.\d\d$/);
      for (const i of [8, 9, 10, 11, 12, 13]) expect(f[i]).toMatch(/^-?\d+\.\d{3}$/);
      for (const i of [3, 14]) expect(f[i]).toMatch(/^-?\d+\.\d{4}$/);
    }
  });

  it('writes low-visibility objects as KITTI DontCare regions', () => {
    const dontCare = labelLines().filter((f) => f[0] === 'DontCare');
    expect(dontCare).toHaveLength(6); // the tiny animal, once per frame
    for (const f of dontCare) {
      expect(f).toHaveLength(15);
      expect([f[1], f[2], f[3]]).toEqual(['-1', '-1', '-10']);
      expect(f.slice(8)).toEqual(['-1', '-1', '-1', '-1000', '-1000', '-1000', '-10']);
    }
  });

  it('maps classes to KITTI types: wheelchair user -> Person_sitting, object -> Misc', () => {
    const frame = makeFrame();
    const text = kittiLabelFile(frame.labels.objects, camera, scenarioInstance().actors, { ...DEFAULT_KITTI_OPTIONS, lowVisibility: 'keep' });
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0]),
    ).toEqual(['Car', 'Person_sitting', 'Misc', 'Misc']);
  });

  it('skips objects without visible pixels', () => {
    const text = readFileSync(join(LABEL_2(), '000000.txt'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(4); // 5 labeled, 1 fully hidden
  });

  it('uses the amodal box by default and the visible box on request', () => {
    const frame = makeFrame();
    const actors = scenarioInstance().actors;
    const carLine = (box2d: 'amodal' | 'visible'): string[] => kittiLabelFile(frame.labels.objects, camera, actors, { box2d, lowVisibility: 'dontcare' }).split('\n')[0].split(' ');
    expect(carLine('amodal').slice(4, 8)).toEqual(['8.50', '18.25', '31.75', '36.00']);
    expect(carLine('visible').slice(4, 8)).toEqual(['10.00', '20.00', '30.00', '35.00']);
  });

  it('grades difficulty with the KITTI devkit thresholds', () => {
    expect(kittiDifficulty([0, 0, 10, 40], 0, 0.15)).toBe('easy');
    expect(kittiDifficulty([0, 0, 10, 39], 0, 0)).toBe('moderate');
    expect(kittiDifficulty([0, 0, 10, 25], 2, 0.5)).toBe('hard');
    expect(kittiDifficulty([0, 0, 10, 24], 0, 0)).toBe('ignored');
    expect(kittiDifficulty([0, 0, 10, 100], 3, 0)).toBe('ignored');
  });
});

describe('KITTI layout', () => {
  const kitti = (...p: string[]): string => join(out, 'kitti', ...p);
  const read = (...p: string[]): string[] =>
    readFileSync(kitti(...p), 'utf8')
      .split('\n')
      .filter(Boolean);

  it('names image_2, label_2 and calib files with consecutive 6-digit numbers, as the devkit reads them', () => {
    const names = (d: string, ext: string): string[] =>
      readdirSync(kitti('training', d))
        .sort()
        .filter((n) => n.endsWith(ext));
    const expected = Array.from({ length: 6 }, (_, i) => `${String(i).padStart(6, '0')}`);
    expect(names('image_2', '.png')).toEqual(expected.map((n) => n + '.png'));
    expect(names('label_2', '.txt')).toEqual(expected.map((n) => n + '.txt'));
    expect(names('calib', '.txt')).toEqual(expected.map((n) => n + '.txt'));
    expect(read('ImageSets', 'trainval.txt')).toEqual(expected);
    expect([...read('ImageSets', 'train.txt'), ...read('ImageSets', 'val.txt')].sort()).toEqual(expected);
  });

  it('maps each KITTI index to its roadsynth frame and links the same image', () => {
    const mapping = read('frame_ids.txt').map((l) => l.split(' '));
    expect(mapping.map((m) => m[0])).toEqual(read('ImageSets', 'trainval.txt'));
    for (const [index, id] of mapping) {
      expect(readFileSync(kitti('training', 'image_2', `${index}.png`)).equals(readFileSync(join(out, 'images', `${id}.png`)))).toBe(true);
    }
  });

  it('writes one tracking sequence per instance: 17 fields per line, frames from 0, stable track ids, DontCare as -1', () => {
    const seqmap = read('tracking', 'evaluate_tracking.seqmap').map((l) => l.split(' '));
    const sequences = read('tracking', 'sequence_ids.txt').map((l) => l.split(' '));
    expect(seqmap.map((l) => l[0])).toEqual(sequences.map((l) => l[0]));
    let frames = 0;
    for (const [seq, empty, first, last] of seqmap) {
      expect([empty, first]).toEqual(['empty', '000000']);
      const n = Number(last);
      frames += n;
      expect(readdirSync(kitti('tracking', 'training', 'image_02', seq)).sort()).toEqual(Array.from({ length: n }, (_, i) => `${String(i).padStart(6, '0')}.png`));
      for (const line of read('tracking', 'training', 'label_02', `${seq}.txt`)) {
        const f = line.split(' ');
        expect(f).toHaveLength(17);
        expect(Number(f[0])).toBeLessThan(n);
        if (f[2] === 'DontCare') expect([f[1], f[3]]).toEqual(['-1', '-1']);
        else {
          expect(Number(f[1])).toBeGreaterThan(0);
          expect(['0', '1', '2']).toContain(f[3]); // tracking truncation is a level
        }
      }
      const calib = read('tracking', 'training', 'calib', `${seq}.txt`).map((l) => l.split(' ')[0]);
      expect(calib).toEqual(['P0:', 'P1:', 'P2:', 'P3:', 'R_rect', 'Tr_velo_cam', 'Tr_imu_velo']);
    }
    expect(frames).toBe(6);
  });
});

describe('KITTI calib', () => {
  it('has the seven KITTI lines, 12 numbers per P and Tr line and 9 in R0_rect', () => {
    const text = readFileSync(join(out, 'kitti', 'training', 'calib', '000005.txt'), 'utf8');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => l.split(' '));
    expect(lines.map((l) => l[0])).toEqual(['P0:', 'P1:', 'P2:', 'P3:', 'R0_rect:', 'Tr_velo_to_cam:', 'Tr_imu_to_velo:']);
    for (const l of lines) {
      expect(l.length - 1).toBe(l[0] === 'R0_rect:' ? 9 : 12);
      for (const v of l.slice(1)) expect(v).toMatch(/^-?\d\.\d{12}e[+-]\d\d$/);
    }
    expect(lines[2].slice(1).map(Number)).toEqual(camera.P);
  });

  it('spells numbers like KITTI', () => {
    expect(kittiExp(721.5377)).toBe('7.215377000000e+02');
    expect(kittiExp(-0)).toBe('0.000000000000e+00');
    expect(kittiExp(1e-17)).toBe('0.000000000000e+00');
    expect(kittiExp(-0.0054)).toBe('-5.400000000000e-03');
  });

  it('Tr_velo_to_cam of a level camera is the axis swap cam = (-y, -z, x)', () => {
    expect(veloToCamera(camera.worldToCamera).map((v) => v + 0)).toEqual([0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0]);
  });

  it('Tr_velo_to_cam of a pitched, yawed camera keeps velo z on world up and velo x level', () => {
    // Camera yawed 90 deg left (looking along world +y), pitched 10 deg down.
    const p = (10 * Math.PI) / 180;
    const level = [
      [1, 0, 0], // cam x (right) = world x when looking along world +y
      [0, 0, -1],
      [0, 1, 0],
    ];
    // Pitch down: rotate about cam x by +p (y down, z forward: forward tilts toward +y).
    const rx = [
      [1, 0, 0],
      [0, Math.cos(p), Math.sin(p)],
      [0, -Math.sin(p), Math.cos(p)],
    ];
    const R = rx.map((row) => [0, 1, 2].map((j) => row[0] * level[0][j] + row[1] * level[1][j] + row[2] * level[2][j]));
    const m4 = [...R[0], 0, ...R[1], 0, ...R[2], 0, 0, 0, 0, 1];
    const tr = veloToCamera(m4);
    const col = (j: number): number[] => [tr[j], tr[4 + j], tr[8 + j]];
    const worldUpInCam = [R[0][2], R[1][2], R[2][2]];
    col(2).forEach((v, i) => {
      expect(v).toBeCloseTo(worldUpInCam[i], 12);
    });
    // velo x (forward, level) = world +y here
    const worldYInCam = [R[0][1], R[1][1], R[2][1]];
    col(0).forEach((v, i) => {
      expect(v).toBeCloseTo(worldYInCam[i], 12);
    });
    // velo y = left of forward = world -x
    col(1).forEach((v, i) => {
      expect(v).toBeCloseTo(-R[i][0], 12);
    });
  });

  it('every P is P2: one camera, no stereo baseline', () => {
    const lines = kittiCalibFile(camera)
      .split('\n')
      .slice(0, 4)
      .map((l) => l.split(' ').slice(1).map(Number));
    for (const p of lines) expect(p).toEqual([50, 0, 32, 0, 0, 50, 24, 0, 0, 0, 1, 0]);
  });

  it('Tr_velo_to_cam maps into the rect frame, so it is the level axis swap whatever the camera pitch', () => {
    const pitched = { ...camera, worldToCamera: [0, -1, 0, 0, 0.1, 0, -0.995, 1.5, 0.995, 0, 0.1, 0, 0, 0, 0, 1] };
    const tr = kittiCalibFile(pitched).split('\n')[5].split(' ').slice(1).map(Number);
    expect(tr.map((v) => v + 0)).toEqual([0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0]);
  });
});
