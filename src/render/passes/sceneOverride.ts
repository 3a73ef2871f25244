/**
 * Temporarily turns a built scene into its label version (instance ids, semantic classes and
 * depth in one draw, idMaterials.ts): appearance-only objects and
 * non-mesh drawables (points, lines, sprites) are hidden, every mesh gets a flat material, the
 * background goes away. `restore()` puts everything back for the RGB pass of the next frame.
 */
import * as THREE from 'three';
import { LAYERS, SEMANTIC_CLASSES } from '../../scene/types.js';
import { encodeId } from '../labels/idStats.js';
import { IdMaterials } from './idMaterials.js';

interface MeshEntry {
  mesh: THREE.Mesh;
  material: THREE.Material | THREE.Material[];
  trackId: number;
  semanticId: number;
  side: THREE.Side;
}

const SEMANTIC_IDS = new Map<string, number>(SEMANTIC_CLASSES.map((c, i) => [c, i + 1]));

/** Semantic pass value of a mesh: SEMANTIC_CLASSES index + 1, 0 when unlabeled. */
export function semanticIdOf(obj: THREE.Object3D): number {
  const s: unknown = obj.userData.semantic;
  return typeof s === 'string' ? (SEMANTIC_IDS.get(s) ?? 0) : 0;
}

export class SceneOverride {
  private readonly materials = new IdMaterials();
  private meshes: MeshEntry[] = [];
  private hidden: THREE.Object3D[] = [];
  private background: THREE.Scene['background'] = null;
  private scene: THREE.Scene | null = null;
  private readonly appearance = new THREE.Layers();

  constructor() {
    this.appearance.set(LAYERS.APPEARANCE);
  }

  /** Gives every mesh its label material and hides what label passes must not see. Call restore() before the next apply(). */
  apply(scene: THREE.Scene): void {
    this.scene = scene;
    this.background = scene.background;
    scene.background = null;
    this.visit(scene, 0);
    for (const e of this.meshes) e.mesh.material = this.materials.labels(encodeId(e.trackId), e.semanticId, e.side);
  }

  private visit(obj: THREE.Object3D, inheritedTrackId: number): void {
    if (!obj.visible) return;
    if (obj.layers.test(this.appearance) || (obj as THREE.Points).isPoints || (obj as THREE.Line).isLine || (obj as THREE.Sprite).isSprite) {
      obj.visible = false;
      this.hidden.push(obj);
      return;
    }
    const own: unknown = obj.userData.trackId;
    const trackId = typeof own === 'number' ? own : inheritedTrackId;
    const mesh = obj as THREE.Mesh;
    if (mesh.isMesh) {
      const m = mesh.material;
      const side = Array.isArray(m) ? (m[0]?.side ?? THREE.FrontSide) : m.side;
      this.meshes.push({ mesh, material: m, trackId, semanticId: semanticIdOf(obj), side });
    }
    for (const child of obj.children) this.visit(child, trackId);
  }

  restore(): void {
    for (const e of this.meshes) e.mesh.material = e.material;
    for (const o of this.hidden) o.visible = true;
    if (this.scene) this.scene.background = this.background;
    this.meshes = [];
    this.hidden = [];
    this.scene = null;
  }

  dispose(): void {
    this.materials.dispose();
  }
}
