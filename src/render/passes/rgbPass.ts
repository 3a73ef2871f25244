/**
 * The RGB pass: the scene as built, tone mapped (ACES, exposure from the rig) into the canvas.
 * Without camera effects it draws straight into the canvas (antialiased by the canvas itself,
 * the cheapest path). With effects it draws linear HDR into a half-float target (multisampled
 * when antialiasing is on), then the post shader tone maps and applies the effects; motion blur
 * renders the previous tick too.
 */
import * as THREE from 'three';
import type { SceneRig } from '../../scene/types.js';
import { PostEffects } from './postEffects.js';

export class RgbPass {
  private readonly hdr: THREE.WebGLRenderTarget;
  private readonly prev: THREE.WebGLRenderTarget;
  private readonly post: PostEffects;

  constructor(widthPx: number, heightPx: number, samples: number) {
    const opts = { type: THREE.HalfFloatType, samples, depthBuffer: true, generateMipmaps: false } as const;
    this.hdr = new THREE.WebGLRenderTarget(widthPx, heightPx, opts);
    this.prev = new THREE.WebGLRenderTarget(widthPx, heightPx, opts);
    this.post = new PostEffects(widthPx, heightPx);
  }

  /** Renders tick `tick` of the rig into the canvas; leaves the rig posed at `tick`. */
  render(renderer: THREE.WebGLRenderer, rig: SceneRig, tick: number, seed: number): void {
    const e = rig.effects;
    const blur = tick > 0 ? Math.min(1, Math.max(0, e.motionBlur)) : 0;
    if (blur === 0 && e.noise <= 0 && e.lensDrops <= 0 && e.glare <= 0) {
      renderer.shadowMap.needsUpdate = true;
      this.renderPlain(renderer, rig);
      return;
    }
    this.renderScene(renderer, rig, this.hdr, true);
    if (blur > 0) {
      // The blur sample reuses this tick's shadow maps: redrawing them costs as much as the
      // frame itself, and one tick of shadow motion is invisible under the blur.
      rig.setTick(tick - 1);
      this.renderScene(renderer, rig, this.prev, false);
      rig.setTick(tick);
    }
    renderer.toneMappingExposure = Math.pow(2, e.exposureEv);
    this.post.render(renderer, {
      hdr: this.hdr.texture,
      prev: blur > 0 ? this.prev.texture : null,
      blurMix: 0.5 * blur,
      noise: e.noise,
      glare: e.glare,
      lensDrops: e.lensDrops,
      seed,
      tick,
    });
  }

  /** The scene into the canvas with tone mapping only: the plain three.js render cost. */
  renderPlain(renderer: THREE.WebGLRenderer, rig: SceneRig): void {
    renderer.setRenderTarget(null);
    renderer.toneMappingExposure = Math.pow(2, rig.effects.exposureEv);
    renderer.render(rig.scene, rig.camera);
  }

  private renderScene(renderer: THREE.WebGLRenderer, rig: SceneRig, target: THREE.WebGLRenderTarget, updateShadows: boolean): void {
    renderer.shadowMap.needsUpdate = updateShadows;
    renderer.setRenderTarget(target);
    renderer.render(rig.scene, rig.camera);
    renderer.setRenderTarget(null);
  }

  dispose(): void {
    this.hdr.dispose();
    this.prev.dispose();
    this.post.dispose();
  }
}
