/**
 * The parts of the preview look that need the built scene and a renderer (the studio viewport
 * applies them after buildScene; the shading is in previewShader.ts):
 *
 * - sun shadows of the static world: a depth map of everything that does not move, drawn once
 *   from the sun when the scene is loaded. Moving actors cast no shadow in the preview (they
 *   would need the map redrawn every frame); they and everything else receive one;
 * - the still frame's look (PREVIEW_PIXEL), drawn once the view stands.
 *
 * Measured on the studio's first sample, at the tick its export frame shows (640x360, ego
 * camera; test/gui/previewMatchesExport.test.ts): before these, the preview differed from the
 * exported frame by 12.7/255 on scenario 07 (its street lay in the buildings' shadow in the
 * export) and by 34/255 on the night scenario 14 (most of the headlights' light missing).
 */
import * as THREE from 'three';
import { previewVertexShader } from './previewShader.js';

/** Side of the sun's depth map [texels]. */
const SHADOW_MAP_PX = 2048;
/** Most ground the depth map covers, each way from the centre of the static world [m]. */
const SHADOW_HALF_MAX_M = 600;
/** A mesh larger than this [m, box diagonal] is ground, not a caster. */
const CASTER_MAX_M = 3000;
/** Depth bias against a surface shadowing itself [m]. */
const SHADOW_BIAS_M = 0.25;

/** The preview shader materials below `root` (preview copies and batches). */
export function previewShaderMaterials(root: THREE.Object3D): THREE.ShaderMaterial[] {
  const out = new Set<THREE.ShaderMaterial>();
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (!mesh.isMesh) return;
    for (const m of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
      if ((m as THREE.ShaderMaterial).isShaderMaterial && (m as THREE.ShaderMaterial).vertexShader === previewVertexShader) out.add(m as THREE.ShaderMaterial);
    }
  });
  return [...out];
}

/**
 * Switches the preview materials between the moving look (per vertex) and the still frame's
 * look (PREVIEW_PIXEL: spot lights, highlights, sun shadows and the colour map per fragment).
 * Both programs are compiled once and then reused from three.js's program cache.
 */
export function usePixelLook(materials: readonly THREE.ShaderMaterial[], on: boolean): void {
  for (const m of materials) {
    if ('PREVIEW_PIXEL' in m.defines === on) continue;
    if (on) m.defines['PREVIEW_PIXEL'] = '';
    else delete m.defines['PREVIEW_PIXEL'];
    m.needsUpdate = true;
  }
}

function isCaster(o: THREE.Object3D): boolean {
  const mesh = o as THREE.Mesh;
  if (!mesh.isMesh || mesh.layers.mask === 0 || mesh.name === 'ground') return false;
  const ms = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
  return ms.every((m) => (m as THREE.ShaderMaterial).isShaderMaterial && (m as THREE.ShaderMaterial).vertexShader === previewVertexShader && !m.transparent);
}

/** Sun shadows of the static world: a depth map drawn once, sampled per fragment. */
export class PreviewSunShadow {
  private readonly target: THREE.WebGLRenderTarget;
  private readonly depthMaterial = new THREE.MeshDepthMaterial();

  /**
   * @param moving  groups left out of the depth map (batched actors, overlays)
   * @returns null when the scene has no sun
   */
  static create(renderer: THREE.WebGLRenderer, scene: THREE.Scene, moving: readonly THREE.Object3D[], materials: readonly THREE.ShaderMaterial[]): PreviewSunShadow | null {
    const sun = scene.getObjectByName('sun') as THREE.DirectionalLight | undefined;
    if (!sun?.isDirectionalLight || sun.intensity <= 0) return null;
    return new PreviewSunShadow(renderer, scene, sun, moving, materials);
  }

