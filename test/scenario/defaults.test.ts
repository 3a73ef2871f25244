import { describe, expect, it } from 'vitest';
import { applyDefaults, personSize, sunFromTimeOfDay } from '../../src/scenario/defaults.js';
import type { ScenarioInstance, SpecNode } from '../../src/scenario/types.js';

const MINIMAL: SpecNode = {
  version: 1,
  name: 't',
  road: { blocks: [{ kind: 'straight', lengthM: 100 }] },
  ego: { place: { s: 10 } },
};

function withActors(...actors: SpecNode[]): SpecNode {
  return { ...(MINIMAL as Record<string, SpecNode>), actors };
}

/** Every leaf path whose value is undefined. */
function undefinedPaths(v: unknown, path = ''): string[] {
  if (v === undefined) return [path];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => undefinedPaths(x, `${path}/${k}`));
}

describe('applyDefaults', () => {
  it('completes the minimal scenario with every default', () => {
    const expected: ScenarioInstance = {
      version: 1,
      name: 't',
      simulation: { durationS: 10, dtS: 0.01, nearMissTtcS: 1.5 },
      road: {
        lanes: { forward: 1, backward: 1, widthM: 3.5 },
        markings: { centre: 'dashed', lanes: 'dashed', edge: 'solid' },
        parking: { left: false, right: false, widthM: 2.5 },
        sidewalks: { left: true, right: true, widthM: 2, kerbHeightM: 0.15 },
        shoulderM: 0,
        speedLimitMps: 50 / 3.6,
        surface: 'auto',
        setting: 'urban',
        blocks: [{ kind: 'straight', id: 'b0', lengthM: 100 }],
        crosswalks: [],
        furniture: [],
      },
      weather: { rain: 0, snow: 0, fogVisibilityM: 100000, cloudCover: 0, wetness: 0, puddles: 0, snowCover: 0 },
      light: { timeOfDayH: 12, sunElevationDeg: 45, sunAzimuthDeg: 180, streetLights: false, exposureEv: 0, glare: 0 },
      ego: {
        kind: 'car',
        place: { road: 'main', lane: 1, s: 10, offsetM: 0, headingDeg: 0 },
        speedMps: 0,
        colour: 'white',
        size: { lengthM: 4.5, widthM: 1.8, heightM: 1.5 },
        behaviours: [],
        camera: { widthPx: 1280, heightPx: 720, fovDeg: 90, heightM: 1.5, forwardM: 1, pitchDeg: 0, noise: 0, motionBlur: 0, lensDrops: 0 },
        lights: { highBeams: false },
      },
      actors: [],
      focus: { actors: [] },
    };
    const got = applyDefaults(MINIMAL);
    expect(got.light.sunElevationDeg).toBeCloseTo(45, 10);
    expect(got.light.sunAzimuthDeg).toBeCloseTo(180, 10);
    expect({ ...got, light: { ...got.light, sunElevationDeg: 45, sunAzimuthDeg: 180 } }).toEqual(expected);
  });

  it('leaves no field undefined for every actor kind', () => {
    const kinds = ['car', 'van', 'truck', 'bus', 'motorcycle', 'bicycle', 'pedestrian', 'animal', 'object'];
    const inst = applyDefaults(withActors(...kinds.map((kind, i) => ({ id: `a${i}`, kind, place: { relativeTo: 'ego' } }))));
    expect(undefinedPaths(inst)).toEqual([]);
    expect(inst.actors.map((a) => a.place)).toEqual(kinds.map(() => ({ relativeTo: 'ego', aheadM: 0, leftM: 0, headingDeg: 0 })));
  });

  it('gives each vehicle kind its size', () => {
    const inst = applyDefaults(withActors({ id: 'v', kind: 'van', place: { s: 1 } }, { id: 'b', kind: 'bus', place: { s: 1 } }));
    expect(inst.actors[0].size).toEqual({ lengthM: 5.2, widthM: 2.0, heightM: 2.3 });
    expect(inst.actors[1].size).toEqual({ lengthM: 12, widthM: 2.55, heightM: 3.2 });
  });

  it('lets size overrides win over the kind size', () => {
    const inst = applyDefaults(withActors({ id: 't', kind: 'truck', place: { s: 1 }, size: { lengthM: 16 } }));
    expect(inst.actors[0].size).toEqual({ lengthM: 16, widthM: 2.5, heightM: 3.5 });
  });

  it('sizes a pedestrian from the age group', () => {
    const inst = applyDefaults(withActors({ id: 'c', kind: 'pedestrian', place: { s: 1 }, person: { ageGroup: 'child' } }));
    const a = inst.actors[0];
    expect(a.person).toEqual({ heightM: 1.2, ageGroup: 'child', mobilityAid: 'none', skinTone: 'III', topColour: 'blue', bottomColour: 'grey' });
    expect(a.size.heightM).toBe(1.2);
    expect(a.size.widthM).toBeCloseTo(0.5 * (1.2 / 1.75), 10);
    expect(a.animal).toBeUndefined();
  });

  it('sizes a wheelchair user as seated and as wide as the chair', () => {
    const s = personSize({ heightM: 1.6, ageGroup: 'adult', mobilityAid: 'wheelchair', skinTone: 'V', topColour: 'red', bottomColour: 'black' });
    expect(s.lengthM).toBe(1.1);
    expect(s.widthM).toBe(0.7);
    expect(s.heightM).toBeCloseTo(1.2, 10);
  });

  it('gives a bicycle a rider and a height from the rider', () => {
    const a = applyDefaults(withActors({ id: 'b', kind: 'bicycle', place: { s: 1 }, person: { heightM: 1.5 } })).actors[0];
    expect(a.person?.heightM).toBe(1.5);
    expect(a.size).toEqual({ lengthM: 1.8, widthM: 0.6, heightM: 0.55 + 0.7 * 1.5 });
  });

  it('sizes animals by species and objects by shape', () => {
    const inst = applyDefaults(
      withActors({ id: 'm', kind: 'animal', place: { s: 1 }, animal: { species: 'moose' } }, { id: 'c', kind: 'object', place: { s: 1 }, object: { shape: 'cone' } }),
    );
    expect(inst.actors[0]).toMatchObject({ animal: { species: 'moose' }, size: { lengthM: 2.8, widthM: 0.9, heightM: 2.1 }, colour: 'brown' });
    expect(inst.actors[1]).toMatchObject({ object: { shape: 'cone' }, size: { lengthM: 0.35, widthM: 0.35, heightM: 0.7 }, colour: 'orange' });
  });

  it('defaults headlights to auto, hazard lights and high beams to off', () => {
    const instance = applyDefaults(withActors({ id: 'a', kind: 'car', place: { s: 1 } }));
    expect(instance.actors[0].lights).toEqual({ headlights: 'auto', hazard: false, highBeams: false });
    expect(instance.ego.lights).toEqual({ highBeams: false });
  });

  it('takes high beams from the file for the ego and each vehicle', () => {
    const instance = applyDefaults(withActors({ id: 'a', kind: 'car', place: { s: 1 }, lights: { highBeams: true } }));
    expect(instance.actors[0].lights.highBeams).toBe(true);
    const ego = applyDefaults({ version: 1, name: 't', road: { blocks: [{ kind: 'straight', lengthM: 100 }] }, ego: { place: { s: 1 }, lights: { highBeams: true } } });
    expect(ego.ego.lights.highBeams).toBe(true);
  });

  it('names blocks b<index> unless they have an id, and fills junction and roundabout defaults', () => {
    const inst = applyDefaults({
      ...(MINIMAL as Record<string, SpecNode>),
      road: {
        blocks: [
          { kind: 'straight', lengthM: 5 },
          { kind: 'junction', shape: 't' },
          { id: 'r', kind: 'roundabout' },
        ],
      },
    });
    expect(inst.road.blocks).toEqual([
      { kind: 'straight', id: 'b0', lengthM: 5 },
      { kind: 'junction', id: 'b1', shape: 't', side: 'right', signals: false, armLengthM: 60, greenS: 20, yellowS: 3, allRedS: 2, offsetS: 0 },
      { kind: 'roundabout', id: 'r', radiusM: 15, arms: 4, exitArm: 2, lanes: 1, armLengthM: 60 },
    ]);
  });

  it('derives road defaults from the setting', () => {
    const inst = applyDefaults({ ...(MINIMAL as Record<string, SpecNode>), road: { setting: 'highway', blocks: [{ kind: 'straight', lengthM: 5 }] } });
    expect(inst.road).toMatchObject({ shoulderM: 2.5, speedLimitMps: 120 / 3.6, sidewalks: { left: false, right: false } });
  });

  it('turns street lights on at night and lets rain wet the road', () => {
    const inst = applyDefaults({ ...(MINIMAL as Record<string, SpecNode>), light: { timeOfDayH: 22 }, weather: { rain: 0.8 } });
    expect(inst.light.sunElevationDeg).toBeLessThan(0);
    expect(inst.light.streetLights).toBe(true);
    expect(inst.weather).toMatchObject({ rain: 0.8, wetness: 0.8, cloudCover: 0.8 });
  });

  it('keeps an explicit sun elevation and decides street lights from it', () => {
    const inst = applyDefaults({ ...(MINIMAL as Record<string, SpecNode>), light: { timeOfDayH: 12, sunElevationDeg: -3 } });
    expect(inst.light).toMatchObject({ sunElevationDeg: -3, sunAzimuthDeg: 180, streetLights: true });
  });

  it('keeps the friction override only when given', () => {
    expect('frictionMu' in applyDefaults(MINIMAL).road).toBe(false);
    const inst = applyDefaults({ ...(MINIMAL as Record<string, SpecNode>), road: { frictionMu: 0.2, blocks: [{ kind: 'straight', lengthM: 5 }] } });
    expect(inst.road.frictionMu).toBe(0.2);
  });

  it('rejects an unresolved distribution as a bug upstream', () => {
    expect(() => applyDefaults({ ...(MINIMAL as Record<string, SpecNode>), ego: { place: { s: { uniform: [1, 2] } } } })).toThrow(
      /\/ego\/place\/s must be a finite number after sampling/,
    );
  });
});

describe('sunFromTimeOfDay', () => {
  it('puts sunrise at 6 h in the east and sunset at 18 h in the west', () => {
    const rise = sunFromTimeOfDay(6);
    const set = sunFromTimeOfDay(18);
    expect(rise.elevationDeg).toBeCloseTo(0, 10);
    expect(rise.azimuthDeg).toBeCloseTo(90, 10);
    expect(set.elevationDeg).toBeCloseTo(0, 10);
    expect(set.azimuthDeg).toBeCloseTo(270, 10);
  });

  it('puts the sun lowest at midnight', () => {
    expect(sunFromTimeOfDay(0).elevationDeg).toBeCloseTo(-45, 10);
    expect(sunFromTimeOfDay(24).elevationDeg).toBeCloseTo(-45, 10);
  });
});
