/**
 * The RGB pass's full-screen post shader over the tone-mapped sRGB image: camera effects of
 * SceneRig.effects. Everything is a function of the image, the tick and the seed (hashes, no
 * random state), so the same request gives the same frame.
 *   motion blur  blend with the frame drawn one tick earlier
 *   glare        ring-sampled bloom around near-white light
 *   lens drops   seeded round drops that show a flipped, blurred view
 *   noise        per-pixel sensor noise
 */
import * as THREE from 'three';

const VERTEX = /* glsl */ `
varying vec2 vUv;
void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }`;

const FRAGMENT = /* glsl */ `
uniform sampler2D tImage;
uniform sampler2D tPrevious;
uniform float blurMix;
uniform float noise;
uniform float glare;
uniform float lensDrops;
uniform float seed;
uniform float tick;
uniform vec2 resolution;
/** Lens drops: centre (uv) and radius (fraction of the image height), computed once per frame (lensDrops()). */
uniform vec3 drops[MAX_DROPS];
uniform int dropCount;
varying vec2 vUv;

float hash12(vec2 p) {
  vec3 p3 = fract(vec3(p.xyx) * 0.1031);
  p3 += dot(p3, p3.yzx + 33.33);
  return fract((p3.x + p3.y) * p3.z);
}

vec3 imageAt(vec2 uv) {
  vec3 c = texture2D(tImage, uv).rgb;
  return blurMix > 0.0 ? mix(c, texture2D(tPrevious, uv).rgb, blurMix) : c;
}

void main() {
  vec2 uv = vUv;
  float aspect = resolution.x / resolution.y;
  vec3 colour;
  float dropEdge = 0.0;
  bool inDrop = false;
  for (int i = 0; i < MAX_DROPS; i++) {
    if (i >= dropCount) break;
    vec2 c = drops[i].xy;
    float r = drops[i].z;
    float dist = length((uv - c) * vec2(aspect, 1.0));
    if (dist < r) {
      // A drop acts as a small lens: a flipped, magnified and blurred view of its neighbourhood.
      vec2 src = c - (uv - c) * 2.5;
      vec3 acc = vec3(0.0);
      for (int k = 0; k < 4; k++) {
        vec2 o = vec2(float(k - 2 * (k / 2)) - 0.5, float(k / 2) - 0.5) * 0.006;
        acc += imageAt(clamp(src + o, 0.0, 1.0));
      }
      colour = acc * 0.25;
      dropEdge = smoothstep(0.6 * r, r, dist);
      inDrop = true;
      break;
    }
  }
  if (!inDrop) colour = imageAt(uv);
  colour *= 1.0 - 0.35 * dropEdge;
  if (glare > 0.0) {
    vec3 bloom = vec3(0.0);
    for (int ring = 1; ring <= 3; ring++) {
      for (int k = 0; k < 8; k++) {
        float a = 6.2831853 * (float(k) + 0.5 * float(ring)) / 8.0;
        vec2 o = vec2(cos(a), sin(a) * aspect) * 0.02 * float(ring * ring);
        vec3 s = texture2D(tImage, clamp(uv + o, 0.0, 1.0)).rgb;
        bloom += smoothstep(0.8, 1.0, max(s.r, max(s.g, s.b))) * s / float(ring);
      }
    }
    colour += glare * bloom * 0.12;
  }
  if (noise > 0.0) {
    vec2 px = floor(uv * resolution);
    float n = hash12(px + vec2(tick * 17.0, seed)) + hash12(px * 1.7 + vec2(seed, tick)) - 1.0;
    colour += n * noise * 0.12;
  }
  gl_FragColor = vec4(clamp(colour, 0.0, 1.0), 1.0);
}`;

const MAX_DROPS = 24;

const fract = (x: number): number => Math.fround(x - Math.floor(x));
const f = Math.fround;

