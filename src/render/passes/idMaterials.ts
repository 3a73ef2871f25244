/**
 * Flat materials of the label pass: one draw writes three targets at once (instance id,
 * semantic class, linear depth), each an exact value: uniform colours in linear space with no
 * tone mapping, colour management or fog, into non-multisampled targets. Drawn into a target
 * with the instance attachment alone (the occlusion passes), the other two outputs are dropped.
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

/** Instance id and semantic class as RGB bytes; linear camera-space depth [m] (along the optical axis) in red. */
const LABEL_FRAGMENT = /* glsl */ `
uniform vec3 instanceColor;
uniform vec3 semanticColor;
in float vViewZ;
layout(location = 0) out highp vec4 outInstance;
layout(location = 1) out highp vec4 outSemantic;
layout(location = 2) out highp vec4 outDepth;
void main() {
  outInstance = vec4(instanceColor, 1.0);
  outSemantic = vec4(semanticColor, 1.0);
  outDepth = vec4(vViewZ, 0.0, 0.0, 1.0);
}`;

function flat(fragmentShader: string, side: THREE.Side, uniforms: Record<string, THREE.IUniform>): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    glslVersion: THREE.GLSL3,
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

/** RGB bytes (0..255 each) as the linear colour that writes them exactly (uniforms bypass colour management). */
const exact = (rgb: readonly [number, number, number]): THREE.Vector3 => new THREE.Vector3(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255);

/** Caches one material per (instance, semantic, side): programs are shared, uniforms differ. */
export class IdMaterials {
  private readonly cache = new Map<string, THREE.ShaderMaterial>();

  /** Material writing the RGB bytes `instance` and `semantic` and the depth. */
  labels(instance: readonly [number, number, number], semantic: readonly [number, number, number], side: THREE.Side): THREE.ShaderMaterial {
    const key = `${instance.join(',')}/${semantic.join(',')}/${side}`;
    let m = this.cache.get(key);
    if (!m) {
      m = flat(LABEL_FRAGMENT, side, { instanceColor: { value: exact(instance) }, semanticColor: { value: exact(semantic) } });
      this.cache.set(key, m);
    }
    return m;
  }

  dispose(): void {
    for (const m of this.cache.values()) m.dispose();
    this.cache.clear();
  }
}
