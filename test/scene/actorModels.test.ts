import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { MaterialLibrary } from '../../src/scene/materials/materialLibrary.js';
import { PedestrianRig } from '../../src/scene/actors/pedestrianModel.js';
import { VehicleRig } from '../../src/scene/actors/vehicleModel.js';
import { LIGHT, STATE_COLUMN, STATE_STRIDE, type StateField } from '../../src/sim/types.js';

function row(values: Partial<Record<StateField, number>>): Float64Array {
  const r = new Float64Array(STATE_STRIDE);
  for (const [k, v] of Object.entries(values)) r[STATE_COLUMN[k as StateField]] = v;
  return r;
}

function car(): VehicleRig {
  return new VehicleRig(new MaterialLibrary(), {
    kind: 'car',
    size: { lengthM: 4.5, widthM: 1.8, heightM: 1.5 },
    colour: new THREE.Color('red'),
    doorSide: 'left',
    shadows: false,
    glow: 1,
  });
}

/** Bounds of the solid parts (meshes), leaving out appearance-only halos. */
function meshBox(root: THREE.Object3D): THREE.Box3 {
  const box = new THREE.Box3();
  root.updateMatrixWorld(true);
  root.traverse((o) => {
    if ((o as THREE.Mesh).isMesh) box.expandByObject(o, false);
  });
  return box;
}

function emissiveOf(rig: VehicleRig): Map<string, number> {
  const out = new Map<string, number>();
  rig.root.traverse((o) => {
    const m = (o as THREE.Mesh).material as THREE.MeshStandardMaterial | undefined;
    if (!m?.emissive || m.emissive.getHex() === 0) return;
    // Brightest lamp of a colour at each end (left and right lamps share a key).
    const key = `#${m.emissive.getHexString()}@${o.position.x > 0 ? 'front' : 'rear'}`;
    out.set(key, Math.max(out.get(key) ?? 0, m.emissiveIntensity));
  });
  return out;
}

describe('vehicle model', () => {
  it('fits its box: length, width and height match the size', () => {
    const box = meshBox(car().root);
    const size = box.getSize(new THREE.Vector3());
    expect(size.x).toBeCloseTo(4.5, 1);
    expect(size.y).toBeCloseTo(1.5, 1);
    expect(size.z).toBeLessThanOrEqual(1.85);
    expect(box.min.y).toBeGreaterThanOrEqual(-1e-6);
  });

  it('lights brake lamps brighter than tail lamps', () => {
    const rig = car();
    rig.animate(row({ lights: LIGHT.tail }), 0, 0);
    const tail = emissiveOf(rig).get('#ff1a0a@rear') ?? 0;
    rig.animate(row({ lights: LIGHT.tail | LIGHT.brake }), 0, 0);
    const brake = emissiveOf(rig).get('#ff1a0a@rear') ?? 0;
    expect(tail).toBeGreaterThan(0);
    expect(brake).toBeGreaterThan(2 * tail);
  });

  it('blinks indicators: on in the first half period, off in the second', () => {
    const rig = car();
    const amber = (): number => Math.max(...[...emissiveOf(rig).entries()].filter(([k]) => k.startsWith('#ff9a10')).map(([, v]) => v));
    rig.animate(row({ lights: LIGHT.indicatorLeft }), 0, 0.1);
    expect(amber()).toBeGreaterThan(0);
    rig.animate(row({ lights: LIGHT.indicatorLeft }), 0, 0.5);
    expect(amber()).toBe(0);
  });

  it('turns head lamps off without the head bit', () => {
    const rig = car();
    rig.animate(row({ lights: LIGHT.head }), 0, 0);
    expect(emissiveOf(rig).get('#fff4dc@front')).toBeGreaterThan(0);
    rig.animate(row({ lights: 0 }), 0, 0);
    expect(emissiveOf(rig).get('#fff4dc@front')).toBe(0);
  });

  it('draws red halos at the rear that brighten when braking', () => {
    const rig = car();
    const halos = rig.root.getObjectByName('vehicle-glows') as THREE.Points;
    const redSum = (): number => {
      const c = halos.geometry.getAttribute('color') as THREE.BufferAttribute;
      let sum = 0;
      for (let i = 0; i < c.count; i++) if (c.getX(i) > c.getY(i) * 2) sum += c.getX(i);
      return sum;
    };
    rig.animate(row({ lights: LIGHT.tail }), 0, 0);
    const tail = redSum();
    rig.animate(row({ lights: LIGHT.tail | LIGHT.brake }), 0, 0);
    expect(tail).toBeGreaterThan(0);
    expect(redSum()).toBeGreaterThan(2 * tail);
    expect(halos.layers.mask).toBe(2);
  });

  it('steers the front wheels only and spins all wheels', () => {
    const rig = car();
    rig.animate(row({ steerRad: 0.3, wheelSpinRad: 2 }), 0, 0);
    const steers: number[] = [];
    const spins: number[] = [];
    rig.root.traverse((o) => {
      if (o.children.length === 1 && o.children[0]?.children.length === 2 && !(o as THREE.Mesh).isMesh) {
        steers.push(o.position.x > 0 ? o.rotation.y : -o.rotation.y - 1);
        spins.push((o.children[0] as THREE.Object3D).rotation.z);
      }
    });
    expect(steers.filter((s) => s === 0.3)).toHaveLength(2);
    expect(steers.filter((s) => s === -1)).toHaveLength(2);
    expect(spins.every((s) => s === -2)).toBe(true);
  });

  it('swings the door outwards on its side as door goes from 0 to 1', () => {
    const rig = car();
    const before = meshBox(rig.root);
    rig.animate(row({ door: 1 }), 0, 0);
    const after = meshBox(rig.root);
    // Left is three -z: the open door sticks out there, not on the right.
    expect(after.min.z).toBeLessThan(before.min.z - 0.5);
    expect(after.max.z).toBeCloseTo(before.max.z, 6);
  });
});

