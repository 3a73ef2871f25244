import { describe, expect, it } from 'vitest';
import { frictionFor } from '../../src/road/frictionFor.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { DRY, roadSpec } from './fixtures.js';

describe('frictionFor', () => {
  it.each([
    ['dry', 0.9],
    ['wet', 0.6],
    ['snow', 0.3],
    ['ice', 0.1],
  ] as const)('gives %s surface mu %f', (surface, mu) => {
    expect(frictionFor(surface, DRY)).toBe(mu);
  });

  it('lets an override win over the surface', () => {
    expect(frictionFor('ice', DRY, 0.75)).toBe(0.75);
  });

  it('is dry on auto with a dry road', () => {
    expect(frictionFor('auto', DRY)).toBeCloseTo(0.9, 12);
  });

  it('scales from dry to wet by the wetness on auto', () => {
    expect(frictionFor('auto', { ...DRY, wetness: 0.5 })).toBeCloseTo(0.75, 12);
    expect(frictionFor('auto', { ...DRY, wetness: 1 })).toBeCloseTo(0.6, 12);
  });

  it('counts rain as wetness on auto', () => {
    expect(frictionFor('auto', { ...DRY, rain: 1 })).toBeCloseTo(0.6, 12);
  });

  it('blends towards snow by the snow cover on auto', () => {
    expect(frictionFor('auto', { ...DRY, snowCover: 1 })).toBeCloseTo(0.3, 12);
    expect(frictionFor('auto', { ...DRY, snowCover: 0.5 })).toBeCloseTo(0.6, 12);
  });

  it('is the network friction', () => {
    const net = buildRoadNetwork(roadSpec([{ kind: 'straight', id: 'a', lengthM: 10 }], { surface: 'snow' }), DRY);
    expect(net.frictionMu).toBe(0.3);
    const over = buildRoadNetwork(roadSpec([{ kind: 'straight', id: 'a', lengthM: 10 }], { frictionMu: 0.2 }), DRY);
    expect(over.frictionMu).toBe(0.2);
  });
});
