/**
 * Builds the three.js world of one scenario run: road, roadside, actors, lights, weather and
 * the ego camera, and poses it per tick from the trajectory. No DOM needed.
 */
import * as THREE from 'three';
import { ActorRigs } from './actors/actorRigs.js';
import { atmosphereFor, fogVisibleWithin } from './sky/atmosphere.js';
import { EgoCamera } from './camera/egoCamera.js';
import { setPoseFromState } from './frame.js';
import { STREETLIGHT_HEIGHT_M } from './roadside/furnitureModels.js';
import { HeadlightPool } from './lights/HeadlightPool.js';
import { isMatte, useLambert } from './materials/lambertLook.js';
import { textureMeanLinear, usePreviewLook } from './preview/previewLook.js';
import { buildLampGlows } from './lights/lampGlows.js';
import { LampPool } from './lights/lampPool.js';
import { castSunShadow } from './lights/sunShadow.js';
import { buildLampPools } from './lights/lampPools.js';
import { MaterialLibrary } from './materials/materialLibrary.js';
import { mergeStatic } from './materials/mergeStatic.js';
import { type Precipitation, precipitation } from './sky/Precipitation.js';
import { buildPuddles } from './surface/puddles.js';
import { buildRoadsideContext } from './roadside/roadsideContext.js';
import { buildGround } from './surface/ground.js';
import { buildRoadFromGeometry } from './surface/roadGeometryMeshes.js';
import { roadGeometry } from '../road/roadGeometry.js';
import { stateRow } from '../sim/types.js';
import { RNG_STREAM, sceneRng } from './sceneRng.js';
import { buildSkyDome } from './sky/skyDome.js';
import { buildWheelTracks, dustWithSnow } from './surface/snowCover.js';
import { skyState } from './sky/skyModel.js';
import { buildFurniture } from './roadside/streetFurniture.js';
import { surfaceLook } from './surface/surfaceLook.js';
import { surfaceNoiseTexture } from './surface/surfaceTexture.js';
import { TrafficLights } from './roadside/TrafficLights.js';
import { buildTunnels } from './roadside/tunnels.js';
import type { SceneInput, SceneRig } from './types.js';
import { wetRoadLayers } from './surface/wetReflection.js';

/**
 * Budget of real lights per quality: street/tunnel lamps and vehicle headlights. Each real
 * light costs every lit pixel (in-page: the 4 spots of a night export are half its frame).
 * The preview has the same lights (per vertex while its view moves, per fragment in its still
 * frame: preview/previewShader.ts), or a night preview is far darker than the export.
 */
const LIGHT_BUDGET = { export: { lamps: 2, headlights: 2 }, preview: { lamps: 2, headlights: 2 } } as const;

/** Distance within which the preview draws fog at all [m]: fog too thin to see there is skipped. */
const PREVIEW_FOG_RANGE_M = 1000;

/** Library keys of the paved layers, where a spot light's broad sheen shows. */
const PAVED = new Set(['asphalt', 'parking', 'sidewalk', 'kerb', 'marking', 'crosswalk']);

const _camPos = new THREE.Vector3();
const _camDir = new THREE.Vector3();

function tunnelsPresent(network: SceneInput['network']): boolean {
  for (const r of network.roads.values()) if (r.tunnelSpans.length) return true;
  return false;
}

