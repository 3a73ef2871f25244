import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_CLASSES } from '../../src/render/types.js';
import { writeFixtureDataset } from './fixtures.js';

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'roadsynth-yolo-'));
  writeFixtureDataset(out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('YOLO layout', () => {
  it('writes class cx cy w h with a class index in range and values in [0, 1] with 6 decimals', () => {
    const files = readdirSync(join(out, 'labels'));
    expect(files).toHaveLength(6);
    for (const f of files) {
      const lines = readFileSync(join(out, 'labels', f), 'utf8')
        .split('\n')
        .filter(Boolean);
      expect(lines).toHaveLength(4);
      for (const l of lines) {
        const [cls, ...v] = l.split(' ');
        expect(Number.isInteger(Number(cls))).toBe(true);
        expect(Number(cls)).toBeGreaterThanOrEqual(0);
        expect(Number(cls)).toBeLessThan(LABEL_CLASSES.length);
        expect(v).toHaveLength(4);
        for (const x of v) {
          expect(x).toMatch(/^\d\.\d{6}$/);
          expect(Number(x)).toBeGreaterThanOrEqual(0);
          expect(Number(x)).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('normalises the tight box by the image size', () => {
    const first = readFileSync(join(out, 'labels', '000000_0000.txt'), 'utf8').split('\n')[0];
    // Car: x 10..30 of 64, y 20..35 of 48
    expect(first).toBe('0 0.312500 0.572917 0.312500 0.312500');
  });

  it('lists every image of images/ in train.txt, each with its label file where Ultralytics looks (/images/ -> /labels/)', () => {
    const list = readFileSync(join(out, 'train.txt'), 'utf8').split('\n').filter(Boolean);
    expect(list).toHaveLength(6);
    for (const l of list) {
      expect(l).toMatch(/^\.\/images\/\d{6}_\d{4}\.png$/);
      expect(statSync(join(out, l)).size).toBeGreaterThan(0);
      expect(statSync(join(out, l.replace('/images/', '/labels/').replace(/\.png$/, '.txt'))).isFile()).toBe(true);
    }
  });

  it('data.yaml names every class in index order', () => {
    const data = parse(readFileSync(join(out, 'data.yaml'), 'utf8')) as { path: string; train: string; val: string; nc: number; names: Record<number, string> };
    expect(data.path).toBe(out);
    expect(data.train).toBe('train.txt');
    expect(data.nc).toBe(LABEL_CLASSES.length);
    expect(LABEL_CLASSES.map((_, i) => data.names[i])).toEqual([...LABEL_CLASSES]);
  });
});
