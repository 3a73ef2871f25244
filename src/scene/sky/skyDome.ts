/**
 * The sky: a gradient dome with a sun disc and halo at the far plane (APPEARANCE layer only).
 * No scene.environment: prefiltering one takes seconds on a software renderer; wet surfaces
 * reflect the same gradient through wetReflection.ts instead.
 */
import * as THREE from 'three';
import type { SkyState } from './skyModel.js';
import type { SceneQuality } from '../types.js';
import { RENDER_ORDER } from '../materials/renderOrder.js';
import { tagAppearance } from '../materials/tagging.js';

// The gradient and the halo are smooth, so they are computed per vertex; the fragment shader
// only adds the sun disc. Full-screen fragment work is what costs on a software rasteriser.
// The preview (PREVIEW_SKY) also tone-maps and encodes per vertex and draws no disc, so its
// fragments only copy a colour (see previewLook.ts).
/** What both stages declare: the sun, the haze and what the vertices pass on. */
const shared = /* glsl */ `
uniform vec3 sunDir;
uniform vec3 sunColour;
uniform float sunVisible;
uniform float haze;
varying vec3 vColour;
varying vec3 vDir;`;

const vertexShader = /* glsl */ `
#ifdef PREVIEW_SKY
#include <tonemapping_pars_fragment>
#include <colorspace_pars_fragment>
#endif
uniform vec3 zenith;
uniform vec3 horizon;
${shared}
void main() {
  vec3 d = normalize(position);
  float up = max(d.y, 0.0);
  vec3 col = mix(horizon, zenith, pow(up, 0.45));
  col = mix(col, horizon * 0.6, smoothstep(0.0, -0.15, d.y));
  float c = max(dot(d, sunDir), 0.0);
  col += sunColour * sunVisible * (pow(c, 8.0) * 0.35 + pow(c, 64.0) * 0.8);
  vColour = mix(col, horizon, haze);
  #ifdef PREVIEW_SKY
  vColour = sRGBTransferOETF(vec4(ACESFilmicToneMapping(vColour), 1.0)).rgb;
  #endif
  vDir = d;
  vec4 p = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_Position = p.xyww;
}`;

const fragmentShader = /* glsl */ `
${shared}
void main() {
  #ifdef PREVIEW_SKY
  gl_FragColor = vec4(vColour, 1.0);
  return;
  #endif
  float cosSun = dot(normalize(vDir), sunDir);
  float disc = smoothstep(0.99985, 0.99993, cosSun) * (1.0 - haze);
  gl_FragColor = vec4(vColour + sunColour * sunVisible * disc * 40.0, 1.0);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
}`;

/** Angle the preview dome reaches below the horizon [rad]: the ground hides the rest. */
const PREVIEW_BELOW_HORIZON_RAD = 0.15;

export function buildSkyDome(sky: SkyState, haze: number, quality: SceneQuality): THREE.Mesh {
  const preview = quality === 'preview';
  const material = new THREE.ShaderMaterial({
    defines: preview ? { PREVIEW_SKY: '' } : {},
    uniforms: {
      zenith: { value: sky.zenith.clone() },
      horizon: { value: sky.horizon.clone() },
      sunDir: { value: sky.sunDir.clone() },
      sunColour: { value: sky.sunColour.clone() },
      sunVisible: { value: Math.min(1, sky.sunIntensity / 1.2) },
      haze: { value: haze },
    },
    vertexShader,
    fragmentShader,
    side: THREE.BackSide,
    depthWrite: false,
    fog: false,
    // The preview's colours leave the vertex shader tone-mapped and encoded.
    toneMapped: !preview,
  });
  const geometry = preview ? new THREE.SphereGeometry(1000, 48, 20, 0, Math.PI * 2, 0, Math.PI / 2 + PREVIEW_BELOW_HORIZON_RAD) : new THREE.SphereGeometry(1000, 48, 32);
  const dome = new THREE.Mesh(geometry, material);
  dome.name = 'sky';
  // Drawn after every opaque thing: at the far plane it only shades pixels nothing else covered.
  dome.renderOrder = RENDER_ORDER.sky;
  dome.frustumCulled = false;
  return tagAppearance(dome);
}
