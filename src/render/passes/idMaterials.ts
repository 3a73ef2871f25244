/**
 * Flat materials of the id and depth passes. They write exact values: a uniform colour set in
 * linear space with no tone mapping, colour management or fog, into a non-multisampled target.
 * Built on three's vertex chunks so skinned, morphed, instanced and batched meshes still work.
 */
import * as THREE from 'three';

const VERTEX = /* glsl */ `
#include <common>
#include <batching_pars_vertex>
#include <morphtarget_pars_vertex>
#include <skinning_pars_vertex>
#include <clipping_planes_pars_vertex>
varying float vViewZ;
void main() {
  #include <batching_vertex>
  #include <skinbase_vertex>
  #include <morphinstance_vertex>
  #include <begin_vertex>
  #include <morphtarget_vertex>
  #include <skinning_vertex>
  #include <project_vertex>
  #include <clipping_planes_vertex>
  vViewZ = -mvPosition.z;
}`;

const ID_FRAGMENT = /* glsl */ `
uniform vec3 idColor;
void main() { gl_FragColor = vec4(idColor, 1.0); }`;

/** Linear camera-space depth [m] (distance along the optical axis) in the red channel. */
const DEPTH_FRAGMENT = /* glsl */ `
varying float vViewZ;
void main() { gl_FragColor = vec4(vViewZ, 0.0, 0.0, 1.0); }`;

function flat(fragmentShader: string, side: THREE.Side, uniforms: Record<string, THREE.IUniform>): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    vertexShader: VERTEX,
    fragmentShader,
    uniforms,
    side,
    fog: false,
    lights: false,
    toneMapped: false,
    transparent: false,
    depthTest: true,
    depthWrite: true,
  });
}

/** Caches one material per (value, side): programs are shared, uniforms differ. */
export class IdMaterials {
  private readonly ids = new Map<string, THREE.ShaderMaterial>();
  private readonly depths = new Map<THREE.Side, THREE.ShaderMaterial>();

  /** Material writing the RGB bytes `rgb` (0..255 each) exactly. */
  id(rgb: readonly [number, number, number], side: THREE.Side): THREE.ShaderMaterial {
    const key = `${rgb[0]},${rgb[1]},${rgb[2]}/${side}`;
    let m = this.ids.get(key);
    if (!m) {
      // Uniforms bypass colour management: these are the linear values written to the target.
      const colour = new THREE.Vector3(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255);
      m = flat(ID_FRAGMENT, side, { idColor: { value: colour } });
      this.ids.set(key, m);
    }
    return m;
  }

  depth(side: THREE.Side): THREE.ShaderMaterial {
    let m = this.depths.get(side);
    if (!m) {
      m = flat(DEPTH_FRAGMENT, side, {});
      this.depths.set(side, m);
    }
    return m;
  }

  dispose(): void {
    for (const m of this.ids.values()) m.dispose();
    for (const m of this.depths.values()) m.dispose();
    this.ids.clear();
    this.depths.clear();
  }
}