/**
 * The shader's hash12 in float32 arithmetic: drop placement was once hashed per pixel in the
 * shader (24 drops x 3 hashes at every pixel, most of the post pass's cost under a software
 * rasterizer); it is the same function of (drop, seed), so it is computed here once per frame.
 */
export function hash12(px: number, py: number): number {
  let x = fract(f(f(px) * f(0.1031)));
  let y = fract(f(f(py) * f(0.1031)));
  let z = fract(f(f(px) * f(0.1031)));
  const d = f(f(f(x * f(y + f(33.33))) + f(y * f(z + f(33.33)))) + f(z * f(x + f(33.33))));
  x = f(x + d);
  y = f(y + d);
  z = f(z + d);
  return fract(f(f(x + y) * z));
}

/** Centres (uv) and radii of the lens drops of a frame, as the shader used to hash them. */
export function lensDrops(amount: number, seedUniform: number): Float32Array {
  const n = Math.min(MAX_DROPS, Math.floor(amount * MAX_DROPS + 0.5));
  const out = new Float32Array(MAX_DROPS * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = hash12(i, seedUniform);
    out[i * 3 + 1] = hash12(seedUniform, f(i + 7));
    const h = hash12(f(f(i) * f(3.1)), f(seedUniform + 1));
    out[i * 3 + 2] = f(0.015 + f(f(0.06 - 0.015) * h));
  }
  return out;
}

export interface PostEffectInputs {
  /** This tick's frame, tone mapped and sRGB encoded. */
  image: THREE.Texture;
  /** The previous tick's frame, for motion blur. */
  previous: THREE.Texture | null;
  /** Blend weight of the previous frame, 0..1. */
  blurMix: number;
  noise: number;
  glare: number;
  lensDrops: number;
  seed: number;
  tick: number;
}

export class PostEffects {
  private readonly material: THREE.ShaderMaterial;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);

  constructor(widthPx: number, heightPx: number) {
    this.material = new THREE.ShaderMaterial({
      vertexShader: VERTEX,
      fragmentShader: FRAGMENT,
      uniforms: {
        tImage: { value: null },
        tPrevious: { value: null },
        blurMix: { value: 0 },
        noise: { value: 0 },
        glare: { value: 0 },
        lensDrops: { value: 0 },
        seed: { value: 0 },
        tick: { value: 0 },
        resolution: { value: new THREE.Vector2(widthPx, heightPx) },
        drops: { value: new Float32Array(MAX_DROPS * 3) },
        dropCount: { value: 0 },
      },
      defines: { MAX_DROPS },
      depthTest: false,
      depthWrite: false,
      // The input is already tone mapped and sRGB encoded: write it as it is.
      toneMapped: false,
    });
    const quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.material);
    quad.frustumCulled = false;
    this.scene.add(quad);
  }

  /** Draws the final image into `target` (null: the canvas). */
  render(renderer: THREE.WebGLRenderer, inputs: PostEffectInputs, target: THREE.WebGLRenderTarget | null = null): void {
    const u = this.material.uniforms;
    u.tImage.value = inputs.image;
    u.tPrevious.value = inputs.previous ?? inputs.image;
    u.blurMix.value = inputs.previous ? inputs.blurMix : 0;
    u.noise.value = inputs.noise;
    u.glare.value = inputs.glare;
    u.lensDrops.value = inputs.lensDrops;
    u.seed.value = (inputs.seed % 9973) + 0.5;
    const drops = lensDrops(inputs.lensDrops, Math.fround(u.seed.value as number));
    u.drops.value = drops;
    u.dropCount.value = Math.min(MAX_DROPS, Math.floor(inputs.lensDrops * MAX_DROPS + 0.5));
    u.tick.value = inputs.tick;
    renderer.setRenderTarget(target);
    renderer.render(this.scene, this.camera);
    renderer.setRenderTarget(null);
  }

  dispose(): void {
    this.material.dispose();
    (this.scene.children[0] as THREE.Mesh).geometry.dispose();
  }
}
