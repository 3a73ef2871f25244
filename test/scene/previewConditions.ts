/** Named looks for the scene preview: weather and light patches on the fixture instance. */
import type { RoadBlock } from '../../src/scenario/types.js';
import type { fixtureInstance } from './fixture.js';

export interface PreviewCondition {
  patch: Parameters<typeof fixtureInstance>[0];
  /** Road blocks instead of the fixture's straight road. */
  blocks?: RoadBlock[];
  tick: number;
}

const JUNCTION_AND_ROUNDABOUT: RoadBlock[] = [
  { kind: 'straight', id: 'a', lengthM: 45 },
  { kind: 'junction', id: 'J1', shape: 'four-way', side: 'left', signals: true, armLengthM: 60, greenS: 10, yellowS: 3, allRedS: 1, offsetS: 0 },
  { kind: 'straight', id: 'b', lengthM: 50 },
  { kind: 'roundabout', id: 'R1', radiusM: 18, arms: 4, exitArm: 2, lanes: 1, armLengthM: 50 },
];

const TUNNEL: RoadBlock[] = [
  { kind: 'straight', id: 'a', lengthM: 20 },
  { kind: 'tunnel', id: 'T1', lengthM: 70, lightLevel: 0.7 },
  { kind: 'straight', id: 'b', lengthM: 210 },
];

export const PREVIEW_CONDITIONS: Record<string, PreviewCondition> = {
  day: { patch: {}, tick: 60 },
  dusk: { patch: { light: { sunElevationDeg: 2, sunAzimuthDeg: 20, streetLights: true, timeOfDayH: 19.5, glare: 0.6 } }, tick: 60 },
  night: { patch: { light: { sunElevationDeg: -20, streetLights: true, timeOfDayH: 23 } }, tick: 60 },
  fog: { patch: { weather: { fogVisibilityM: 60, cloudCover: 1 } }, tick: 60 },
  rain: { patch: { weather: { rain: 0.8, cloudCover: 0.9, wetness: 1, puddles: 0.6 } }, tick: 60 },
  snow: { patch: { weather: { snow: 0.7, snowCover: 0.8, cloudCover: 0.8 }, setting: 'rural' }, tick: 60 },
  suburban: { patch: { setting: 'suburban' }, tick: 10 },
  tunnel: { patch: { light: { sunElevationDeg: 8, sunAzimuthDeg: 5, glare: 0.8 } }, blocks: TUNNEL, tick: 60 },
  junction: { patch: { setting: 'suburban', light: { sunElevationDeg: 30, sunAzimuthDeg: 120 } }, blocks: JUNCTION_AND_ROUNDABOUT, tick: 20 },
};
