/**
 * The RGB pass: the scene as built, drawn into the canvas with ACES tone mapping (exposure from
 * the rig) and sRGB output, single-sampled. Antialiasing (FXAA) and camera effects are a post
 * pass over a copy of that image: this keeps the costly scene draw on the cheapest path (a
 * multisampled canvas measured 2.5x the scene's cost under llvmpipe, a half-float multisampled
 * target 2-3x under SwiftShader). Motion blur draws the previous tick too, at half resolution
 * (a quarter of the cost; it is blurred anyway), and blends the two.
 */
import * as THREE from 'three';
import type { SceneRig } from '../../scene/types.js';
import { hasEffects, PostEffects } from './postEffects.js';

export class RgbPass {
  /** Copies of the canvas: this tick, and the previous tick for motion blur. */
  private readonly current: THREE.FramebufferTexture;
  private readonly previous: THREE.FramebufferTexture;
  private readonly post: PostEffects;
  /**
   * Where the post pass writes: a plain (not multisampled) target. A full-screen quad gains
   * nothing from multisampling, and a software rasterizer shades a multisampled canvas at
   * every sample (measured 2-4x the cost of the pass under llvmpipe).
   */
  private readonly output: THREE.WebGLRenderTarget;

  /** @param fxaa  antialias the image in the post pass (FXAA); the canvas is single-sampled */
  constructor(
    private readonly widthPx: number,
    private readonly heightPx: number,
    private readonly fxaa: boolean,
  ) {
    this.current = new THREE.FramebufferTexture(widthPx, heightPx);
    this.previous = new THREE.FramebufferTexture(Math.ceil(widthPx / 2), Math.ceil(heightPx / 2));
    this.previous.minFilter = THREE.LinearFilter;
    this.previous.magFilter = THREE.LinearFilter;
    this.post = new PostEffects(widthPx, heightPx);
    this.output = new THREE.WebGLRenderTarget(widthPx, heightPx, {
      type: THREE.UnsignedByteType,
      samples: 0,
      depthBuffer: false,
      generateMipmaps: false,
      minFilter: THREE.NearestFilter,
      magFilter: THREE.NearestFilter,
    });
  }

  /**
   * Renders tick `tick` of the rig into the canvas; leaves the rig posed at `tick`.
   * @param lap  profiling: called after each step with its name (scene, sceneAndShadowMaps, copy, blurScene, post)
   * @returns where the frame is: the post pass's target, or null for the canvas (no antialiasing, no camera effects)
   */
  render(renderer: THREE.WebGLRenderer, rig: SceneRig, tick: number, seed: number, lap?: (stage: string) => void): THREE.WebGLRenderTarget | null {
    const e = rig.effects;
    const blur = tick > 0 ? Math.min(1, Math.max(0, e.motionBlur)) : 0;
    if (lap) {
      // Profiling: the scene first without redrawing its shadow maps, then as exported, splits out their cost.
      this.drawScene(renderer, rig, false);
      lap('scene');
    }
    this.drawScene(renderer, rig, true);
    lap?.('sceneAndShadowMaps');
    if (!this.fxaa && !hasEffects({ ...e, motionBlur: blur })) return null;
    renderer.copyFramebufferToTexture(this.current);
    lap?.('copy');
    if (blur > 0) {
      // The blur sample reuses this tick's shadow maps: redrawing them costs as much as the
      // frame itself, and one tick of shadow motion is invisible under the blur.
      rig.setTick(tick - 1);
      renderer.setViewport(0, 0, this.previous.image.width, this.previous.image.height);
      this.drawScene(renderer, rig, false);
      renderer.copyFramebufferToTexture(this.previous);
      renderer.setViewport(0, 0, this.widthPx, this.heightPx);
      rig.setTick(tick);
      lap?.('blurScene');
    }
    this.post.render(
      renderer,
      {
        image: this.current,
        previous: blur > 0 ? this.previous : null,
        blurMix: 0.5 * blur,
        noise: e.noise,
        glare: e.glare,
        lensDrops: e.lensDrops,
        seed,
        tick,
        antialias: this.fxaa,
      },
      this.output,
    );
    lap?.('post');
    return this.output;
  }

  /** The post pass's target (what render() returns when camera effects are on). */
  get outputTarget(): THREE.WebGLRenderTarget {
    return this.output;
  }

  /** The scene into the canvas, tone mapped: the plain three.js render. */
  drawScene(renderer: THREE.WebGLRenderer, rig: SceneRig, updateShadows: boolean): void {
    renderer.shadowMap.needsUpdate = updateShadows;
    renderer.setRenderTarget(null);
    renderer.toneMappingExposure = 2 ** rig.effects.exposureEv;
    renderer.render(rig.scene, rig.camera);
  }

  dispose(): void {
    this.current.dispose();
    this.previous.dispose();
    this.post.dispose();
    this.output.dispose();
  }
}
