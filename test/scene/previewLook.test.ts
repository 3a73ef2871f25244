import * as THREE from 'three';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atmosphereFor, fogVisibleWithin } from '../../src/scene/sky/atmosphere.js';
import { buildScene } from '../../src/scene/buildScene.js';
import { PreviewBatches } from '../../src/scene/preview/previewBatch.js';
import { isPreviewMaterial, previewMaterialOf, usePreviewLook } from '../../src/scene/preview/previewLook.js';
import { PART_TEXELS } from '../../src/scene/preview/previewShader.js';
import { skyState } from '../../src/scene/sky/skyModel.js';
import { addWetReflection } from '../../src/scene/surface/wetReflection.js';
import { browserMissing } from '../render/fixtures.js';
import { catalogScene } from './catalogScene.js';
import { fixtureInstance, fixtureNetwork, fixtureTrajectory } from './fixture.js';
import { FrameTimer } from './frameTimer.js';

const colourOf = (m: THREE.ShaderMaterial, name: string): number => (m.uniforms[name]!.value as THREE.Color).getHex();

describe('preview materials', () => {
  it('copy the drawing state, maps, emission and the wet-road reflection of the original', () => {
    const map = new THREE.DataTexture(new Uint8Array(4), 1, 1);
    map.colorSpace = THREE.SRGBColorSpace;
    map.repeat.set(0.125, 0.125);
    const m = new THREE.MeshStandardMaterial({
      color: 0x336699,
      map,
      emissive: 0x110000,
      emissiveIntensity: 2,
      side: THREE.DoubleSide,
      transparent: true,
      opacity: 0.4,
      depthWrite: false,
    });
    addWetReflection(m, { horizon: new THREE.Color(1, 1, 1), zenith: new THREE.Color(0, 0, 1) }, 0.5);
    const p = previewMaterialOf(m, true);
    expect(isPreviewMaterial(p)).toBe(true);
    expect([p.side, p.transparent, p.depthWrite, p.fog, p.lights, p.toneMapped]).toEqual([THREE.DoubleSide, true, false, true, true, false]);
    expect(Object.keys(p.defines).sort()).toEqual(['PREVIEW_MAP', 'PREVIEW_SPECULAR', 'PREVIEW_WET']);
    expect(colourOf(p, 'diffuse')).toBe(0x336699);
    expect(p.uniforms['opacity']!.value).toBe(0.4);
    expect(p.uniforms['wetReflect']!.value).toBe(0.5);
    // The map is sampled as stored (display values), nearest texel, with the original's tiling.
    const shown = p.uniforms['map']!.value as THREE.Texture;
    expect(shown).not.toBe(map);
    expect(shown.image).toBe(map.image);
    expect([shown.colorSpace, shown.magFilter]).toEqual([THREE.NoColorSpace, THREE.NearestFilter]);
    expect((p.uniforms['mapTransform']!.value as THREE.Matrix3).elements[0]).toBeCloseTo(0.125, 9);
  });

  it('follow the original live: lamps and signals change their emission per tick', () => {
    const lamp = new THREE.MeshStandardMaterial({ color: 0x7a0d08, emissive: 0xff0000, emissiveIntensity: 0 });
    const p = previewMaterialOf(lamp, false);
    expect(colourOf(p, 'emissive')).toBe(0x000000);
    lamp.emissiveIntensity = 1;
    expect(colourOf(p, 'emissive')).toBe(0xff0000);
    lamp.color.setHex(0x00ff00);
    expect(colourOf(p, 'diffuse')).toBe(0x00ff00);
    // Fog only where the scene's fog shows at all.
    expect(p.fog).toBe(false);
  });

  it('replace every lit material of a preview scene, sharing one copy per original', () => {
    const instance = fixtureInstance();
    const rig = buildScene({ instance, network: fixtureNetwork(instance), trajectory: fixtureTrajectory(instance), seed: 3, quality: 'preview' });
    const lit = new Set<THREE.Material>();
    const previews = new Set<THREE.Material>();
    rig.scene.traverse((o) => {
      const mesh = o as THREE.Mesh;
      if (!mesh.isMesh) return;
      for (const m of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
        if ((m as THREE.MeshStandardMaterial).isMeshStandardMaterial || (m as THREE.MeshLambertMaterial).isMeshLambertMaterial) lit.add(m);
        if (isPreviewMaterial(m)) previews.add(m);
      }
    });
    expect(lit.size).toBe(0);
    expect(previews.size).toBeGreaterThan(20);
    const sources = [...previews].map((m) => m.userData['previewOf']);
    expect(new Set(sources).size).toBe(sources.length);
  });

  it('leave unlit materials alone', () => {
    const basic = new THREE.MeshBasicMaterial();
    const root = new THREE.Group().add(new THREE.Mesh(new THREE.BoxGeometry(), basic));
    expect(usePreviewLook(root, { fog: true }).materials).toHaveLength(0);
    expect((root.children[0] as THREE.Mesh).material).toBe(basic);
  });

  it('draw fog only where it changes a colour by an 8-bit step within 1 km', () => {
    const sky = skyState(
      { timeOfDayH: 12, sunElevationDeg: 45, sunAzimuthDeg: 180, streetLights: false, exposureEv: 0, glare: 0 },
      { rain: 0, snow: 0, fogVisibilityM: 100_000, cloudCover: 0, wetness: 0, puddles: 0, snowCover: 0 },
    );
    expect(fogVisibleWithin(atmosphereFor(100_000, sky).fog, 1000)).toBe(false);
    expect(fogVisibleWithin(atmosphereFor(20_000, sky).fog, 1000)).toBe(true);
    expect(fogVisibleWithin(atmosphereFor(60, sky).fog, 1000)).toBe(true);
  });
});

