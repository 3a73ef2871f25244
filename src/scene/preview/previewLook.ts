/**
 * The preview look: every lit material of the scene shaded per vertex, in display colours.
 *
 * On a software rasteriser (SwiftShader: WebGL on the CPU) a frame's cost is almost all
 * per-pixel work, and hidden fragments are shaded too (measured: four stacked full-screen
 * layers cost nearly four layers, in either draw order). Measured in Chromium at 1280x720, one
 * full-screen layer costs about 5 ms with a flat colour, 20 ms lit per pixel (Lambert), 45 ms
 * with PBR, and 15 ms more for per-pixel ACES tone mapping and sRGB encoding. So the preview
 * moves all of that to the vertices: lights (ambient, hemisphere, directional, point, spot),
 * emission, the wet-road sky reflection, exposure, tone mapping and sRGB encoding are computed
 * per vertex, and a fragment costs one interpolated colour, a texture lookup where the surface
 * has a map, and fog where the scene's fog is visible at all.
 *
 * What it gives up against the export look while the view moves: most highlights, light that
 * varies inside a triangle (a headlight's pool is as coarse as the mesh: a night frame drew
 * about half the export's light), and exact colour where a texture modulates a tone-mapped
 * colour (the product is taken in display space). The sun's shadow of the static world is
 * looked up per vertex. Once the view stands, the viewport draws one still frame with the spot
 * lights, their highlights, the sun's shadow and the colour map per fragment (PREVIEW_PIXEL in
 * previewShader.ts, previewLighting.ts): within a few levels of 255 of the exported frame.
 */
import * as THREE from 'three';
import { isMatte } from '../materials/lambertLook.js';
import { wetReflectionOf } from '../surface/wetReflection.js';
import { previewFragmentShader, previewVertexShader } from './previewShader.js';

/** The materials the preview look replaces. */
export type LitMaterial = THREE.MeshStandardMaterial | THREE.MeshLambertMaterial;

/** Whether the preview look replaces a material (standard or Lambert). */
export function isLit(m: THREE.Material): m is LitMaterial {
  return (m as THREE.MeshStandardMaterial).isMeshStandardMaterial === true || (m as THREE.MeshLambertMaterial).isMeshLambertMaterial === true;
}

/**
 * A copy of a colour texture that samples its stored (sRGB-encoded) values as they are: the
 * preview multiplies them with display colours, so no decoding to linear light is wanted.
 * It samples the nearest texel of the nearest mip level: filtering is most of a texture
 * lookup's cost on a software rasteriser (in-page, the catalog's busiest scene drew in 44 ms
 * instead of 64 ms), and the mip levels still keep distant windows from shimmering.
 */
function displayTexture(t: THREE.Texture, cache: Map<THREE.Texture, THREE.Texture>): THREE.Texture {
  let d = cache.get(t);
  if (!d) {
    d = t.clone();
    d.colorSpace = THREE.NoColorSpace;
    d.magFilter = THREE.NearestFilter;
    d.minFilter = t.generateMipmaps ? THREE.NearestMipmapNearestFilter : THREE.NearestFilter;
    d.needsUpdate = true;
    cache.set(t, d);
  }
  return d;
}

function uvTransform(t: THREE.Texture): THREE.Matrix3 {
  t.updateMatrix();
  return t.matrix.clone();
}

/**
 * The preview copy of a lit material: same colour, emission, maps, transparency, blending,
 * sides and depth settings, with the wet-road reflection where the original has one. Colour,
 * emission and opacity stay live: they are read from the original whenever they are uploaded.
 * `fog`: whether the scene's fog is visible anywhere (invisible fog is skipped, per pixel).
 */
