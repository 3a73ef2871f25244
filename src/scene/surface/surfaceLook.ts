/**
 * Colours and roughness of the ground layers for a setting and weather: wet roads are darker
 * and glossier, snow cover whitens everything lying flat.
 */
import * as THREE from 'three';
import type { ScenarioInstance } from '../../scenario/types.js';

export interface LayerLook {
  colour: THREE.Color;
  roughness: number;
}

export interface SurfaceLook {
  asphalt: LayerLook;
  parking: LayerLook;
  marking: LayerLook;
  kerb: LayerLook;
  sidewalk: LayerLook;
  terrain: LayerLook;
  /** Puddle material: near-mirror dark water. */
  puddle: LayerLook;
  /** How wet the road looks 0..1 (drives the sky reflection). */
  wetness: number;
}

const SNOW = new THREE.Color(0xf2f4f7);

function layer(hex: number, roughness: number, wet: number, wetDarken: number, wetRoughness: number, snow: number): LayerLook {
  const c = new THREE.Color(hex).multiplyScalar(1 - wetDarken * wet).lerp(SNOW, snow);
  return { colour: c, roughness: THREE.MathUtils.lerp(THREE.MathUtils.lerp(roughness, wetRoughness, wet), 0.7, snow) };
}

export function surfaceLook(instance: ScenarioInstance): SurfaceLook {
  const w = instance.weather;
  const surface = instance.road.surface;
  // A road that is wet by surface choice or by rain looks wet even if wetness was left at 0.
  const wet = Math.max(w.wetness, surface === 'wet' ? 0.8 : 0, Math.min(1, w.rain * 1.5), surface === 'ice' ? 0.6 : 0);
  const cover = Math.max(w.snowCover, surface === 'snow' ? 0.8 : 0);
  // Traffic keeps the carriageway clearer than the verges.
  const roadSnow = cover * 0.55;
  const setting = instance.road.setting;
  const terrainHex = setting === 'urban' ? 0x6b6a64 : setting === 'highway' ? 0x6f7a4a : 0x5d7a3a;
  return {
    asphalt: layer(0x404042, 0.92, wet, 0.3, 0.35, roadSnow),
    parking: layer(0x4a4a4b, 0.9, wet, 0.3, 0.4, cover * 0.8),
    marking: layer(0xe8e8e0, 0.7, wet, 0.15, 0.3, roadSnow * 0.5),
    kerb: layer(0x9a9892, 0.85, wet, 0.3, 0.4, cover),
    sidewalk: layer(0x8f8c86, 0.9, wet, 0.35, 0.35, cover),
    terrain: layer(terrainHex, 0.97, wet, 0.25, 0.7, cover),
    puddle: { colour: new THREE.Color(0x1a1c20).lerp(SNOW, cover * 0.3), roughness: 0.04 },
    wetness: cover > 0.5 ? wet * 0.3 : wet,
  };
}
