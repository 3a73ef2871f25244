/**
 * Render targets of the id and depth passes and the id pass's readback buffer, sized to the frame.
 * Not multisampled: every pixel holds exactly one surface's value.
 */
import * as THREE from 'three';

export class IdTargets {
  readonly ids: THREE.WebGLRenderTarget;
  readonly depth: THREE.WebGLRenderTarget;
  /** RGBA bytes, rows bottom-up. */
  readonly idPixels: Uint8Array;

  constructor(
    readonly widthPx: number,
    readonly heightPx: number,
  ) {
    const common = {
      minFilter: THREE.NearestFilter,
      magFilter: THREE.NearestFilter,
      generateMipmaps: false,
      depthBuffer: true,
      samples: 0,
    } as const;
    this.ids = new THREE.WebGLRenderTarget(widthPx, heightPx, { ...common, type: THREE.UnsignedByteType });
    this.depth = new THREE.WebGLRenderTarget(widthPx, heightPx, { ...common, type: THREE.FloatType });
    this.idPixels = new Uint8Array(widthPx * heightPx * 4);
  }

  dispose(): void {
    this.ids.dispose();
    this.depth.dispose();
  }
}

/** Renders `root` (a scene or any subtree) into `target` cleared to 0. */
export function renderInto(renderer: THREE.WebGLRenderer, root: THREE.Object3D, camera: THREE.Camera, target: THREE.WebGLRenderTarget): void {
  renderer.setRenderTarget(target);
  renderer.setClearColor(0x000000, 0);
  renderer.clear(true, true, true);
  renderer.render(root, camera);
  renderer.setRenderTarget(null);
}
