import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { fogExp2Density } from '../../src/scene/sky/atmosphere.js';
import { LampPool } from '../../src/scene/lights/lampPool.js';
import { Precipitation } from '../../src/scene/sky/Precipitation.js';
import { skyState, sunDirection } from '../../src/scene/sky/skyModel.js';

describe('fog', () => {
  it('leaves 3 % contrast at the visibility distance', () => {
    for (const v of [50, 200, 1000]) {
      const d = fogExp2Density(v);
      // three's FogExp2 transmits exp(-(d z)^2).
      expect(Math.exp(-((d * v) ** 2))).toBeCloseTo(0.03, 9);
    }
  });
});

describe('sun and sky', () => {
  it('puts an azimuth-0 sun straight ahead along the road and 90 degrees to the right', () => {
    const ahead = sunDirection(0, 0);
    expect(ahead.x).toBeCloseTo(1, 9);
    const right = sunDirection(0, 90);
    // World right of +x is -y, three +z.
    expect(right.z).toBeCloseTo(1, 9);
    expect(sunDirection(90, 0).y).toBeCloseTo(1, 9);
  });

  it('dims the sun under cloud and switches it off at night', () => {
    const light = { timeOfDayH: 12, sunElevationDeg: 40, sunAzimuthDeg: 0, streetLights: false, exposureEv: 0, glare: 0 };
    const weather = { rain: 0, snow: 0, fogVisibilityM: 10000, cloudCover: 0, wetness: 0, puddles: 0, snowCover: 0 };
    const clear = skyState(light, weather).sunIntensity;
    expect(skyState(light, { ...weather, cloudCover: 1 }).sunIntensity).toBeLessThan(clear * 0.3);
    expect(skyState({ ...light, sunElevationDeg: -15 }, weather).sunIntensity).toBe(0);
    expect(skyState({ ...light, sunElevationDeg: -15 }, weather).darkness).toBeGreaterThan(0.9);
  });
});

describe('precipitation', () => {
  const spec = { kind: 'snow', count: 200, seed: 5, stream: 3, halfM: 10, heightM: 8, fallMps: 1, streakM: 0, windX: 0.5, windZ: 0 } as const;

  it('keeps every flake in the box around the camera', () => {
    const p = new Precipitation(spec);
    p.update(3.7, 100, 1.5, -20);
    const v = p.positionsView;
    for (let i = 0; i < spec.count; i++) {
      expect(Math.abs((v[3 * i] as number) - 100)).toBeLessThanOrEqual(10);
      expect(Math.abs((v[3 * i + 2] as number) + 20)).toBeLessThanOrEqual(10);
    }
  });

  it('depends only on seed, time and camera, not on the tick history', () => {
    const a = new Precipitation(spec);
    a.update(1, 0, 1.5, 0);
    a.update(2, 5, 1.5, 0);
    const b = new Precipitation(spec);
    b.update(2, 5, 1.5, 0);
    expect(Array.from(a.positionsView)).toEqual(Array.from(b.positionsView));
  });
});

describe('lamp pool', () => {
  it('moves its lights to the lamps nearest the point of interest', () => {
    const heads = [0, 30, 60, 90, 120].map((x) => new THREE.Vector3(x, 8, 0));
    const pool = new LampPool(heads, 2, () => new THREE.SpotLight());
    pool.update(70, 0);
    expect(pool.lights.map((l) => l.position.x).sort((a, b) => a - b)).toEqual([60, 90]);
  });
});
