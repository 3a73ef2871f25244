import { describe, expect, it } from 'vitest';
import { keyOptions, valueOptions } from '../../src/renderer/editor/schemaCompletion.js';
import { ITEM } from '../../src/renderer/editor/yamlPath.js';

const labels = (cs: { label: string }[]): string[] => cs.map((c) => c.label);

describe('schema-driven completion', () => {
  it('offers the top-level sections at the root', () => {
    expect(labels(keyOptions([]))).toEqual(expect.arrayContaining(['version', 'name', 'road', 'weather', 'ego', 'actors']));
  });

  it('offers the keys of a nested object with their descriptions', () => {
    const opts = keyOptions(['weather']);
    expect(labels(opts)).toEqual(['rain', 'snow', 'fogVisibilityM', 'cloudCover', 'wetness', 'puddles', 'snowCover']);
    expect(opts.find((o) => o.label === 'fogVisibilityM')?.info).toBe('Meteorological visibility [m].');
  });

  it('offers the keys of every behaviour variant inside a behaviour list item', () => {
    expect(labels(keyOptions(['actors', ITEM, 'behaviours', ITEM]))).toEqual(expect.arrayContaining(['do', 'trigger', 'decelMps2', 'gait']));
  });

  it('offers enum values for a key', () => {
    expect(labels(valueOptions(['actors', ITEM], 'kind'))).toEqual(['car', 'van', 'truck', 'bus', 'motorcycle', 'bicycle', 'pedestrian', 'animal', 'object']);
  });

  it('offers the discriminator constants of tagged variants', () => {
    expect(labels(valueOptions(['road', 'blocks', ITEM], 'kind'))).toEqual(['straight', 'curve', 'shift', 'junction', 'roundabout', 'tunnel']);
  });

  it('offers true and false for booleans', () => {
    expect(labels(valueOptions(['light'], 'streetLights'))).toEqual(['true', 'false']);
  });

  it('offers nothing for an unknown place', () => {
    expect(keyOptions(['nosuch'])).toEqual([]);
  });
});