describe('pedestrian model', () => {
  const person = { heightM: 1.8, ageGroup: 'adult', mobilityAid: 'none', skinTone: 'IV', topColour: 'red', bottomColour: 'blue' } as const;

  it('stands as tall as its height', () => {
    const rig = new PedestrianRig(new MaterialLibrary(), person, false);
    rig.animate(row({}), 0);
    const size = meshBox(rig.root).getSize(new THREE.Vector3());
    expect(size.y).toBeGreaterThan(1.7);
    expect(size.y).toBeLessThan(1.9);
  });

  it('moves its legs with the gait phase when walking and not when standing', () => {
    const rig = new PedestrianRig(new MaterialLibrary(), person, false);
    const footprint = (vx: number, phase: number): number => {
      rig.animate(row({ vx, gaitPhase: phase }), 0);
      return meshBox(rig.root).getSize(new THREE.Vector3()).x;
    };
    const standing = footprint(0, 0.25);
    expect(footprint(0, 0.75)).toBeCloseTo(standing, 9);
    expect(footprint(1.4, 0.25)).toBeGreaterThan(standing + 0.3);
  });

  it('seats a wheelchair user lower than a standing person', () => {
    const lib = new MaterialLibrary();
    const seated = new PedestrianRig(lib, { ...person, mobilityAid: 'wheelchair' }, false);
    seated.animate(row({}), 0);
    expect(meshBox(seated.root).max.y).toBeLessThan(1.45);
  });

  it('draws a child with a larger head for its height than an adult', () => {
    const headShare = (ageGroup: 'child' | 'adult'): number => {
      const rig = new PedestrianRig(new MaterialLibrary(), { ...person, heightM: 1.2, ageGroup }, false);
      rig.animate(row({}), 0);
      let r = 0;
      rig.root.traverse((o) => {
        if ((o as THREE.Mesh).isMesh && (o as THREE.Mesh).geometry.type === 'SphereGeometry') r = Math.max(r, o.scale.y);
      });
      return r / 1.2;
    };
    expect(headShare('child')).toBeGreaterThan(1.2 * headShare('adult'));
  });
});
