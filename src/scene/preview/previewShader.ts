/**
 * GLSL of the preview look (see previewLook.ts): lighting, emission, the wet-road reflection,
 * exposure, ACES tone mapping and sRGB encoding per vertex; per fragment one colour, a texture
 * lookup where there is a map, and fog where it is visible. Per vertex also: the sun's shadow
 * (one lookup in a depth map of the static world, previewLighting.ts) and the highlight of spot
 * lights on wet and glossy surfaces.
 *
 * PREVIEW_PIXEL is the still frame's variant (the viewport draws it once the view stands,
 * previewLighting.ts): spot lights, their highlights and the sun's shadow per fragment, the
 * colour map applied in linear light, then tone mapping and sRGB encoding per fragment. A
 * headlight's pool and a shadow's edge change within metres, while the road and facades have
 * vertices tens of metres apart: per vertex, a night frame drew about half the light of the
 * export. Per fragment costs several times a frame on a software rasteriser (it pays for
 * every instruction of every fragment, hidden ones and untaken branches included), so moving
 * views keep the per-vertex look.
 *
 * Defines:
 *   PREVIEW_MAP, PREVIEW_GLOW_MAP  colour and emission maps (sampled as stored, display values)
 *   PREVIEW_WET                    the wet-road sky reflection (wetReflection.ts)
 *   PREVIEW_BATCH                  many parts in one draw (previewBatch.ts): each vertex's part
 *                                  reads its world matrix, colour, opacity and emission from
 *                                  rows of `partData` instead of the object's uniforms
 *   PREVIEW_SUN_SHADOW             the sun's light times its visibility in `previewSunDepth`
 *   PREVIEW_SPECULAR               spot lights' highlight (GGX with `roughness` and
 *                                  `specularColour`) where the export look keeps PBR: wet roads
 *                                  and glossy surfaces
 *   PREVIEW_PIXEL                  the per-fragment variant (see above)
 * Lights, fog, DOUBLE_SIDED and FLIP_SIDED come from three.js as for its own materials.
 */

/** Texels per part in a batch's part data: three rows of the world matrix, colour + opacity, emission. */
export const PART_TEXELS = 5;

/** A light's highlight where the material has one (inside lightLoop). */
const HIGHLIGHT = /* glsl */ `#ifdef PREVIEW_SPECULAR
        specular += lightIrradiance * previewGgx(light.direction, toEye, N);
      #endif`;

/**
 * Adds the diffuse irradiance of each light of one kind to `sum` (three.js unrolls the loop;
 * the inner braces keep each copy's variables apart), and with `highlight` its highlight to
 * `specular` where the material has one.
 */
function lightLoop(count: string, info: string, sum = 'irradiance', highlight = false): string {
  return /* glsl */ `#if ${count} > 0
    #pragma unroll_loop_start
    for (int i = 0; i < ${count}; i++) {{
      ${info};
      vec3 lightIrradiance = saturate(dot(N, light.direction)) * light.color;
      ${sum} += lightIrradiance;
      ${highlight ? HIGHLIGHT : ''}
    }}
    #pragma unroll_loop_end
  #endif`;
}

/** three.js's direct-light GGX (lights_physical_pars_fragment: Smith-correlated visibility). */
/** What the per-pixel still frame hands from the vertex to the fragment shader (both declare it). */
const PIXEL_VARYINGS = `varying vec3 vLit;
varying vec3 vSun;
varying vec3 vAdd;
varying vec3 vAlbedo;
varying vec3 vViewPosition;
varying vec3 vViewNormal;
  #ifdef PREVIEW_SUN_SHADOW
  varying vec3 vSunCoord;
  #endif`;

const GGX = /* glsl */ `
#ifdef PREVIEW_SPECULAR
uniform float roughness;
uniform vec3 specularColour;
vec3 previewGgx(vec3 L, vec3 V, vec3 N) {
  float a2 = pow4(max(roughness, 0.045));
  vec3 H = normalize(L + V);
  float dotNL = saturate(dot(N, L));
  float dotNV = saturate(dot(N, V));
  float dotNH = saturate(dot(N, H));
  float gv = dotNL * sqrt(a2 + (1.0 - a2) * pow2(dotNV));
  float gl = dotNV * sqrt(a2 + (1.0 - a2) * pow2(dotNL));
  float d = pow2(dotNH) * (a2 - 1.0) + 1.0;
  return F_Schlick(specularColour, 1.0, saturate(dot(V, H))) * (0.5 / max(gv + gl, EPSILON)) * (RECIPROCAL_PI * a2 / pow2(d));
}
#endif`;

