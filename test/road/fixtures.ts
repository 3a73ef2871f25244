import type { RoadBlock, RoadSpec, Weather } from '../../src/scenario/types.js';

/** A fully defaulted road spec with the given blocks; overrides merge shallowly. */
export function roadSpec(blocks: RoadBlock[], overrides: Partial<RoadSpec> = {}): RoadSpec {
  return {
    lanes: { forward: 1, backward: 1, widthM: 3.5 },
    markings: { centre: 'dashed', lanes: 'dashed', edge: 'solid' },
    parking: { left: false, right: false, widthM: 2.2 },
    sidewalks: { left: false, right: false, widthM: 2, kerbHeightM: 0.15 },
    shoulderM: 0,
    speedLimitMps: 13.9,
    surface: 'dry',
    setting: 'urban',
    blocks,
    crosswalks: [],
    furniture: [],
    ...overrides,
  };
}

export const DRY: Weather = { rain: 0, snow: 0, fogVisibilityM: 10000, cloudCover: 0, wetness: 0, puddles: 0, snowCover: 0 };

export function junctionBlock(over: Partial<Extract<RoadBlock, { kind: 'junction' }>> = {}): RoadBlock {
  return {
    kind: 'junction',
    id: 'J1',
    shape: 'four-way',
    side: 'right',
    signals: true,
    armLengthM: 60,
    greenS: 20,
    yellowS: 3,
    allRedS: 2,
    offsetS: 0,
    ...over,
  };
}

export function roundaboutBlock(over: Partial<Extract<RoadBlock, { kind: 'roundabout' }>> = {}): RoadBlock {
  return { kind: 'roundabout', id: 'R1', radiusM: 20, arms: 4, exitArm: 2, lanes: 1, armLengthM: 50, ...over };
}