describe('preview batches', () => {
  function twoParts(): { root: THREE.Group; a: THREE.Mesh; b: THREE.Mesh; glass: THREE.Mesh; lamp: THREE.MeshStandardMaterial } {
    const lamp = new THREE.MeshStandardMaterial({ color: 0x202020, emissive: 0xff0000, emissiveIntensity: 0 });
    const a = new THREE.Mesh(new THREE.BoxGeometry(), new THREE.MeshStandardMaterial({ color: 0x336699 }));
    const b = new THREE.Mesh(new THREE.SphereGeometry(), lamp);
    const glass = new THREE.Mesh(new THREE.BoxGeometry(), new THREE.MeshStandardMaterial({ transparent: true, opacity: 0.5 }));
    a.position.set(1, 2, 3);
    const arm = new THREE.Group().add(b);
    arm.scale.set(2, 1, 1);
    const root = new THREE.Group().add(a, arm, glass);
    usePreviewLook(root, { fog: false });
    return { root, a, b, glass, lamp };
  }
  const draw = (batches: PreviewBatches): void => {
    for (const m of batches.group.children) m.onBeforeRender(null as never, null as never, null as never, null as never, null as never, null as never);
  };
  const partData = (batches: PreviewBatches, i: number): Float32Array =>
    ((batches.group.children[i] as THREE.Mesh<THREE.BufferGeometry, THREE.ShaderMaterial>).material.uniforms['partData']!.value as THREE.DataTexture).image.data as Float32Array;

  it('draws the parts that share a drawing state in one mesh, and hides the parts themselves', () => {
    const { root, a, b, glass } = twoParts();
    const batches = new PreviewBatches([root]);
    // Opaque parts in one batch, the transparent one in another.
    expect(batches.group.children).toHaveLength(2);
    expect(batches.partCount).toBe(3);
    expect([a, b, glass].map((m) => m.layers.mask)).toEqual([0, 0, 0]);
    const merged = (batches.group.children[0] as THREE.Mesh).geometry;
    const index = merged.getAttribute('partIndex');
    expect(new Set(Array.from({ length: index.count }, (_, i) => index.getX(i)))).toEqual(new Set([0, 1]));
    batches.dispose();
    expect([a, b, glass].map((m) => m.layers.mask)).toEqual([1, 1, 1]);
  });

  it("writes each part's world matrix, colour and live emission before a frame, and collapses hidden parts", () => {
    const { root, a, b, lamp } = twoParts();
    const batches = new PreviewBatches([root]);
    root.position.x = 10;
    root.updateMatrixWorld(true);
    lamp.emissiveIntensity = 2;
    draw(batches);
    const d = partData(batches, 0);
    const stride = PART_TEXELS * 4;
    // Part 0 (a): translation in the fourth column of the three matrix rows.
    expect([d[3], d[7], d[11]]).toEqual([11, 2, 3]);
    expect(new THREE.Color(d[12], d[13], d[14]).getHex()).toBe(0x336699);
    // Part 1 (b): scaled by its parent, red emission at intensity 2.
    expect(d[stride]).toBe(2);
    expect([d[stride + 16], d[stride + 17], d[stride + 18]]).toEqual([2, 0, 0]);
    b.parent!.visible = false;
    draw(batches);
    expect(Array.from(d.subarray(stride, stride + 12)).every((v) => v === 0)).toBe(true);
    expect(a.visible).toBe(true);
  });
});

const missing = browserMissing();

describe.skipIf(missing !== null)('preview look in Chromium', () => {
  let timer: FrameTimer;
  const W = 640;
  const H = 360;
  const payload = catalogScene('07-cyclist-door-swerve.yaml', W, H);
  beforeAll(async () => {
    timer = await FrameTimer.open(new URL('./previewBatchEntry.ts', import.meta.url).pathname);
  });
  afterAll(async () => {
    await timer?.close();
  });

  async function frame(builder: string, quality: 'preview' | 'export'): Promise<{ pixels: Buffer; drawCalls: number }> {
    const info = await timer.measure(payload, quality, 1, builder);
    return { pixels: await timer.pixels(), drawCalls: info.drawCalls };
  }

  /** Per channel: mean absolute difference and the share of values more than `far` apart. */
  function difference(x: Buffer, y: Buffer, far: number): { mean: number; farShare: number } {
    let sum = 0;
    let n = 0;
    let farCount = 0;
    for (let i = 0; i < x.length; i++) {
      if (i % 4 === 3) continue;
      const d = Math.abs((x[i] as number) - (y[i] as number));
      sum += d;
      if (d > far) farCount++;
      n++;
    }
    return { mean: sum / n, farShare: farCount / n };
  }

  it('draws batched actors and signals as the unbatched scene, in far fewer draw calls', async () => {
    const plain = await frame('current', 'preview');
    const batched = await frame('batched', 'preview');
    expect(Number(await timer.pageValue('batchedParts'))).toBeGreaterThan(50);
    expect(batched.drawCalls).toBeLessThan(plain.drawCalls / 2);
    // The same triangles, transformed on the GPU instead of the CPU (identical here; an edge
    // may move by a rounding elsewhere).
    const d = difference(plain.pixels, batched.pixels, 8);
    expect(d.mean).toBeLessThan(0.05);
    expect(d.farShare).toBeLessThan(0.0005);
  });

  it('looks like the export look of the same frame', async () => {
    const preview = await frame('batched', 'preview');
    const exported = await frame('current', 'export');
    // Highlights, shadows, antialiasing and filtering differ; colours, sky, light level and shapes do not.
    const d = difference(preview.pixels, exported.pixels, 48);
    expect(d.mean).toBeLessThan(8);
    expect(d.farShare).toBeLessThan(0.05);
  });
});
