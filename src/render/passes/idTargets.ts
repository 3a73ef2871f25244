/**
 * Render targets of the label pass, sized to the frame, not multisampled (every pixel holds
 * exactly one surface's value):
 *   labels  three attachments written by one draw: instance ids (RGBA bytes), semantic classes
 *           (RGBA bytes), linear depth [m] (RGBA floats, red)
 *   ids     the instance attachment alone, for the occlusion passes (one object drawn alone)
 */
import * as THREE from 'three';

/** Attachments of the labels target. */
export const LABEL_ATTACHMENT = { instance: 0, semantic: 1, depth: 2 } as const;

export class IdTargets {
  readonly labels: THREE.WebGLRenderTarget;
  readonly ids: THREE.WebGLRenderTarget;
  /** The instance attachment's readback: RGBA bytes, rows bottom-up. */
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
      type: THREE.UnsignedByteType,
    } as const;
    this.labels = new THREE.WebGLRenderTarget(widthPx, heightPx, { ...common, count: 3 });
    this.labels.textures[LABEL_ATTACHMENT.depth]!.type = THREE.FloatType;
    this.ids = new THREE.WebGLRenderTarget(widthPx, heightPx, common);
    this.idPixels = new Uint8Array(widthPx * heightPx * 4);
  }

  dispose(): void {
    this.labels.dispose();
    this.ids.dispose();
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
