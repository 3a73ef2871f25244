/**
 * Flat materials of the label pass: one draw writes two byte targets at once, each value exact:
 *   attachment 0  instance id in RGB, semantic class in alpha
 *   attachment 1  the depth as its 16-bit KITTI value (metres x 256, rounded; 0 = nothing
 *                 drawn, the clear value: every drawn surface lies beyond the near plane, so a
 *                 surface closer than 1/512 m stays 1; saturates at 65535), high byte in red, low
 *                 byte in green
 * Uniforms in linear space with no tone mapping, colour management or fog, into
 * non-multisampled targets; a byte b written as b / 255 reads back as b. Bytes, not a float
 * target: a float RGBA depth attachment made the draw and its readback write and copy four times
 * as much (16 bytes a pixel). Drawn into a target with attachment 0 alone (the occlusion passes),
 * the depth output is dropped.
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

/**
 * Instance id (RGB bytes) and semantic class (a byte); the depth of linear camera-space depth
 * [m] (along the optical axis) as two bytes. floor(x + 0.5) is the rounding of Math.round for
 * x >= 0, and x = depth x 256 is exact in a float, so the value is what the depth [m] rounds to.
 */
const LABEL_FRAGMENT = /* glsl */ `
uniform vec3 instanceColor;
uniform float semanticValue;
in float vViewZ;
layout(location = 0) out highp vec4 outIds;
layout(location = 1) out highp vec4 outDepth;
void main() {
  outIds = vec4(instanceColor, semanticValue);
  highp float v = clamp(floor(vViewZ * 256.0 + 0.5), 1.0, 65535.0);
  highp float high = floor(v / 256.0);
  outDepth = vec4(high / 255.0, (v - high * 256.0) / 255.0, 0.0, 1.0);
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

  /** Material writing the RGB bytes `instance`, the byte `semantic` and the depth. */
  labels(instance: readonly [number, number, number], semantic: number, side: THREE.Side): THREE.ShaderMaterial {
    if (!Number.isInteger(semantic) || semantic < 0 || semantic > 255) throw new RangeError(`semantic class ${semantic} does not fit in a byte`);
    const key = `${instance.join(',')}/${semantic}/${side}`;
    let m = this.cache.get(key);
    if (!m) {
      m = flat(LABEL_FRAGMENT, side, { instanceColor: { value: exact(instance) }, semanticValue: { value: semantic / 255 } });
      this.cache.set(key, m);
    }
    return m;
  }

  dispose(): void {
    for (const m of this.cache.values()) m.dispose();
    this.cache.clear();
  }
}
