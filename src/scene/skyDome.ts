/**
 * The sky: a gradient dome with a sun disc and halo that follows the camera (APPEARANCE layer
 * only), and a small equirectangular copy of it as the scene environment for reflections.
 */
import * as THREE from 'three';
import type { SkyState } from './skyModel.js';
import { tagAppearance } from './tagging.js';

const vertexShader = /* glsl */ `
varying vec3 vDir;
void main() {
  vDir = normalize(position);
  vec4 p = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_Position = p.xyww;
}`;

const fragmentShader = /* glsl */ `
uniform vec3 zenith;
uniform vec3 horizon;
uniform vec3 sunDir;
uniform vec3 sunColour;
uniform float sunVisible;
uniform float haze;
varying vec3 vDir;
void main() {
  vec3 d = normalize(vDir);
  float up = max(d.y, 0.0);
  vec3 col = mix(horizon, zenith, pow(up, 0.45));
  col = mix(col, horizon * 0.6, smoothstep(0.0, -0.15, d.y));
  float cosSun = dot(d, sunDir);
  float halo = pow(max(cosSun, 0.0), 8.0) * 0.35 + pow(max(cosSun, 0.0), 200.0) * 1.5;
  float disc = smoothstep(0.99985, 0.99993, cosSun);
  col += sunColour * sunVisible * (halo + disc * 40.0);
  col = mix(col, horizon, haze);
  gl_FragColor = vec4(col, 1.0);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
}`;

export function buildSkyDome(sky: SkyState, haze: number): THREE.Mesh {
  const material = new THREE.ShaderMaterial({
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
  });
  const dome = new THREE.Mesh(new THREE.SphereGeometry(1000, 32, 16), material);
  dome.name = 'sky';
  dome.renderOrder = -1000;
  dome.frustumCulled = false;
  return tagAppearance(dome);
}

/** Equirectangular sky radiance (linear, half-float-free Float32) for scene.environment. */
export function skyEnvironment(sky: SkyState, haze: number): THREE.DataTexture {
  const w = 64;
  const h = 32;
  const data = new Float32Array(w * h * 4);
  const col = new THREE.Color();
  const dir = new THREE.Vector3();
  for (let j = 0; j < h; j++) {
    const lat = (0.5 - (j + 0.5) / h) * Math.PI;
    for (let i = 0; i < w; i++) {
      const lon = ((i + 0.5) / w) * 2 * Math.PI;
      dir.set(-Math.cos(lat) * Math.sin(lon), Math.sin(lat), Math.cos(lat) * Math.cos(lon));
      if (dir.y >= 0) col.copy(sky.horizon).lerp(sky.zenith, Math.pow(dir.y, 0.45));
      else col.copy(sky.horizon).multiplyScalar(0.35);
      col.lerp(sky.horizon, haze);
      const o = (j * w + i) * 4;
      data[o] = col.r;
      data[o + 1] = col.g;
      data[o + 2] = col.b;
      data[o + 3] = 1;
    }
  }
  const tex = new THREE.DataTexture(data, w, h, THREE.RGBAFormat, THREE.FloatType);
  tex.mapping = THREE.EquirectangularReflectionMapping;
  tex.colorSpace = THREE.LinearSRGBColorSpace;
  tex.magFilter = THREE.LinearFilter;
  tex.minFilter = THREE.LinearFilter;
  tex.needsUpdate = true;
  return tex;
}
