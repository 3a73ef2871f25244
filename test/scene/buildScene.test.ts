import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { roadGeometry } from '../../src/road/roadGeometry.js';
import { buildScene } from '../../src/scene/buildScene.js';
import { LAYERS, SEMANTIC_CLASSES, type SceneRig } from '../../src/scene/types.js';
import { readState } from '../../src/sim/types.js';
import { fixtureInstance, fixtureNetwork, fixtureTrajectory } from './fixture.js';

function fixtureRig(
  patch: Parameters<typeof fixtureInstance>[0] = {},
  seed = 7,
  quality: 'export' | 'preview' = 'export',
): { rig: SceneRig; instance: ReturnType<typeof fixtureInstance>; trajectory: ReturnType<typeof fixtureTrajectory> } {
  const instance = fixtureInstance(patch);
  const trajectory = fixtureTrajectory(instance);
  const rig = buildScene({ instance, network: fixtureNetwork(instance), trajectory, seed, quality });
  return { rig, instance, trajectory };
}

const appearanceOnly = (o: THREE.Object3D): boolean => o.layers.mask === 1 << LAYERS.APPEARANCE;

describe('buildScene', () => {
  it('builds in plain Node without a DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const { rig } = fixtureRig();
    expect(rig.scene.children.length).toBeGreaterThan(0);
    rig.dispose();
  });

  it('gives one track per non-ego actor with its track id, size and label class', () => {
    const { rig, trajectory } = fixtureRig();
    expect(rig.tracks.map((t) => t.actorId)).toEqual(trajectory.actors.slice(1).map((a) => a.id));
    for (const t of rig.tracks) {
      const info = trajectory.actors.find((a) => a.id === t.actorId);
      expect(t.trackId).toBe(info?.trackId);
      expect(t.size).toEqual(info?.size);
      expect(t.root.userData['trackId']).toBe(t.trackId);
    }
    const cls = Object.fromEntries(rig.tracks.map((t) => [t.actorId, t.cls]));
    expect(cls).toMatchObject({
      lead: 'Car',
      parkedVan: 'Van',
      oncomingTruck: 'Truck',
      bus: 'Bus',
      moto: 'Motorcycle',
      walker: 'Pedestrian',
      cyclist: 'Cyclist',
      dog: 'Animal',
      box: 'Object',
    });
  });

  it('tags every mesh outside the APPEARANCE-only layer with a semantic class', () => {
    const { rig } = fixtureRig({ weather: { rain: 0.5, snow: 0.5, puddles: 0.5 }, light: { sunElevationDeg: -10, streetLights: true } });
    const bad: string[] = [];
    let meshes = 0;
    rig.scene.traverse((o) => {
      const drawable = (o as THREE.Mesh).isMesh || (o as THREE.Points).isPoints || (o as THREE.Line).isLine;
      if (!drawable || appearanceOnly(o)) return;
      meshes++;
      if (!SEMANTIC_CLASSES.includes(o.userData['semantic'])) bad.push(`${o.name || o.type} (${String(o.userData['semantic'])})`);
    });
    expect(meshes).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  });

  it('keeps the sky and weather particles on the APPEARANCE layer only', () => {
    const { rig } = fixtureRig({ weather: { rain: 0.5, snow: 0.5 } });
    for (const name of ['sky', 'rain', 'snow']) {
      const o = rig.scene.getObjectByName(name);
      expect(o, name).toBeDefined();
      expect(appearanceOnly(o as THREE.Object3D), name).toBe(true);
    }
    expect(rig.camera.layers.isEnabled(LAYERS.APPEARANCE)).toBe(true);
  });

  it('gives the actors the semantic classes of their kinds', () => {
    const { rig } = fixtureRig();
    const classesOf = (id: string): Set<string> => {
      const s = new Set<string>();
      rig.tracks
        .find((t) => t.actorId === id)
        ?.root.traverse((o) => {
          if ((o as THREE.Mesh).isMesh) s.add(o.userData['semantic']);
        });
      return s;
    };
    expect([...classesOf('lead')]).toEqual(['car']);
    expect([...classesOf('cyclist')].sort()).toEqual(['bicycle', 'rider']);
    expect([...classesOf('moto')].sort()).toEqual(['motorcycle', 'rider']);
    expect([...classesOf('walker')]).toEqual(['pedestrian']);
    expect([...classesOf('dog')]).toEqual(['animal']);
  });

  it('moves an actor root to its trajectory pose in the three.js frame (x, z, -y)', () => {
    const { rig, trajectory } = fixtureRig();
    const a = trajectory.actors.findIndex((x) => x.id === 'oncomingTruck');
    const root = rig.tracks.find((t) => t.actorId === 'oncomingTruck')?.root as THREE.Object3D;
    for (const tick of [0, 40]) {
      rig.setTick(tick);
      const x = readState(trajectory, tick, a, 'x');
      const y = readState(trajectory, tick, a, 'y');
      const z = readState(trajectory, tick, a, 'z');
      expect(root.position.x).toBeCloseTo(x, 9);
      expect(root.position.y).toBeCloseTo(z, 9);
      expect(root.position.z).toBeCloseTo(-y, 9);
    }
    // The truck heads along world -x: its body +x axis must point to three -x.
    root.updateMatrixWorld(true);
    const fwd = new THREE.Vector3(1, 0, 0).transformDirection(root.matrixWorld);
    expect(fwd.x).toBeCloseTo(-1, 6);
  });

  it('mounts the camera at the rig height and looks along the ego heading', () => {
    const { rig, instance, trajectory } = fixtureRig();
    rig.setTick(20);
    const pos = rig.camera.getWorldPosition(new THREE.Vector3());
    const cam = instance.ego.camera;
    expect(pos.y).toBeCloseTo(readState(trajectory, 20, 0, 'z') + cam.heightM, 6);
    expect(pos.x).toBeCloseTo(readState(trajectory, 20, 0, 'x') + cam.forwardM, 6);
    expect(pos.z).toBeCloseTo(-readState(trajectory, 20, 0, 'y'), 6);
    const dir = rig.camera.getWorldDirection(new THREE.Vector3());
    const pitch = THREE.MathUtils.degToRad(cam.pitchDeg);
    expect(dir.x).toBeCloseTo(Math.cos(pitch), 6);
    expect(dir.y).toBeCloseTo(-Math.sin(pitch), 6);
    expect(dir.z).toBeCloseTo(0, 6);
  });

  it('sets the vertical field of view from the horizontal one and the image aspect', () => {
    const { rig, instance } = fixtureRig();
    const cam = instance.ego.camera;
    const aspect = cam.widthPx / cam.heightPx;
    const halfH = Math.tan(THREE.MathUtils.degToRad(rig.camera.fov) / 2) * aspect;
    expect(2 * THREE.MathUtils.radToDeg(Math.atan(halfH))).toBeCloseTo(cam.fovDeg, 6);
    expect(rig.camera.aspect).toBeCloseTo(aspect, 9);
    expect(rig.camera.near).toBe(0.1);
  });

  it('places the same rain for the same seed and tick, and different rain for another seed', () => {
    const positions = (seed: number, tick: number): Float32Array => {
      const { rig } = fixtureRig({ weather: { rain: 0.6 } }, seed);
      rig.setTick(tick);
      const rain = rig.scene.getObjectByName('rain') as THREE.LineSegments;
      return Float32Array.from((rain.geometry.getAttribute('position') as THREE.BufferAttribute).array as Float32Array);
    };
    const a = positions(3, 25);
    expect(positions(3, 25)).toEqual(a);
    expect(positions(4, 25)).not.toEqual(a);
    expect(positions(3, 26)).not.toEqual(a);
  });

  it('builds the same roadside for the same seed and a different one for another seed', () => {
    const layout = (seed: number): number[] => {
      const { rig } = fixtureRig({}, seed);
      const out: number[] = [];
      rig.scene.getObjectByName('roadside')?.traverse((o) => {
        const g = (o as THREE.Mesh).geometry;
        if (g) out.push(g.getAttribute('position').count, (g.getAttribute('position') as THREE.BufferAttribute).getX(0));
      });
      return out;
    };
    expect(layout(11)).toEqual(layout(11));
    expect(layout(12)).not.toEqual(layout(11));
  });

  it('shows each traffic light phase of the tick', () => {
    const instance = fixtureInstance();
    instance.road.blocks = [
      { kind: 'straight', id: 'a', lengthM: 45 },
      { kind: 'junction', id: 'J1', shape: 'four-way', side: 'left', signals: true, armLengthM: 40, greenS: 10, yellowS: 3, allRedS: 1, offsetS: 0 },
      { kind: 'straight', id: 'b', lengthM: 100 },
    ];
    const trajectory = fixtureTrajectory(instance);
    const rig = buildScene({ instance, network: fixtureNetwork(instance), trajectory, seed: 7, quality: 'export' });
    const lampIntensities = (): number[] => {
      const out: number[] = [];
      rig.scene.getObjectByName('traffic-lights')?.traverse((o) => {
        const m = (o as THREE.Mesh).material as THREE.MeshStandardMaterial | undefined;
        if (m && o.userData['semantic'] === 'traffic-light' && m.emissive && m.emissive.getHex() !== 0) out.push(m.emissiveIntensity);
      });
      return out;
    };
    // Four heads; each lists its lamps top to bottom: red, yellow, green.
    expect(trajectory.signalHeads).toHaveLength(4);
    rig.setTick(0);
    expect(trajectory.signals[0]).toBe(0);
    expect(lampIntensities().map((v) => v > 0)).toEqual(Array(4).fill([false, false, true]).flat());
    rig.setTick(trajectory.ticks - 1);
    expect(lampIntensities().map((v) => v > 0)).toEqual(Array(4).fill([true, false, false]).flat());
  });

  it('uses no more real lights than the budget, even at night in a long street', () => {
    const count = (quality: 'export' | 'preview'): number => {
      const { rig } = fixtureRig({ light: { sunElevationDeg: -20, streetLights: true } }, 1, quality);
      let n = 0;
      rig.scene.traverse((o) => {
        if ((o as THREE.Light).isLight) n++;
      });
      return n;
    };
    expect(count('export')).toBeLessThanOrEqual(12);
    // The preview has the export's lights (its still frame shades them per fragment), never more.
    expect(count('preview')).toBeLessThanOrEqual(count('export'));
  });

  it('casts shadows for export quality only', () => {
    const casts = (quality: 'export' | 'preview'): boolean => {
      const { rig } = fixtureRig({}, 1, quality);
      let any = false;
      rig.scene.traverse((o) => {
        if ((o as THREE.DirectionalLight).isDirectionalLight && o.castShadow) any = true;
      });
      return any;
    };
    expect(casts('export')).toBe(true);
    expect(casts('preview')).toBe(false);
  });

  it('reports glare only when the low sun is in view', () => {
    const glare = (azimuthDeg: number): number => fixtureRig({ light: { sunElevationDeg: 5, sunAzimuthDeg: azimuthDeg, glare: 1 } }).rig.effects.glare;
    expect(glare(0)).toBeGreaterThan(0.3);
    expect(glare(180)).toBe(0);
  });

  it('passes exposure and camera effects through', () => {
    const { rig } = fixtureRig({ light: { exposureEv: -1.5 } });
    expect(rig.effects.exposureEv).toBe(-1.5);
    expect(rig.effects.noise).toBe(0);
  });

  it('draws the straight fixture road from the road layer: strips, markings with the double centre line, the crosswalk', () => {
    const { rig, instance } = fixtureRig();
    const names = (group: string): string[] => rig.scene.getObjectByName(group)?.children.map((c) => c.name) ?? [];
    expect(names('road-surface')).toEqual(expect.arrayContaining(['road', 'parking', 'kerb', 'sidewalk']));
    expect(names('markings')).toEqual(['lane-markings', 'crosswalks']);
    // What is painted is what roadGeometry says: its lines, as bands of their width.
    const painted = roadGeometry(fixtureNetwork(instance), 2).markings;
    const centre = painted.find((m) => m.kind === 'centre');
    expect(centre?.style).toBe('double-solid');
    expect(centre?.lines).toHaveLength(2);
  });

  it('draws a road-layer network with a signalled junction and a roundabout, every mesh tagged', () => {
    const instance = fixtureInstance();
    instance.road.blocks = [
      { kind: 'straight', id: 'a', lengthM: 45 },
      { kind: 'junction', id: 'J1', shape: 'four-way', side: 'left', signals: true, armLengthM: 40, greenS: 10, yellowS: 3, allRedS: 1, offsetS: 0 },
      { kind: 'roundabout', id: 'R1', radiusM: 18, arms: 4, exitArm: 2, lanes: 1, armLengthM: 30 },
    ];
    const rig = buildScene({ instance, network: fixtureNetwork(instance), trajectory: fixtureTrajectory(instance), seed: 2, quality: 'preview' });
    const names: string[] = [];
    rig.scene.getObjectByName('road-surface')?.children.forEach((c) => {
      names.push(c.name);
    });
    expect(names).toEqual(expect.arrayContaining(['area J1', 'area R1', 'island R1', 'sidewalk', 'kerb']));
    let untagged = 0;
    rig.scene.traverse((o) => {
      if ((o as THREE.Mesh).isMesh && !appearanceOnly(o) && !SEMANTIC_CLASSES.includes(o.userData['semantic'])) untagged++;
    });
    expect(untagged).toBe(0);
    let heads = 0;
    rig.scene.getObjectByName('traffic-lights')?.traverse((o) => {
      if (o.userData['semantic'] === 'traffic-light') heads++;
    });
    // Four signal heads, each a housing and three lamps.
    expect(heads).toBe(16);
  });
});
