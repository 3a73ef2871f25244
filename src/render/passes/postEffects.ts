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
  int drops = int(floor(lensDrops * 24.0 + 0.5));
  for (int i = 0; i < 24; i++) {
    if (i >= drops) break;
    vec2 c = vec2(hash12(vec2(float(i), seed)), hash12(vec2(seed, float(i) + 7.0)));
    float r = mix(0.015, 0.06, hash12(vec2(float(i) * 3.1, seed + 1.0)));
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
      },
      depthTest: false,
      depthWrite: false,
      // The input is already tone mapped and sRGB encoded: write it as it is.
      toneMapped: false,
    });
    const quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.material);
    quad.frustumCulled = false;
    this.scene.add(quad);
  }

  /** Draws the final image into the canvas. */
  render(renderer: THREE.WebGLRenderer, inputs: PostEffectInputs): void {
    const u = this.material.uniforms;
    u.tImage.value = inputs.image;
    u.tPrevious.value = inputs.previous ?? inputs.image;
    u.blurMix.value = inputs.previous ? inputs.blurMix : 0;
    u.noise.value = inputs.noise;
    u.glare.value = inputs.glare;
    u.lensDrops.value = inputs.lensDrops;
    u.seed.value = (inputs.seed % 9973) + 0.5;
    u.tick.value = inputs.tick;
    renderer.setRenderTarget(null);
    renderer.render(this.scene, this.camera);
  }

  dispose(): void {
    this.material.dispose();
    (this.scene.children[0] as THREE.Mesh).geometry.dispose();
  }
}