/** Visibility of the sun at a point of its depth map ([0, 1]^3; outside the map: lit). */
const SUN_VISIBLE = /* glsl */ `
#ifdef PREVIEW_SUN_SHADOW
uniform highp sampler2D previewSunDepth;
uniform float previewSunBias;
float sunVisible(vec3 sc) {
  if (any(lessThan(sc, vec3(0.0))) || any(greaterThan(sc, vec3(1.0)))) return 1.0;
  return step(sc.z - previewSunBias, textureLod(previewSunDepth, sc.xy, 0.0).r);
}
#endif`;

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
#ifdef PREVIEW_SUN_SHADOW
uniform mat4 previewSunMatrix;
#endif
#ifdef PREVIEW_PIXEL
// Handed to the fragment: linear light of the lights shaded per vertex and of the sun, the
// Lambert albedo, light added after the colour map (reflection, emission), the place and
// normal (view space), and the place in the sun's depth map.
${PIXEL_VARYINGS}
#else
${GGX}
${SUN_VISIBLE}
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
    #ifdef PREVIEW_SUN_SHADOW
      vec3 worldPosition = (modelMatrix * vec4(transformed, 1.0)).xyz;
    #endif
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
  vec3 sunIrradiance = vec3(0.0);
  ${lightLoop('NUM_DIR_LIGHTS', 'getDirectionalLightInfo(directionalLights[i], light)', 'sunIrradiance')}
  ${lightLoop('NUM_POINT_LIGHTS', 'getPointLightInfo(pointLights[i], P, light)')}
  #ifdef PREVIEW_SUN_SHADOW
    vec3 sunCoord = (previewSunMatrix * vec4(worldPosition, 1.0)).xyz;
  #endif
  vec3 albedo = BRDF_Lambert(diffuse);
  vec3 added = vec3(0.0);
  #ifdef PREVIEW_WET
    vec3 reflected = normalize((vec4(reflect(-toEye, N), 0.0) * viewMatrix).xyz);
    float fresnel = 0.04 + 0.96 * pow(1.0 - saturate(dot(toEye, N)), 5.0);
    added += mix(wetHorizon, wetZenith, pow(saturate(reflected.y), 0.5)) * fresnel * wetReflect;
  #endif
  #ifdef PREVIEW_GLOW_MAP
    vGlow = toDisplay(emissive);
    vGlowUv = (glowMapTransform * vec3(uv, 1.0)).xy;
  #else
    added += emissive;
  #endif
  #ifdef PREVIEW_PIXEL
    vLit = albedo * irradiance;
    vSun = albedo * sunIrradiance;
    vAdd = added;
    vAlbedo = albedo;
    vViewPosition = P;
    vViewNormal = N;
    #ifdef PREVIEW_SUN_SHADOW
      vSunCoord = sunCoord;
    #endif
    vColour = vec4(1.0, 1.0, 1.0, opacity);
  #else
    vec3 specular = vec3(0.0);
    ${lightLoop('NUM_SPOT_LIGHTS', 'getSpotLightInfo(spotLights[i], P, light)', 'irradiance', true)}
    #ifdef PREVIEW_SUN_SHADOW
      sunIrradiance *= sunVisible(sunCoord);
    #endif
    vColour = vec4(toDisplay(albedo * (irradiance + sunIrradiance) + specular + added), opacity);
  #endif
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
#ifdef PREVIEW_PIXEL
#include <common>
#include <lights_pars_begin>
#include <tonemapping_pars_fragment>
// (three.js puts colorspace_pars_fragment in every fragment shader's prefix.)
${PIXEL_VARYINGS}
${GGX}
${SUN_VISIBLE}
#endif
void main() {
  #ifdef PREVIEW_PIXEL
    vec3 N = normalize(vViewNormal);
    vec3 toEye = normalize(-vViewPosition);
    vec3 irradiance = vec3(0.0);
    vec3 specular = vec3(0.0);
    IncidentLight light;
    ${lightLoop('NUM_SPOT_LIGHTS', 'getSpotLightInfo(spotLights[i], vViewPosition, light)', 'irradiance', true)}
    vec3 lit = vLit + vAlbedo * irradiance;
    #ifdef PREVIEW_SUN_SHADOW
      lit += vSun * sunVisible(vSunCoord);
    #else
      lit += vSun;
    #endif
    gl_FragColor = vColour;
    #ifdef PREVIEW_MAP
      vec4 texel = texture2D(map, vMapUv);
      lit *= sRGBTransferEOTF(texel).rgb;
      gl_FragColor.a *= texel.a;
    #endif
    gl_FragColor.rgb = sRGBTransferOETF(vec4(ACESFilmicToneMapping(lit + specular + vAdd), 1.0)).rgb;
  #else
    gl_FragColor = vColour;
    #ifdef PREVIEW_MAP
      gl_FragColor *= texture2D(map, vMapUv);
    #endif
  #endif
  #ifdef PREVIEW_GLOW_MAP
    gl_FragColor.rgb += vGlow * texture2D(glowMap, vGlowUv).rgb;
  #endif
  #include <fog_fragment>
}`;
