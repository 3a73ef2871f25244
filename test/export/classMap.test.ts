import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ClassMap, ClassMapError, readClassMapFile } from '../../src/export/classMap.js';
import { LABEL_CLASSES } from '../../src/render/types.js';
import { DatasetWriter } from '../../src/export/datasetWriter.js';
import { datasetOptions, writeFixtureDataset } from './fixtures.js';

interface Coco {
  categories: { id: number; name: string; supercategory: string }[];
  annotations: { category_id: number; attributes: { actor_id: string } }[];
}

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'roadsynth-classmap-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const coco = (): Coco => JSON.parse(readFileSync(join(out, 'coco.json'), 'utf8')) as Coco;
const categoryOf = (c: Coco, actor: string): string => {
  const a = c.annotations.find((x) => x.attributes.actor_id === actor)!;
  return c.categories.find((k) => k.id === a.category_id)!.name;
};
const kittiTypes = (): string[] =>
  readdirSync(join(out, 'kitti', 'training', 'label_2')).flatMap((f) =>
    readFileSync(join(out, 'kitti', 'training', 'label_2', f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ')[0]),
  );
const yoloNames = (): Record<number, string> => (parse(readFileSync(join(out, 'data.yaml'), 'utf8')) as { names: Record<number, string> }).names;
const yoloClasses = (): number[] =>
  readdirSync(join(out, 'labels')).flatMap((f) =>
    readFileSync(join(out, 'labels', f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.split(' ')[0])),
  );

describe('class map', () => {
  it('without a map, writes roadsynth classes in COCO and YOLO and KITTI types in KITTI, as before maps existed', () => {
    const map = new ClassMap();
    expect(map.names).toEqual([...LABEL_CLASSES]);
    writeFixtureDataset(out);
    expect(coco().categories.map((c) => c.name)).toEqual([...LABEL_CLASSES]);
    expect(Object.values(yoloNames())).toEqual([...LABEL_CLASSES]);
    expect(new Set(kittiTypes())).toEqual(new Set(['Car', 'Person_sitting', 'Misc', 'DontCare']));
  });

  it('merges a class into another in every format (Object -> Car)', () => {
    writeFixtureDataset(out, { classMap: { Object: 'Car' } });
    const c = coco();
    expect(c.categories.map((k) => k.name)).not.toContain('Object');
    expect(categoryOf(c, 'box1')).toBe('Car');
    expect(categoryOf(c, 'car1')).toBe('Car');
    expect(kittiTypes()).not.toContain('Misc');
    const names = yoloNames();
    expect(Object.values(names)).not.toContain('Object');
    expect(new Set(yoloClasses().map((i) => names[i]))).toEqual(new Set(['Car', 'Pedestrian', 'Animal']));
  });

  it('renames to a new name at the position of its first source class (Car, Van -> Vehicle)', () => {
    writeFixtureDataset(out, { classMap: { Car: 'Vehicle', Van: 'Vehicle' } });
    const c = coco();
    expect(c.categories[0]).toEqual({ id: 1, name: 'Vehicle', supercategory: 'vehicle' });
    expect(c.categories.map((k) => k.name)).toEqual(['Vehicle', 'Truck', 'Bus', 'Motorcycle', 'Cyclist', 'Pedestrian', 'Animal', 'Object']);
    expect(categoryOf(c, 'car1')).toBe('Vehicle');
    expect(kittiTypes()).toContain('Vehicle');
    expect(yoloNames()[0]).toBe('Vehicle');
  });

  it('drops a class from every format (Object -> null)', () => {
    writeFixtureDataset(out, { classMap: { Object: null } });
    const c = coco();
    expect(c.categories.map((k) => k.name)).not.toContain('Object');
    expect(c.annotations.some((a) => a.attributes.actor_id === 'box1')).toBe(false);
    expect(kittiTypes()).not.toContain('Misc');
    const manifest = readFileSync(join(out, 'manifest.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { counts: Record<string, number> });
    expect(manifest.every((m) => m.counts.Object === 0)).toBe(true);
  });

  it('maps buses to KITTI Truck and motorcycles to Cyclist by default, and to what the map says', () => {
    expect(new ClassMap().rows().find((r) => r[0] === 'Bus')).toEqual(['Bus', 'Bus', 'Truck']);
    expect(new ClassMap().rows().find((r) => r[0] === 'Motorcycle')).toEqual(['Motorcycle', 'Motorcycle', 'Cyclist']);
    expect(new ClassMap({ Bus: 'Bus' }).rows().find((r) => r[0] === 'Bus')).toEqual(['Bus', 'Bus', 'Bus']);
    expect(new ClassMap({ Animal: null }).rows().find((r) => r[0] === 'Animal')).toEqual(['Animal', 'dropped', 'dropped']);
  });

  it('says in the dataset card which map was used and what each class became', () => {
    writeFixtureDataset(out, { classMap: { Object: 'Debris' }, classMapSource: 'maps/team.yaml' });
    const card = readFileSync(join(out, 'README.md'), 'utf8');
    expect(card).toContain('Class map: maps/team.yaml');
    expect(card).toContain('| Object | Debris | Debris |');
  });

  it('refuses to resume a folder written with another map', () => {
    writeFixtureDataset(out, { classMap: { Object: 'Debris' } });
    expect(() => DatasetWriter.open(out, datasetOptions({ classMap: { Object: null } }))).toThrow(/classMap/);
  });

  it('reads YAML files and names the file, line and column of every bad entry, with a suggestion', () => {
    const file = join(out, 'map.yaml');
    writeFileSync(file, 'Bus: Truck\nPedestrain: Person\nAnimal: "big animal"\n');
    let message = '';
    try {
      readClassMapFile(file);
    } catch (err) {
      expect(err).toBeInstanceOf(ClassMapError);
      message = (err as Error).message;
    }
    expect(message).toContain(`${file}:2:1 Pedestrain: "Pedestrain" is not a roadsynth class (did you mean Pedestrian?)`);
    expect(message).toContain(`${file}:3:1 Animal: Animal maps to "big animal"`);
    writeFileSync(file, '{"Bus": "Truck", "Animal": null}');
    expect(readClassMapFile(file)).toEqual({ Bus: 'Truck', Animal: null });
  });
});
