/** Named looks for the scene preview: weather and light patches on the fixture instance. */
import type { fixtureInstance, straightNetwork } from './fixture.js';

export interface PreviewCondition {
  patch: Parameters<typeof fixtureInstance>[0];
  network?: Parameters<typeof straightNetwork>[0];
  tick: number;
}

export const PREVIEW_CONDITIONS: Record<string, PreviewCondition> = {
  day: { patch: {}, tick: 60 },
  dusk: { patch: { light: { sunElevationDeg: 2, sunAzimuthDeg: 20, streetLights: true, timeOfDayH: 19.5, glare: 0.6 } }, tick: 60 },
  night: { patch: { light: { sunElevationDeg: -20, streetLights: true, timeOfDayH: 23 } }, tick: 60 },
  fog: { patch: { weather: { fogVisibilityM: 60, cloudCover: 1 } }, tick: 60 },
  rain: { patch: { weather: { rain: 0.8, cloudCover: 0.9, wetness: 1, puddles: 0.6 } }, tick: 60 },
  snow: { patch: { weather: { snow: 0.7, snowCover: 0.8, cloudCover: 0.8 }, setting: 'rural' }, tick: 60 },
  suburban: { patch: { setting: 'suburban' }, tick: 10 },
  tunnel: { patch: { light: { sunElevationDeg: 8, sunAzimuthDeg: 5, glare: 0.8 } }, network: { tunnel: { fromS: 20, toS: 90, lightLevel: 0.7 } }, tick: 60 },
};
