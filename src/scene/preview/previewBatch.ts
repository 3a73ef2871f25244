/**
 * Draws the many small moving parts of actors and signals (bodies, wheels, limbs, doors,
 * lamps) in a few draw calls for the preview.
 *
 * A draw call costs about 0.08 ms on a software rasteriser whatever it draws (measured in
 * Chromium: 300 tiny boxes take 25 ms), and a busy scene's actors are ~150 parts: 12 ms of a
 * 50 ms frame. Here the parts in preview materials (previewLook.ts) that share the drawing
 * state (transparency, sides, blending, depth settings) become one merged mesh. Each vertex
 * carries its part's index; before each frame the part's world matrix, colour, opacity and
 * emission (live from its own material: lamps and signals change per tick) are written to a
 * small float texture the shader reads. The parts stay in the scene graph, animated as before,
 * but on no layer, so they are not drawn themselves; a hidden part (or one below a hidden
 * parent) collapses to a point.
 *
 * For the live preview only: label passes draw each part with its own id, so a scene that is
 * labeled is never batched.
 */
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { isPreviewMaterial, previewShaderMaterial } from './previewLook.js';
import { PART_TEXELS } from './previewShader.js';
import { LAYERS } from '../types.js';

interface Part {
  mesh: THREE.Mesh;
  /** The mesh and its ancestors: the part shows when all are visible. */
  chain: THREE.Object3D[];
}

interface Batch {
  parts: Part[];
  data: Float32Array;
  texture: THREE.DataTexture;
  mesh: THREE.Mesh<THREE.BufferGeometry, THREE.ShaderMaterial>;
}

/** Layer mask of an object on the default layer (0) alone. */
const DEFAULT_LAYER_MASK = 1 << LAYERS.DEFAULT;

/** Preview shader variants a batch cannot draw: per-part maps and the wet-road reflection. */
const UNBATCHED_DEFINES = ['PREVIEW_MAP', 'PREVIEW_GLOW_MAP', 'PREVIEW_WET'];

/** Whether a mesh can join a batch: one preview material without maps or reflection. */
function batchable(mesh: THREE.Mesh): boolean {
  const m = mesh.material;
  // Only parts on the default layer alone: a batch is drawn by every camera.
  if (Array.isArray(m) || !isPreviewMaterial(m) || mesh.layers.mask !== DEFAULT_LAYER_MASK) return false;
  return !UNBATCHED_DEFINES.some((d) => d in m.defines) && mesh.geometry.getAttribute('position') !== undefined && !mesh.geometry.morphAttributes.position;
}

/** The drawing state parts of one batch share. */
function stateKey(mesh: THREE.Mesh): string {
  const m = mesh.material as THREE.ShaderMaterial;
  return [m.transparent, m.side, m.blending, m.depthTest, m.depthWrite, m.polygonOffset, m.polygonOffsetFactor, m.polygonOffsetUnits, m.fog, mesh.renderOrder].join('|');
}

/**
 * A part's geometry in its own frame with only position, normal and its index, indexed (a
 * software rasteriser shades a vertex shared by several triangles once).
 */
function partGeometry(mesh: THREE.Mesh, index: number): THREE.BufferGeometry {
  const src = mesh.geometry;
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', src.getAttribute('position').clone());
  const normal = src.getAttribute('normal');
  if (normal) g.setAttribute('normal', normal.clone());
  const count = g.getAttribute('position').count;
  g.setIndex(src.index ? src.index.clone() : Array.from({ length: count }, (_, i) => i));
  if (!normal) g.computeVertexNormals();
  g.setAttribute('partIndex', new THREE.BufferAttribute(new Float32Array(count).fill(index), 1));
  return g;
}

function shown(part: Part): boolean {
  for (const o of part.chain) if (!o.visible) return false;
  return true;
}

