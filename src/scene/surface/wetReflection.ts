/**
 * A cheap wet-surface look for standard materials: a Fresnel-weighted reflection of the sky
 * gradient (horizon to zenith by the reflected direction) added in the shader. It stands in
 * for an environment map, whose prefiltering takes seconds on a software renderer.
 */
import type * as THREE from 'three';
import type { MaterialLibrary } from '../materials/materialLibrary.js';

export interface WetSky {
  horizon: THREE.Color;
  zenith: THREE.Color;
}

export interface WetUniforms {
  wetReflect: { value: number };
  wetHorizon: { value: THREE.Color };
  wetZenith: { value: THREE.Color };
}

/** The reflection uniforms of each patched material (the preview look shades them per vertex). */
const patched = new WeakMap<THREE.Material, WetUniforms>();

/** The wet reflection a material was given, if any. */
export function wetReflectionOf(material: THREE.Material): WetUniforms | undefined {
  return patched.get(material);
}

/** Patches a material in place; `wetness` 0..1 scales the reflection (1 = standing water). */
export function addWetReflection(material: THREE.MeshStandardMaterial, sky: WetSky, wetness: number): void {
  if (wetness <= 0) return;
  const uniforms: WetUniforms = {
    wetReflect: { value: wetness },
    wetHorizon: { value: sky.horizon.clone() },
    wetZenith: { value: sky.zenith.clone() },
  };
  patched.set(material, uniforms);
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms);
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nuniform float wetReflect;\nuniform vec3 wetHorizon;\nuniform vec3 wetZenith;')
      .replace(
        '#include <opaque_fragment>',
        `{
          vec3 toEye = normalize(vViewPosition);
          vec3 rV = reflect(-toEye, normalize(normal));
          vec3 rW = normalize((vec4(rV, 0.0) * viewMatrix).xyz);
          float fres = 0.04 + 0.96 * pow(1.0 - clamp(dot(toEye, normalize(normal)), 0.0, 1.0), 5.0);
          vec3 skyCol = mix(wetHorizon, wetZenith, pow(clamp(rW.y, 0.0, 1.0), 0.5));
          outgoingLight += skyCol * fres * wetReflect;
        }
        #include <opaque_fragment>`,
      );
  };
  material.customProgramCacheKey = () => 'wet-reflection';
}

/** Reflection strength of each road layer at full wetness. */
const WET_LAYERS: Record<string, number> = { asphalt: 0.55, parking: 0.5, marking: 0.35, crosswalk: 0.35, sidewalk: 0.2, kerb: 0.15, puddle: 1.0 };

/** Gives the road layers of a library their wet look (puddles reflect even on a dry day). */
export function wetRoadLayers(lib: MaterialLibrary, sky: WetSky, wetness: number): void {
  for (const [key, strength] of Object.entries(WET_LAYERS)) {
    const m = lib.find(key);
    const w = key === 'puddle' ? strength : strength * wetness;
    if (m) addWetReflection(m, sky, w);
  }
}