  private constructor(
    renderer: THREE.WebGLRenderer,
    scene: THREE.Scene,
    sun: THREE.DirectionalLight,
    moving: readonly THREE.Object3D[],
    materials: readonly THREE.ShaderMaterial[],
  ) {
    const depthTexture = new THREE.DepthTexture(SHADOW_MAP_PX, SHADOW_MAP_PX, THREE.UnsignedIntType);
    depthTexture.minFilter = THREE.NearestFilter;
    depthTexture.magFilter = THREE.NearestFilter;
    this.target = new THREE.WebGLRenderTarget(SHADOW_MAP_PX, SHADOW_MAP_PX, { depthBuffer: true, depthTexture, samples: 0 });

    // What casts: every static lit mesh; the rest is hidden while the map is drawn.
    const hidden: THREE.Object3D[] = [];
    const box = new THREE.Box3();
    const part = new THREE.Box3();
    const skip = new Set(moving);
    scene.updateMatrixWorld(true);
    scene.traverse((o) => {
      if (skip.has(o)) {
        if (o.visible) hidden.push(o);
        return;
      }
      const drawable = (o as THREE.Mesh).isMesh || (o as THREE.Points).isPoints || (o as THREE.Line).isLine || (o as THREE.Sprite).isSprite;
      if (!drawable) return;
      if (!isCaster(o)) {
        if (o.visible) hidden.push(o);
        return;
      }
      part.setFromObject(o);
      if (!part.isEmpty() && part.getSize(new THREE.Vector3()).length() < CASTER_MAX_M) box.union(part);
    });
    const centre = box.isEmpty() ? new THREE.Vector3() : box.getCenter(new THREE.Vector3());
    const size = box.isEmpty() ? new THREE.Vector3(100, 20, 100) : box.getSize(new THREE.Vector3());
    const half = Math.min(SHADOW_HALF_MAX_M, Math.max(size.x, size.z) / 2 + 10);
    const reach = half * 2 + size.y + 100;
    const dir = sun.position.clone().sub(sun.target.position).normalize();
    const camera = new THREE.OrthographicCamera(-half, half, half, -half, 1, 2 * reach);
    camera.position.copy(centre).addScaledVector(dir, reach);
    camera.up.set(0, 1, 0);
    if (Math.abs(dir.y) > 0.99) camera.up.set(1, 0, 0);
    camera.lookAt(centre);
    camera.updateMatrixWorld(true);
    camera.updateProjectionMatrix();

    for (const o of hidden) o.visible = false;
    const before = { override: scene.overrideMaterial, background: scene.background, fog: scene.fog, target: renderer.getRenderTarget(), autoClear: renderer.autoClear };
    scene.overrideMaterial = this.depthMaterial;
    scene.background = null;
    scene.fog = null;
    renderer.setRenderTarget(this.target);
    renderer.autoClear = true;
    renderer.clear(true, true, true);
    renderer.render(scene, camera);
    renderer.setRenderTarget(before.target);
    renderer.autoClear = before.autoClear;
    scene.overrideMaterial = before.override;
    scene.background = before.background;
    scene.fog = before.fog;
    for (const o of hidden) o.visible = true;

    // World -> [0, 1]^3 of the map (x, y: texture; z: depth as stored).
    const matrix = new THREE.Matrix4().set(0.5, 0, 0, 0.5, 0, 0.5, 0, 0.5, 0, 0, 0.5, 0.5, 0, 0, 0, 1).multiply(camera.projectionMatrix).multiply(camera.matrixWorldInverse);
    const bias = SHADOW_BIAS_M / (camera.far - camera.near);
    for (const m of materials) {
      m.defines['PREVIEW_SUN_SHADOW'] = '';
      m.uniforms['previewSunDepth'] = { value: depthTexture };
      m.uniforms['previewSunMatrix'] = { value: matrix };
      m.uniforms['previewSunBias'] = { value: bias };
      m.needsUpdate = true;
    }
  }

  dispose(): void {
    this.target.depthTexture?.dispose();
    this.target.dispose();
    this.depthMaterial.dispose();
  }
}
