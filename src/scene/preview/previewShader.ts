/**
 * GLSL of the preview look (see previewLook.ts): lighting, emission, the wet-road reflection,
 * exposure, ACES tone mapping and sRGB encoding per vertex; per fragment one colour, a texture
 * lookup where there is a map, and fog where it is visible.
 *
 * Defines:
 *   PREVIEW_MAP, PREVIEW_GLOW_MAP  colour and emission maps (sampled as stored, display values)
 *   PREVIEW_WET                    the wet-road sky reflection (wetReflection.ts)
 *   PREVIEW_BATCH                  many parts in one draw (previewBatch.ts): each vertex's part
 *                                  reads its world matrix, colour, opacity and emission from
 *                                  rows of `partData` instead of the object's uniforms
 * Lights, fog, DOUBLE_SIDED and FLIP_SIDED come from three.js as for its own materials.
 */

/** Texels per part in a batch's part data: three rows of the world matrix, colour + opacity, emission. */
export const PART_TEXELS = 5;

/** Adds the diffuse irradiance of each light of one kind (three.js unrolls the loop). */
function lightLoop(count: string, info: string): string {
  return /* glsl */ `#if ${count} > 0
    #pragma unroll_loop_start
    for (int i = 0; i < ${count}; i++) {
      ${info};
      irradiance += saturate(dot(N, light.direction)) * light.color;
    }
    #pragma unroll_loop_end
  #endif`;
}

export const previewVertexShader = /* glsl */ `
#include <common>
#include <lights_pars_begin>
#include <tonemapping_pars_fragment>
#include <colorspace_pars_fragment>
#include <fog_pars_vertex>
#ifdef PREVIEW_BATCH
uniform highp sampler2D partData;
attribute float partIndex;
#else
uniform vec3 diffuse;
uniform vec3 emissive;
uniform float opacity;
#endif
varying vec4 vColour;
#ifdef PREVIEW_MAP
uniform mat3 mapTransform;
varying vec2 vMapUv;
#endif
#ifdef PREVIEW_GLOW_MAP
uniform mat3 glowMapTransform;
varying vec2 vGlowUv;
varying vec3 vGlow;
#endif
#ifdef PREVIEW_WET
uniform float wetReflect;
uniform vec3 wetHorizon;
uniform vec3 wetZenith;
#endif

vec3 toDisplay(vec3 linear) {
  return sRGBTransferOETF(vec4(ACESFilmicToneMapping(linear), 1.0)).rgb;
}

void main() {
  #ifdef PREVIEW_BATCH
    int part = int(partIndex + 0.5);
    vec4 row0 = texelFetch(partData, ivec2(0, part), 0);
    vec4 row1 = texelFetch(partData, ivec2(1, part), 0);
    vec4 row2 = texelFetch(partData, ivec2(2, part), 0);
    vec4 surface = texelFetch(partData, ivec2(3, part), 0);
    vec3 emissive = texelFetch(partData, ivec2(4, part), 0).rgb;
    vec3 diffuse = surface.rgb;
    float opacity = surface.a;
    mat3 linearPart = mat3(row0.x, row1.x, row2.x, row0.y, row1.y, row2.y, row0.z, row1.z, row2.z);
    vec3 worldPosition = linearPart * position + vec3(row0.w, row1.w, row2.w);
    vec4 mvPosition = viewMatrix * vec4(worldPosition, 1.0);
    gl_Position = projectionMatrix * mvPosition;
    // Normals transform by the inverse transpose (parts are scaled unevenly, some mirrored).
    vec3 c0 = linearPart[0], c1 = linearPart[1], c2 = linearPart[2];
    vec3 worldNormal = mat3(cross(c1, c2), cross(c2, c0), cross(c0, c1)) * normal * sign(dot(c0, cross(c1, c2)));
    vec3 objectNormal = normalize(mat3(viewMatrix) * worldNormal);
  #else
    #include <begin_vertex>
    #include <project_vertex>
    vec3 objectNormal = normalMatrix * normal;
  #endif
  #include <fog_vertex>
  vec3 P = mvPosition.xyz;
  vec3 toEye = normalize(-P);
  // Geometry without normals faces up.
  vec3 N = dot(normal, normal) > 1e-8 ? normalize(objectNormal) : normalize((viewMatrix * vec4(0.0, 1.0, 0.0, 0.0)).xyz);
  #ifdef DOUBLE_SIDED
    // The side the camera sees, as the per-pixel shader's gl_FrontFacing would pick.
    N = dot(N, toEye) < 0.0 ? -N : N;
  #endif
  #ifdef FLIP_SIDED
    N = -N;
  #endif

  vec3 irradiance = getAmbientLightIrradiance(ambientLightColor);
  #if NUM_HEMI_LIGHTS > 0
    #pragma unroll_loop_start
    for (int i = 0; i < NUM_HEMI_LIGHTS; i++) {
      irradiance += getHemisphereLightIrradiance(hemisphereLights[i], N);
    }
    #pragma unroll_loop_end
  #endif
  IncidentLight light;
  ${lightLoop('NUM_DIR_LIGHTS', 'getDirectionalLightInfo(directionalLights[i], light)')}
  ${lightLoop('NUM_POINT_LIGHTS', 'getPointLightInfo(pointLights[i], P, light)')}
  ${lightLoop('NUM_SPOT_LIGHTS', 'getSpotLightInfo(spotLights[i], P, light)')}

  vec3 radiance = BRDF_Lambert(diffuse) * irradiance;
  #ifdef PREVIEW_WET
    vec3 reflected = normalize((vec4(reflect(-toEye, N), 0.0) * viewMatrix).xyz);
    float fresnel = 0.04 + 0.96 * pow(1.0 - saturate(dot(toEye, N)), 5.0);
    radiance += mix(wetHorizon, wetZenith, pow(saturate(reflected.y), 0.5)) * fresnel * wetReflect;
  #endif
  #ifdef PREVIEW_GLOW_MAP
    vGlow = toDisplay(emissive);
    vGlowUv = (glowMapTransform * vec3(uv, 1.0)).xy;
  #else
    radiance += emissive;
  #endif
  vColour = vec4(toDisplay(radiance), opacity);
  #ifdef PREVIEW_MAP
    vMapUv = (mapTransform * vec3(uv, 1.0)).xy;
  #endif
}`;

export const previewFragmentShader = /* glsl */ `
#include <fog_pars_fragment>
varying vec4 vColour;
#ifdef PREVIEW_MAP
uniform sampler2D map;
varying vec2 vMapUv;
#endif
#ifdef PREVIEW_GLOW_MAP
uniform sampler2D glowMap;
varying vec2 vGlowUv;
varying vec3 vGlow;
#endif
void main() {
  gl_FragColor = vColour;
  #ifdef PREVIEW_MAP
    gl_FragColor *= texture2D(map, vMapUv);
  #endif
  #ifdef PREVIEW_GLOW_MAP
    gl_FragColor.rgb += vGlow * texture2D(glowMap, vGlowUv).rgb;
  #endif
  #include <fog_fragment>
}`;
