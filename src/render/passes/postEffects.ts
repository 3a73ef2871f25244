/**
 * The RGB pass's full-screen post shader over the tone-mapped sRGB image: camera effects of
 * SceneRig.effects. Everything is a function of the image, the tick and the seed (hashes, no
 * random state), so the same request gives the same frame.
 *   motion blur  blend with the frame drawn one tick earlier
 *   glare        ring-sampled bloom around near-white light
 *   lens drops   seeded round drops that show a flipped, blurred view
 *   noise        per-pixel sensor noise
 *   antialias    FXAA over a scene drawn without multisampling
 */
import * as THREE from 'three';

/** Shared by both draws: the image (with motion blur), glare and noise, as functions of uv. */
const COMMON = /* glsl */ `
uniform sampler2D tImage;
uniform sampler2D tPrevious;
uniform float blurMix;
uniform float noise;
uniform float glare;
uniform float seed;
uniform float tick;
uniform vec2 resolution;
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

/** Glare and sensor noise over a pixel's colour: the last steps of every pixel. */
vec3 finish(vec3 colour, vec2 uv) {
  float aspect = resolution.x / resolution.y;
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
  return clamp(colour, 0.0, 1.0);
}`;

/** The full-screen draw: every pixel outside the lens drops. */
const IMAGE_VERTEX = /* glsl */ `
varying vec2 vUv;
void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }`;

const IMAGE_FRAGMENT = /* glsl */ `
uniform float antialias;
${COMMON}

/**
 * FXAA (the edge-directed filter of Lottes' FXAA, in the form three.js once shipped): blends
 * along an edge found from the luma of the four diagonal neighbours. It antialiases the
 * single-sampled scene image, which a software rasterizer draws at a fraction of the cost of a
 * multisampled one.
 */
vec3 antialiased(vec2 uv) {
  vec2 rcp = 1.0 / resolution;
  vec3 rgbNW = texture2D(tImage, uv + vec2(-1.0, -1.0) * rcp).rgb;
  vec3 rgbNE = texture2D(tImage, uv + vec2(1.0, -1.0) * rcp).rgb;
  vec3 rgbSW = texture2D(tImage, uv + vec2(-1.0, 1.0) * rcp).rgb;
  vec3 rgbSE = texture2D(tImage, uv + vec2(1.0, 1.0) * rcp).rgb;
  vec3 rgbM = texture2D(tImage, uv).rgb;
  vec3 luma = vec3(0.299, 0.587, 0.114);
  float lumaNW = dot(rgbNW, luma);
  float lumaNE = dot(rgbNE, luma);
  float lumaSW = dot(rgbSW, luma);
  float lumaSE = dot(rgbSE, luma);
  float lumaM = dot(rgbM, luma);
  float lumaMin = min(lumaM, min(min(lumaNW, lumaNE), min(lumaSW, lumaSE)));
  float lumaMax = max(lumaM, max(max(lumaNW, lumaNE), max(lumaSW, lumaSE)));
  // Flat areas (most of a frame) keep their pixel.
  if (lumaMax - lumaMin < max(0.0312, lumaMax * 0.125)) return rgbM;
  vec2 dir = vec2(-((lumaNW + lumaNE) - (lumaSW + lumaSE)), (lumaNW + lumaSW) - (lumaNE + lumaSE));
  float dirReduce = max((lumaNW + lumaNE + lumaSW + lumaSE) * (0.25 / 8.0), 1.0 / 128.0);
  float rcpDirMin = 1.0 / (min(abs(dir.x), abs(dir.y)) + dirReduce);
  dir = clamp(dir * rcpDirMin, vec2(-8.0), vec2(8.0)) * rcp;
  vec3 rgbA = 0.5 * (texture2D(tImage, uv + dir * (1.0 / 3.0 - 0.5)).rgb + texture2D(tImage, uv + dir * (2.0 / 3.0 - 0.5)).rgb);
  vec3 rgbB = rgbA * 0.5 + 0.25 * (texture2D(tImage, uv - dir * 0.5).rgb + texture2D(tImage, uv + dir * 0.5).rgb);
  float lumaB = dot(rgbB, luma);
  return lumaB < lumaMin || lumaB > lumaMax ? rgbA : rgbB;
}

void main() {
  vec3 c = antialias > 0.0 ? antialiased(vUv) : texture2D(tImage, vUv).rgb;
  vec3 colour = blurMix > 0.0 ? mix(c, texture2D(tPrevious, vUv).rgb, blurMix) : c;
  gl_FragColor = vec4(finish(colour, vUv), 1.0);
}`;