export function previewMaterialOf(m: LitMaterial, fog: boolean, textures = new Map<THREE.Texture, THREE.Texture>()): THREE.ShaderMaterial {
  const uniforms: Record<string, THREE.IUniform> = {};
  // Read from the original at each upload: lamps, brake lights and signals change per tick.
  const emissive = new THREE.Color();
  // Metals reflect rather than scatter: three.js's diffuse colour is colour x (1 - metalness).
  const diffuse = new THREE.Color();
  uniforms.diffuse = {
    get value() {
      const metalness = (m as THREE.MeshStandardMaterial).metalness ?? 0;
      return metalness > 0 ? diffuse.copy(m.color).multiplyScalar(1 - metalness) : m.color;
    },
  };
  uniforms.emissive = {
    get value() {
      return emissive.copy(m.emissive).multiplyScalar(m.emissiveIntensity);
    },
  };
  uniforms.opacity = {
    get value() {
      return m.opacity;
    },
  };
  const defines: Record<string, string> = {};
  if (m.map) {
    defines.PREVIEW_MAP = '';
    uniforms.map = { value: displayTexture(m.map, textures) };
    uniforms.mapTransform = { value: uvTransform(m.map) };
  }
  if (m.emissiveMap) {
    defines.PREVIEW_GLOW_MAP = '';
    uniforms.glowMap = { value: displayTexture(m.emissiveMap, textures) };
    uniforms.glowMapTransform = { value: uvTransform(m.emissiveMap) };
  }
  const wet = wetReflectionOf(m);
  if (wet) {
    defines.PREVIEW_WET = '';
    Object.assign(uniforms, wet);
  }
  // Where the export look keeps PBR (wet or glossy surfaces), spot lights add their highlight
  // (previewShader.ts); matte surfaces are Lambert in exports too.
  const standard = m as THREE.MeshStandardMaterial;
  if (standard.isMeshStandardMaterial && (wet || !isMatte(standard))) {
    defines.PREVIEW_SPECULAR = '';
    const f0 = new THREE.Color();
    uniforms.roughness = {
      get value() {
        return Math.max(0.04, standard.roughness);
      },
    };
    uniforms.specularColour = {
      get value() {
        return f0.setScalar(0.04).lerp(standard.color, standard.metalness);
      },
    };
  }
  const p = previewShaderMaterial(m, uniforms, defines, fog);
  p.userData = { previewOf: m.uuid };
  return p;
}

/** Mean of an 8-bit sRGB colour texture's red channel in linear light (a grey texture's darkening). */
export function textureMeanLinear(t: THREE.Texture): number {
  const data = (t.image as { data?: ArrayLike<number> } | undefined)?.data;
  if (!data || data.length < 4) return 1;
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += THREE.ColorManagement.colorSpaceToWorking(new THREE.Color((data[i] as number) / 255, 0, 0), THREE.SRGBColorSpace).r;
  return sum / (data.length / 4);
}

/** Whether a material is a preview copy made by previewMaterialOf. */
export function isPreviewMaterial(m: THREE.Material): m is THREE.ShaderMaterial {
  return (m as THREE.ShaderMaterial).isShaderMaterial === true && typeof m.userData['previewOf'] === 'string';
}

/**
 * A material running the preview shader with the base fields of `base` (blending, side, depth
 * test and write, polygon offset, name ...), the scene's lights and, if `fog`, its fog.
 */
export function previewShaderMaterial(
  base: THREE.Material & { fog: boolean },
  uniforms: Record<string, THREE.IUniform>,
  defines: Record<string, string>,
  fog: boolean,
): THREE.ShaderMaterial {
  const all = { ...THREE.UniformsUtils.merge([THREE.UniformsLib.lights, THREE.UniformsLib.fog]), ...uniforms };
  const p = new THREE.ShaderMaterial({ uniforms: all, defines, vertexShader: previewVertexShader, fragmentShader: previewFragmentShader, lights: true });
  // ShaderMaterial's own copy would also take the original's shaders, which it has none of.
  THREE.Material.prototype.copy.call(p, base);
  p.fog = fog && base.fog;
  // Tone mapping and sRGB encoding happen per vertex, in the shader.
  p.toneMapped = false;
  return p;
}

/**
 * Replaces every lit material below `root` by its preview copy (one copy per original).
 * Returns the copies and the display copies of textures, for disposal with the scene; the
 * originals stay with their owners.
 */
export function usePreviewLook(root: THREE.Object3D, options: { fog: boolean }): { materials: THREE.ShaderMaterial[]; textures: THREE.Texture[] } {
  const copies = new Map<THREE.Material, THREE.ShaderMaterial>();
  const textures = new Map<THREE.Texture, THREE.Texture>();
  const swap = (m: THREE.Material): THREE.Material => {
    if (!isLit(m)) return m;
    let p = copies.get(m);
    if (!p) {
      p = previewMaterialOf(m, options.fog, textures);
      copies.set(m, p);
    }
    return p;
  };
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    // Meshes on no layer are never drawn (a batch draws them).
    if (!mesh.isMesh || mesh.layers.mask === 0) return;
    mesh.material = Array.isArray(mesh.material) ? mesh.material.map(swap) : swap(mesh.material);
  });
  return { materials: [...copies.values()], textures: [...textures.values()] };
}
