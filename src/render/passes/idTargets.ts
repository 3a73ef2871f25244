/**
 * Render targets of the label pass, sized to the frame, not multisampled (every pixel holds
 * exactly one surface's value), RGBA bytes:
 *   labels  two attachments written by one draw (idMaterials.ts): instance id and semantic
 *           class; the 16-bit KITTI depth
 *   ids     the first attachment alone, for the occlusion passes (one object drawn alone)
 */
import * as THREE from 'three';

/** Attachments of the labels target. */
export const LABEL_ATTACHMENT = { idsAndSemantic: 0, depth: 1 } as const;

export class IdTargets {
  readonly labels: THREE.WebGLRenderTarget;
  readonly ids: THREE.WebGLRenderTarget;
  /** The first attachment's readback: instance id in RGB, semantic class in alpha, rows bottom-up. */
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
    this.labels = new THREE.WebGLRenderTarget(widthPx, heightPx, { ...common, count: 2 });
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