/** Writes each part's world matrix (three rows), colour and opacity, and emission. */
function writeParts(batch: Batch): void {
  const d = batch.data;
  batch.parts.forEach((part, i) => {
    const o = i * PART_TEXELS * 4;
    // The preview material's uniforms read live from the scene's own material.
    const u = (part.mesh.material as THREE.ShaderMaterial).uniforms;
    const colour = u['diffuse']!.value as THREE.Color;
    const emissive = u['emissive']!.value as THREE.Color;
    if (shown(part)) {
      const e = part.mesh.matrixWorld.elements;
      for (let r = 0; r < 3; r++) {
        d[o + r * 4] = e[r] as number;
        d[o + r * 4 + 1] = e[r + 4] as number;
        d[o + r * 4 + 2] = e[r + 8] as number;
        d[o + r * 4 + 3] = e[r + 12] as number;
      }
    } else {
      d.fill(0, o, o + 12);
    }
    d[o + 12] = colour.r;
    d[o + 13] = colour.g;
    d[o + 14] = colour.b;
    d[o + 15] = u['opacity']!.value as number;
    d[o + 16] = emissive.r;
    d[o + 17] = emissive.g;
    d[o + 18] = emissive.b;
    d[o + 19] = 1;
  });
  batch.texture.needsUpdate = true;
  // The texture is bound with the uniforms: upload them even when the material did not change.
  batch.mesh.material.uniformsNeedUpdate = true;
}

export class PreviewBatches {
  readonly group = new THREE.Group();
  private readonly batches: Batch[] = [];

  /** Batches the meshes in preview materials below `roots` (the scene must be in the preview look). */
  constructor(roots: THREE.Object3D[]) {
    this.group.name = 'preview-batches';
    const byState = new Map<string, Part[]>();
    for (const root of roots) {
      root.updateMatrixWorld(true);
      root.traverse((o) => {
        const mesh = o as THREE.Mesh;
        if (!mesh.isMesh || !batchable(mesh)) return;
        const chain: THREE.Object3D[] = [];
        for (let a: THREE.Object3D | null = mesh; a; a = a.parent) chain.push(a);
        const key = stateKey(mesh);
        byState.set(key, [...(byState.get(key) ?? []), { mesh, chain }]);
      });
    }
    for (const parts of byState.values()) {
      const geometry = mergeGeometries(
        parts.map((p, i) => partGeometry(p.mesh, i)),
        false,
      );
      if (!geometry) continue;
      const data = new Float32Array(parts.length * PART_TEXELS * 4);
      const texture = new THREE.DataTexture(data, PART_TEXELS, parts.length, THREE.RGBAFormat, THREE.FloatType);
      texture.magFilter = texture.minFilter = THREE.NearestFilter;
      texture.generateMipmaps = false;
      const first = parts[0]!.mesh;
      const base = first.material as THREE.ShaderMaterial;
      const material = previewShaderMaterial(base, { partData: { value: texture } }, { PREVIEW_BATCH: '' }, base.fog);
      const mesh = new THREE.Mesh(geometry, material);
      mesh.name = `preview-batch:${parts.length}`;
      mesh.renderOrder = first.renderOrder;
      // Parts move anywhere: the batch is never culled as a whole.
      mesh.frustumCulled = false;
      const batch: Batch = { parts, data, texture, mesh };
      mesh.onBeforeRender = () => writeParts(batch);
      for (const p of parts) p.mesh.layers.disableAll();
      this.batches.push(batch);
      this.group.add(mesh);
    }
  }

  /** Meshes drawn through a batch. */
  get partCount(): number {
    return this.batches.reduce((n, b) => n + b.parts.length, 0);
  }

  /** Draws every part itself again and frees the batches. */
  dispose(): void {
    for (const b of this.batches) {
      for (const p of b.parts) p.mesh.layers.mask = DEFAULT_LAYER_MASK;
      b.mesh.geometry.dispose();
      b.mesh.material.dispose();
      b.texture.dispose();
    }
  }
}

/** Batches the actors and signals of a preview scene built by buildScene and adds the batches to it. */
export function batchActorsAndSignals(scene: THREE.Scene): PreviewBatches {
  const batches = new PreviewBatches(['actors', 'traffic-lights'].flatMap((n) => scene.getObjectByName(n) ?? []));
  scene.add(batches.group);
  return batches;
}
