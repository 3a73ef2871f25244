/**
 * The ego camera's own effects in the ego view: lens drops, sensor noise and glare, drawn by the
 * export's post pass (render/passes/postEffects.ts) over the view just drawn, with the same
 * seed and tick, so the preview shows the frame an export writes. Motion blur is left out: it
 * needs the scene drawn a second time (the previous tick), which the preview cannot afford.
 */
import * as THREE from 'three';
import { hasEffects, PostEffects } from '../../render/passes/postEffects.js';
import type { SceneRig } from '../../scene/types.js';

/** Whether a rig's camera has an effect the preview draws. */
export function hasCameraEffects(e: SceneRig['effects']): boolean {
  return hasEffects({ ...e, motionBlur: 0 });
}

export class CameraEffects {
  private post: PostEffects | null = null;
  private image: THREE.FramebufferTexture | null = null;
  private readonly at = new THREE.Vector2();

  /**
   * Copies the pixels of `rect` (device pixels, GL origin at the bottom left) from the drawing
   * buffer and draws them back through the post pass. The renderer's viewport must be `rect`.
   */
  apply(renderer: THREE.WebGLRenderer, rect: { x: number; y: number; width: number; height: number }, effects: SceneRig['effects'], seed: number, tick: number): void {
    const w = Math.max(1, Math.round(rect.width));
    const h = Math.max(1, Math.round(rect.height));
    if (!this.image || this.image.image.width !== w || this.image.image.height !== h) {
      this.dispose();
      this.image = new THREE.FramebufferTexture(w, h);
      this.post = new PostEffects(w, h);
    }
    renderer.copyFramebufferToTexture(this.image, this.at.set(Math.round(rect.x), Math.round(rect.y)));
    this.post!.render(renderer, { image: this.image, previous: null, blurMix: 0, noise: effects.noise, glare: effects.glare, lensDrops: effects.lensDrops, seed, tick });
  }

  dispose(): void {
    this.image?.dispose();
    this.post?.dispose();
    this.image = null;
    this.post = null;
  }
}