export function buildScene(input: SceneInput): SceneRig {
  const { instance, network, trajectory, seed, quality } = input;
  const full = quality === 'export';
  const shadows = full;
  const stepM = full ? 2 : 4;
  const lib = new MaterialLibrary();
  const scene = new THREE.Scene();
  scene.name = instance.name;

  // Light and atmosphere.
  const sky = skyState(instance.light, instance.weather);
  const air = atmosphereFor(instance.weather.fogVisibilityM, sky);
  scene.fog = air.fog;
  scene.background = air.fog.color.clone();
  scene.add(buildSkyDome(sky, air.haze, quality));
  const sun = new THREE.DirectionalLight(sky.sunColour, sky.sunIntensity * air.sunFactor);
  sun.name = 'sun';
  const sunOn = sun.intensity > 0.05;
  if (shadows && sunOn) {
    castSunShadow(sun, { mapPx: 1024, halfM: 45, farM: 400 });
    sun.shadow.bias = -0.0004;
    sun.shadow.normalBias = 0.03;
  }
  if (sunOn) scene.add(sun, sun.target);
  const ambient = new THREE.HemisphereLight(sky.ambientSky, sky.ambientGround, sky.ambientIntensity);
  scene.add(ambient);

  // Road and roadside.
  const look = surfaceLook(instance);
  // The road layer samples the surface, markings and areas (roadGeometry); the scene only meshes them.
  const road = buildRoadFromGeometry(roadGeometry(network, stepM), look, lib);
  scene.add(road.surface, road.markings);
  scene.add(buildGround(network, look, lib));
  const puddles = buildPuddles(network, instance.weather.puddles, look, lib, sceneRng(seed, RNG_STREAM.puddles));
  if (puddles) scene.add(puddles);
  const cover = Math.max(instance.weather.snowCover, instance.road.surface === 'snow' ? 0.8 : 0);
  if (cover > 0.2) {
    const tracks = buildWheelTracks(network, new THREE.Color(0x404042), cover, lib, stepM);
    if (tracks) scene.add(tracks);
  }
  // Paved layers get a noise map so they are not flat colour (UVs are in metres). Not in the
  // preview: a texture lookup over the road's share of the screen is ~3 ms of a software frame.
  // The preview darkens them by the grain's mean instead, as the export's grain does on average.
  const noise = lib.texture('surface-noise', () => surfaceNoiseTexture(0.22));
  const grain = full ? 1 : textureMeanLinear(noise);
  for (const key of ['asphalt', 'parking', 'sidewalk', 'kerb']) {
    const m = lib.find(key);
    if (m && full) m.map = noise;
    else m?.color.multiplyScalar(grain);
  }
  wetRoadLayers(lib, sky, look.wetness);
  const lampsOn = instance.light.streetLights;
  const furniture = buildFurniture(network, instance, lib, lampsOn, sceneRng(seed, RNG_STREAM.buildings), shadows);
  scene.add(mergeStatic(furniture.group, 'furniture', { cast: shadows, receive: shadows }));
  const roadside = buildRoadsideContext(network, instance, lib, sceneRng(seed, RNG_STREAM.roadside), sky.darkness);
  scene.add(mergeStatic(roadside, 'roadside', { cast: shadows, receive: shadows }));
  if (cover > 0) dustWithSnow(lib, cover);
  const tunnels = buildTunnels(network, lib, stepM);
  scene.add(tunnels.group);
  const signals = new TrafficLights(network, trajectory, lib, shadows);
  scene.add(signals.group);

  // Actors and the ego camera.
  const fogGlow = THREE.MathUtils.clamp(1 - instance.weather.fogVisibilityM / 400, 0, 0.8);
  const actors = new ActorRigs(lib, instance, trajectory, shadows, Math.max(sky.darkness, fogGlow, tunnelsPresent(network) ? 0.5 : 0));
  scene.add(actors.group);
  const ego = new EgoCamera(instance.ego.camera);
  scene.add(ego.mount);
  const camera = ego.camera;
  camera.layers.enable(1);

  // Real lights, bounded.
  const budget = LIGHT_BUDGET[quality];
  const lampHeads = [...(lampsOn ? furniture.lampHeads : []), ...tunnels.lampHeads];
  const lamps = new LampPool(lampHeads, lampHeads.length ? budget.lamps : 0, () => {
    const l = new THREE.SpotLight(0xffd6a0, 140, 40, 1.15, 0.7, 1.6);
    l.name = 'lamp';
    return l;
  });
  for (const l of lamps.lights) scene.add(l);
  const lampStrength = Math.max(sky.darkness, tunnels.lampHeads.length ? 0.6 : 0);
  const glows = buildLampGlows(lampHeads, lampStrength, 2.2);
  if (glows) scene.add(glows);
  // Every lit lamp paints its pool; the nearest few are also real lights that light actors.
  const streetPools = buildLampPools(lampsOn ? furniture.lampHeads : [], 9, 0.55 * sky.darkness, 0.02);
  if (streetPools) scene.add(streetPools);
  const tunnelPools = buildLampPools(tunnels.lampHeads, 5, 0.5 * tunnels.level, 0.02);
  if (tunnelPools) scene.add(tunnelPools);
  const inTunnels = tunnelsPresent(network);
  const needHeadlights = sky.darkness > 0.35 || instance.weather.fogVisibilityM < 400 || inTunnels;
  // Headlights add little in daylight (the exposure is set for the sun) but a lot in tunnels.
  const headlightScale = Math.max(0.25 + 0.75 * sky.darkness, inTunnels ? 0.8 : 0);
  const highBeams = trajectory.actors.map((a, i) => (i === 0 ? instance.ego.lights.highBeams : instance.actors.find((x) => x.id === a.id)?.lights.highBeams === true));
  const headlights = new HeadlightPool(trajectory, needHeadlights ? budget.headlights : 0, headlightScale, highBeams);
  for (const l of headlights.lights) scene.add(l, l.target);

  // Weather particles.
  const precip: Precipitation[] = [];
  for (const kind of ['rain', 'snow'] as const) {
    const p = precipitation(kind, instance.weather[kind], quality, seed);
    if (p) precip.push(p);
  }
  for (const p of precip) scene.add(p.object);

  // Library materials are static looks, set by now. Preview shades every lit material per
  // vertex (preview/previewLook.ts). Export shades only the matte context as Lambert (no highlight to
  // lose): PBR stays on actors (a rough coat still catches a headlight's sheen, and they are
  // small on screen), paint, glass, metal, wet roads, and on the paved layers wherever lamps or
  // headlights make a visible sheen on them.
  let previewLook: ReturnType<typeof usePreviewLook> | null = null;
  if (full) {
    const libMaterials = new Set<THREE.Material>([...lib.entries()].map(([, m]) => m));
    const actorMaterials = new Set<THREE.Material>();
    actors.group.traverse((o) => {
      const m = (o as THREE.Mesh).material;
      if ((o as THREE.Mesh).isMesh && m) for (const x of Array.isArray(m) ? m : [m]) actorMaterials.add(x);
    });
    const spotsOnRoad = lamps.lights.length + headlights.lights.length > 0;
    useLambert(scene, (m) => libMaterials.has(m) && isMatte(m) && !actorMaterials.has(m) && !(spotsOnRoad && PAVED.has(m.name)));
  } else {
    previewLook = usePreviewLook(scene, { fog: fogVisibleWithin(air.fog, PREVIEW_FOG_RANGE_M) });
  }
  // Bilinear from one mip level instead of trilinear from two: texture lookups are a large part
  // of a software-rendered frame (facades alone ~25 % in-page). Export keeps trilinear on the
  // road layers, where a mip seam across the lane would show; facades hide it.
  for (const [key, t] of lib.textureEntries()) {
    if (t.minFilter === THREE.LinearMipmapLinearFilter && (!full || key.startsWith('facade'))) t.minFilter = THREE.LinearMipmapNearestFilter;
  }

  const effects = {
    noise: instance.ego.camera.noise,
    motionBlur: instance.ego.camera.motionBlur,
    lensDrops: instance.ego.camera.lensDrops,
    glare: 0,
    exposureEv: instance.light.exposureEv,
  };
  const sunVisible = Math.min(1, sky.sunIntensity / 1.2) * air.sunFactor;

  function setTick(tick: number): void {
    const k = Math.max(0, Math.min(trajectory.ticks - 1, Math.floor(tick)));
    const timeS = k * trajectory.dtS;
    const st = trajectory.states;
    setPoseFromState(ego.mount, st, stateRow(trajectory, k, 0));
    ego.mount.updateMatrixWorld(true);
    camera.getWorldPosition(_camPos);
    camera.getWorldDirection(_camDir);
    actors.setTick(k);
    signals.setTick(k);
    headlights.update(k);
    // Lamps nearest a point 20 m ahead of the camera light what it sees.
    lamps.update(_camPos.x + _camDir.x * 20, _camPos.z + _camDir.z * 20);
    for (const p of precip) p.update(timeS, _camPos.x, _camPos.y, _camPos.z);
    if (sunOn) {
      sun.target.position.set(_camPos.x + _camDir.x * 30, 0, _camPos.z + _camDir.z * 30);
      sun.position.copy(sky.sunDir).multiplyScalar(150).add(sun.target.position);
      sun.target.updateMatrixWorld();
    }
    // Glare grows as the low sun comes into view.
    effects.glare = instance.light.glare * sunVisible * THREE.MathUtils.smoothstep(_camDir.dot(sky.sunDir), 0.55, 0.97);
  }

  setTick(0);
  return {
    scene,
    camera,
    tracks: actors.tracks,
    setTick,
    effects,
    dispose() {
      const geos = new Set<THREE.BufferGeometry>();
      const mats = new Set<THREE.Material>();
      scene.traverse((o) => {
        const m = o as THREE.Mesh;
        if (m.geometry) geos.add(m.geometry);
        if (m.material) for (const x of Array.isArray(m.material) ? m.material : [m.material]) mats.add(x);
      });
      for (const g of geos) g.dispose();
      for (const m of mats) {
        const sm = m as THREE.MeshStandardMaterial;
        sm.map?.dispose();
        sm.emissiveMap?.dispose();
        m.dispose();
      }
      for (const t of previewLook?.textures ?? []) t.dispose();
      for (const l of [...lamps.lights, ...headlights.lights, sun]) l.shadow?.dispose();
      lib.dispose();
    },
  };
}

/** Height of street lamp heads [m] (re-exported for the render page's glow sizing). */
export { STREETLIGHT_HEIGHT_M };
