import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/scene/buildScene.js';
import { isMatte, lambertOf, useLambert } from '../../src/scene/materials/lambertLook.js';
import { isPreviewMaterial } from '../../src/scene/preview/previewLook.js';
import { addWetReflection } from '../../src/scene/surface/wetReflection.js';
import type { SceneQuality, SceneRig } from '../../src/scene/types.js';
import { STATE_COLUMN, STATE_STRIDE } from '../../src/sim/types.js';
import { fixtureInstance, fixtureNetwork, fixtureTrajectory } from './fixture.js';

function rigOf(quality: SceneQuality, patch: Parameters<typeof fixtureInstance>[0] = {}, lightsOff = false): SceneRig {
  const instance = fixtureInstance(patch);
  const trajectory = fixtureTrajectory(instance);
  if (lightsOff) for (let i = STATE_COLUMN.lights; i < trajectory.states.length; i += STATE_STRIDE) trajectory.states[i] = 0;
  return buildScene({ instance, network: fixtureNetwork(instance), trajectory, seed: 3, quality });
}

function materialsOf(rig: SceneRig, name: string): THREE.Material[] {
  const out: THREE.Material[] = [];
  rig.scene.getObjectByName(name)?.traverse((o) => {
    const m = (o as THREE.Mesh).material;
    if ((o as THREE.Mesh).isMesh && m) out.push(...(Array.isArray(m) ? m : [m]));
  });
  return out;
}

function headlights(rig: SceneRig): number {
  let n = 0;
  rig.scene.traverse((o) => {
    if ((o as THREE.SpotLight).isSpotLight && o.name.startsWith('headlight')) n++;
  });
  return n;
}

describe('render cost of the scene', () => {
  it('shades the roadside and the actors per vertex in preview', () => {
    const rig = rigOf('preview');
    for (const group of ['roadside', 'actors']) {
      const mats = materialsOf(rig, group);
      expect(mats.length).toBeGreaterThan(0);
      expect(mats.every(isPreviewMaterial)).toBe(true);
    }
  });

  it('keeps PBR on every actor in export while matte facades become Lambert', () => {
    const rig = rigOf('export');
    expect(materialsOf(rig, 'roadside').every((m) => (m as THREE.MeshLambertMaterial).isMeshLambertMaterial)).toBe(true);
    const actorMats = materialsOf(rig, 'actors');
    expect(actorMats.some((m) => m.name.startsWith('cloth:'))).toBe(true);
    expect(actorMats.some((m) => (m as THREE.MeshLambertMaterial).isMeshLambertMaterial)).toBe(false);
  });

  it('adds no real headlight when no vehicle ever has its head lights on', () => {
    const night = { light: { sunElevationDeg: -20, streetLights: true } };
    expect(headlights(rigOf('export', night))).toBeGreaterThan(0);
    expect(headlights(rigOf('export', night, true))).toBe(0);
  });

  it('copies colour, maps, emission, side and the wet-road patch into the Lambert copy', () => {
    const map = new THREE.DataTexture(new Uint8Array(4), 1, 1);
    const m = new THREE.MeshStandardMaterial({ color: 0x336699, map, emissive: 0x110000, emissiveIntensity: 2, side: THREE.DoubleSide, roughness: 0.9 });
    addWetReflection(m, { horizon: new THREE.Color(1, 1, 1), zenith: new THREE.Color(0, 0, 1) }, 0.5);
    const l = lambertOf(m);
    expect(l.color.getHex()).toBe(0x336699);
    expect(l.map).toBe(map);
    expect(l.emissive.getHex()).toBe(0x110000);
    expect(l.emissiveIntensity).toBe(2);
    expect(l.side).toBe(THREE.DoubleSide);
    expect(l.onBeforeCompile).toBe(m.onBeforeCompile);
    expect(l.customProgramCacheKey()).toBe('wet-reflection');
  });

  it('counts only rough, plain dielectrics as matte', () => {
    expect(isMatte(new THREE.MeshStandardMaterial({ roughness: 0.9 }))).toBe(true);
    expect(isMatte(new THREE.MeshStandardMaterial({ roughness: 0.35 }))).toBe(false);
    expect(isMatte(new THREE.MeshStandardMaterial({ roughness: 0.9, metalness: 0.6 }))).toBe(false);
    const wet = new THREE.MeshStandardMaterial({ roughness: 0.9 });
    addWetReflection(wet, { horizon: new THREE.Color(), zenith: new THREE.Color() }, 1);
    expect(isMatte(wet)).toBe(false);
  });

  it('shares one Lambert copy between meshes of one material', () => {
    const m = new THREE.MeshStandardMaterial();
    const root = new THREE.Group().add(new THREE.Mesh(new THREE.BoxGeometry(), m), new THREE.Mesh(new THREE.BoxGeometry(), m));
    const copies = useLambert(root, () => true);
    expect(copies).toHaveLength(1);
    expect(root.children.every((c) => (c as THREE.Mesh).material === copies[0])).toBe(true);
  });
});
