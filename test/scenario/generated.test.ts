/**
 * The files generated from the grammar (src/scenario/schema.ts, by `npm run schema`) are fresh,
 * and what docs/grammar.md and the default tables say by hand agrees with the schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../src/scenario/codegen/generatedFiles.js';
import { AID_FOOTPRINT_M, ANIMAL_LOOKS, OBJECT_LOOKS, PERSON_HEIGHT_M, SETTING_DEFAULTS, VEHICLE_LOOKS } from '../../src/scenario/defaults.js';
import { AGE_GROUPS, ANIMAL_SPECIES, MOBILITY_AIDS, OBJECT_SHAPES, ROAD_SETTINGS, SAMPLING_DESIGNS, scenarioSchema, VEHICLE_KINDS } from '../../src/scenario/schema.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Every `enum` list of the schema. */
function enums(node: unknown, out: string[][] = []): string[][] {
  if (node === null || typeof node !== 'object') return out;
  if (!Array.isArray(node) && Array.isArray((node as { enum?: unknown }).enum)) out.push((node as { enum: string[] }).enum);
  for (const v of Object.values(node)) enums(v, out);
  return out;
}

describe('files generated from the grammar', () => {
  it.each(generatedFiles(read).map((f) => [f.path, f.text]))('%s is fresh (if not, run npm run schema)', (path, text) => {
    expect(read(path), `${path} is stale: run npm run schema`).toBe(text);
  });
});

describe('docs/grammar.md', () => {
  it('lists in its example comments ("a | b | c") only whole value lists of the grammar', () => {
    const known = new Set([...enums(scenarioSchema), SAMPLING_DESIGNS].map((values) => values.join(' | ')));
    const doc = read('docs/grammar.md');
    const lists = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap((m) => [...m[1].matchAll(/#[^\n]*?([\w-]+(?: \| [\w-]+)+)/g)].map((c) => c[1]));
    expect(lists.length).toBeGreaterThan(10);
    expect(lists.filter((l) => !known.has(l))).toEqual([]);
  });
});

describe('the default tables (src/scenario/defaultTables.json)', () => {
  it('have a row for each value of their list and no other', () => {
    const keys = (o: object): string[] => Object.keys(o).sort();
    expect(keys(SETTING_DEFAULTS)).toEqual([...ROAD_SETTINGS].sort());
    expect(keys(VEHICLE_LOOKS)).toEqual([...VEHICLE_KINDS, 'bicycle'].sort());
    expect(keys(ANIMAL_LOOKS)).toEqual([...ANIMAL_SPECIES].sort());
    expect(keys(OBJECT_LOOKS)).toEqual([...OBJECT_SHAPES].sort());
    expect(keys(PERSON_HEIGHT_M)).toEqual([...AGE_GROUPS].sort());
    expect(keys(AID_FOOTPRINT_M)).toEqual([...MOBILITY_AIDS].sort());
  });
});