/**
 * Lens drops, drawn over the full-screen draw as one quad per drop (the square around its
 * circle), so only the pixels near a drop pay for it. Quads come in reverse drop order: where
 * drops overlap, the lowest-numbered one is drawn last and shows.
 */
const DROP_VERTEX = /* glsl */ `
attribute vec3 drop;
varying vec2 vUv;
varying vec3 vDrop;
void main() { vUv = uv; vDrop = drop; gl_Position = vec4(position.xy, 0.0, 1.0); }`;

const DROP_FRAGMENT = /* glsl */ `
${COMMON}
varying vec3 vDrop;

void main() {
  vec2 uv = vUv;
  vec2 c = vDrop.xy;
  float r = vDrop.z;
  float dist = length((uv - c) * vec2(resolution.x / resolution.y, 1.0));
  if (dist >= r) discard;
  // A drop acts as a small lens: a flipped, magnified and blurred view of its neighbourhood.
  vec2 src = c - (uv - c) * 2.5;
  vec3 acc = vec3(0.0);
  for (int k = 0; k < 4; k++) {
    vec2 o = vec2(float(k - 2 * (k / 2)) - 0.5, float(k / 2) - 0.5) * 0.006;
    acc += imageAt(clamp(src + o, 0.0, 1.0));
  }
  vec3 colour = acc * 0.25 * (1.0 - 0.35 * smoothstep(0.6 * r, r, dist));
  gl_FragColor = vec4(finish(colour, uv), 1.0);
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

/** Centres (uv) and radii of the lens drops of a frame (x, y, r per drop), as the shader used to hash them. */
export function lensDrops(amount: number, seedUniform: number): Float32Array {
  const n = Math.min(MAX_DROPS, Math.floor(amount * MAX_DROPS + 0.5));
  const out = new Float32Array(n * 3);
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
  /** Antialias the image (FXAA): for a scene drawn without multisampling. */
  antialias?: boolean;
}

/** Whether any camera effect changes the image (else the post pass is needed only to antialias). */
export function hasEffects(e: { motionBlur: number; noise: number; lensDrops: number; glare: number }): boolean {
  return e.motionBlur > 0 || e.noise > 0 || e.lensDrops > 0 || e.glare > 0;
}

export class PostEffects {
  private readonly uniforms: Record<string, THREE.IUniform>;
  private readonly image: THREE.ShaderMaterial;
  private readonly dropMaterial: THREE.ShaderMaterial;
  private readonly dropGeometry = new THREE.BufferGeometry();
  private readonly scene = new THREE.Scene();
  private readonly dropScene = new THREE.Scene();
  private readonly camera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);

  constructor(
    private readonly widthPx: number,
    private readonly heightPx: number,
  ) {
    this.uniforms = {
      tImage: { value: null },
      tPrevious: { value: null },
      blurMix: { value: 0 },
      noise: { value: 0 },
      glare: { value: 0 },
      seed: { value: 0 },
      tick: { value: 0 },
      antialias: { value: 0 },
      resolution: { value: new THREE.Vector2(widthPx, heightPx) },
    };
    const common = {
      uniforms: this.uniforms,
      depthTest: false,
      depthWrite: false,
      // The input is already tone mapped and sRGB encoded: write it as it is.
      toneMapped: false,
    };
    this.image = new THREE.ShaderMaterial({ ...common, vertexShader: IMAGE_VERTEX, fragmentShader: IMAGE_FRAGMENT });
    this.dropMaterial = new THREE.ShaderMaterial({ ...common, vertexShader: DROP_VERTEX, fragmentShader: DROP_FRAGMENT });
    const quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.image);
    quad.frustumCulled = false;
    this.scene.add(quad);
    const g = this.dropGeometry;
    g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(MAX_DROPS * 4 * 3), 3));
    g.setAttribute('uv', new THREE.BufferAttribute(new Float32Array(MAX_DROPS * 4 * 2), 2));
    g.setAttribute('drop', new THREE.BufferAttribute(new Float32Array(MAX_DROPS * 4 * 3), 3));
    const index: number[] = [];
    for (let q = 0; q < MAX_DROPS; q++) index.push(4 * q, 4 * q + 1, 4 * q + 2, 4 * q + 2, 4 * q + 1, 4 * q + 3);
    g.setIndex(index);
    const drops = new THREE.Mesh(g, this.dropMaterial);
    drops.frustumCulled = false;
    this.dropScene.add(drops);
  }

  /** Fills the drop quads (last drop first) and returns how many there are. */
  private placeDrops(amount: number, seedUniform: number): number {
    const drops = lensDrops(amount, seedUniform);
    const n = drops.length / 3;
    const pos = this.dropGeometry.getAttribute('position') as THREE.BufferAttribute;
    const uv = this.dropGeometry.getAttribute('uv') as THREE.BufferAttribute;
    const drop = this.dropGeometry.getAttribute('drop') as THREE.BufferAttribute;
    const aspect = this.widthPx / this.heightPx;
    for (let i = 0; i < n; i++) {
      const q = n - 1 - i;
      const [cx, cy, r] = [drops[i * 3]!, drops[i * 3 + 1]!, drops[i * 3 + 2]!];
      // The square around the drop's circle, one pixel wider on each side.
      const hx = r / aspect + 1 / this.widthPx;
      const hy = r + 1 / this.heightPx;
      for (let v = 0; v < 4; v++) {
        const u = cx + (v % 2 === 0 ? -hx : hx);
        const w = cy + (v < 2 ? -hy : hy);
        pos.setXYZ(4 * q + v, 2 * u - 1, 2 * w - 1, 0);
        uv.setXY(4 * q + v, u, w);
        drop.setXYZ(4 * q + v, cx, cy, r);
      }
    }
    for (const a of [pos, uv, drop]) a.needsUpdate = true;
    this.dropGeometry.setDrawRange(0, n * 6);
    return n;
  }

  /** Draws the final image into `target` (null: the canvas). */
  render(renderer: THREE.WebGLRenderer, inputs: PostEffectInputs, target: THREE.WebGLRenderTarget | null = null): void {
    const u = this.uniforms;
    u.tImage!.value = inputs.image;
    u.tPrevious!.value = inputs.previous ?? inputs.image;
    u.blurMix!.value = inputs.previous ? inputs.blurMix : 0;
    u.noise!.value = inputs.noise;
    u.glare!.value = inputs.glare;
    u.seed!.value = (inputs.seed % 9973) + 0.5;
    u.tick!.value = inputs.tick;
    u.antialias!.value = inputs.antialias ? 1 : 0;
    const drops = this.placeDrops(inputs.lensDrops, Math.fround(u.seed!.value as number));
    renderer.setRenderTarget(target);
    renderer.render(this.scene, this.camera);
    if (drops > 0) {
      const autoClear = renderer.autoClear;
      renderer.autoClear = false;
      renderer.render(this.dropScene, this.camera);
      renderer.autoClear = autoClear;
    }
    renderer.setRenderTarget(null);
  }

  dispose(): void {
    this.image.dispose();
    this.dropMaterial.dispose();
    this.dropGeometry.dispose();
    (this.scene.children[0] as THREE.Mesh).geometry.dispose();
  }
}
