import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_CLASSES } from '../../src/render/types.js';
import { cocoFrame } from '../../src/export/coco.js';
import type { CocoAnnotationDraft, CocoCategory, CocoImage } from '../../src/export/coco.js';
import { decodeRle } from '../../src/export/rle.js';
import { datasetOptions, frameContext, instanceIds, makeFrame, writeFixtureDataset } from './fixtures.js';

interface CocoFile {
  info: { synthetic: boolean; scenario_hash: string };
  images: CocoImage[];
  annotations: (CocoAnnotationDraft & { id: number })[];
  categories: CocoCategory[];
}

let out: string;
let coco: CocoFile;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'roadsynth-coco-'));
  writeFixtureDataset(out);
  coco = JSON.parse(readFileSync(join(out, 'coco.json'), 'utf8')) as CocoFile;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('COCO file', () => {
  it('has one image per frame and unique image, annotation and category ids', () => {
    expect(coco.images).toHaveLength(6);
    const unique = (ids: number[]): boolean => new Set(ids).size === ids.length;
    expect(unique(coco.images.map((i) => i.id))).toBe(true);
    expect(unique(coco.annotations.map((a) => a.id))).toBe(true);
    expect(unique(coco.categories.map((c) => c.id))).toBe(true);
    expect(coco.annotations.map((a) => a.id)).toEqual(coco.annotations.map((_, i) => i + 1));
  });

  it('every annotation references an existing image and category', () => {
    const images = new Set(coco.images.map((i) => i.id));
    const cats = new Set(coco.categories.map((c) => c.id));
    expect(coco.annotations.length).toBe(6 * 4);
    for (const a of coco.annotations) {
      expect(images.has(a.image_id)).toBe(true);
      expect(cats.has(a.category_id)).toBe(true);
      expect(a.iscrowd).toBe(0);
    }
  });

  it('lists every label class as a 1-based category', () => {
    expect(coco.categories.map((c) => [c.id, c.name])).toEqual(LABEL_CLASSES.map((n, i) => [i + 1, n]));
  });

  it('RLE masks decode to the painted masks and their areas equal the pixel counts', () => {
    for (const img of coco.images) {
      const ids = instanceIds(img.frame_index);
      for (const a of coco.annotations.filter((x) => x.image_id === img.id)) {
        expect(a.segmentation).toBeDefined();
        const decoded = decodeRle(a.segmentation!);
        const expected = Uint8Array.from(ids, (v) => (v === a.attributes.track_id ? 1 : 0));
        expect(decoded).toEqual(expected);
        expect(a.area).toBe(expected.reduce((s, v) => s + v, 0));
        expect(a.segmentation!.size).toEqual([img.height, img.width]);
      }
    }
  });

  it('bbox is the tight visible box as [x, y, w, h]', () => {
    const car = coco.annotations.find((a) => a.image_id === coco.images[0].id && a.attributes.actor_id === 'car1');
    expect(car?.bbox).toEqual([10, 20, 20, 15]);
    expect(car?.attributes.amodal_bbox).toEqual([8.5, 18.25, 23.25, 17.75]);
  });

  it('carries per-annotation attributes and per-image provenance', () => {
    const a = coco.annotations[0];
    expect(Object.keys(a.attributes)).toEqual([
      'track_id',
      'actor_id',
      'occlusion',
      'occluded_level',
      'truncation',
      'amodal_bbox',
      'bbox3d',
      'distance_m',
      'contrast',
      'lightness',
      'low_visibility',
      'focus',
    ]);
    expect(Object.keys(a.attributes.bbox3d)).toEqual(['h', 'w', 'l', 'x', 'y', 'z', 'rotation_y', 'alpha']);
    const img = coco.images[4];
    expect(img.file_name).toBe('images/000001_0001.png');
    expect(img.scenario_hash).toBe('abc123');
    expect(img.instance_hash).toBe('inst0001');
    expect(img.sample_index).toBe(1);
    expect(img.weather.rain).toBe(0.4);
    expect(img.light.sunElevationDeg).toBe(30);
    expect(coco.info.synthetic).toBe(true);
  });

  it('fails loudly when a visible object has no pixels in the instance pass', () => {
    const frame = makeFrame();
    frame.labels.objects[0] = { ...frame.labels.objects[0], trackId: 77 };
    const opts = datasetOptions();
    expect(() => cocoFrame(frameContext(0, 0), frame, opts.scenario, 'x.png', '000000_0000')).toThrow(/trackId 77/);
  });

  it('without an instance pass, area is the visible pixel count and no segmentation is written', () => {
    const frame = makeFrame();
    delete frame.instance;
    const f = cocoFrame(frameContext(0, 0), frame, datasetOptions().scenario, 'x.png', '000000_0000');
    expect(f.annotations.map((a) => a.segmentation)).toEqual([undefined, undefined, undefined, undefined]);
    expect(f.annotations.map((a) => a.area)).toEqual(
      frame.labels.objects
        .filter((o) => o.box)
        .sort((a, b) => a.trackId - b.trackId)
        .map((o) => o.visiblePixels),
    );
  });
});
