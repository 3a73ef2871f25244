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

/** The sun's shadow map: size [px], half width of the lit square [m], far plane [m], biases. */
const SUN_SHADOW = { mapPx: 1024, halfM: 45, farM: 400, bias: -0.0004, normalBias: 0.03 } as const;

/** A street or tunnel lamp as a real light: colour, intensity [cd], range [m], cone [rad], penumbra, decay. */
const LAMP = { colour: 0xffd6a0, intensity: 140, rangeM: 40, angleRad: 1.15, penumbra: 0.7, decay: 1.6 } as const;

/** Colour of the wheel tracks pressed into snow. */
const WHEEL_TRACK_COLOUR = 0x404042;

/** Strength of the paved layers' noise map. */
const SURFACE_GRAIN = 0.22;

/** Fog thicker than this visibility [m] makes actors' lights glow, up to FOG_GLOW_MAX. */
const FOG_GLOW_RANGE_M = 400;
const FOG_GLOW_MAX = 0.8;
/** How much actors' lights glow inside a tunnel. */
const TUNNEL_GLOW = 0.5;

/** Snow lying on the ground and the roadside, 0..1 (a snow road surface counts as 0.8). */
function snowCover(instance: SceneInput['instance']): number {
  return Math.max(instance.weather.snowCover, instance.road.surface === 'snow' ? 0.8 : 0);
}

function tunnelsPresent(network: SceneInput['network']): boolean {
  for (const r of network.roads.values()) if (r.tunnelSpans.length) return true;
  return false;
}

/** What every section of the scene shares while it is built. */
interface Build {
  input: SceneInput;
  scene: THREE.Scene;
  lib: MaterialLibrary;
  /** Export quality: shadows, finer road sampling, textures, the export look. */
  full: boolean;
  shadows: boolean;
  /** Road sampling step [m]. */
  stepM: number;
}

/**
 * The scene of one run, in the order it is assembled (the order objects are added is kept: it
 * settles draw order between equal depths, so pixels depend on it).
 */
export function buildScene(input: SceneInput): SceneRig {
  const full = input.quality === 'export';
  const scene = new THREE.Scene();
  scene.name = input.instance.name;
  const b: Build = { input, scene, lib: new MaterialLibrary(), full, shadows: full, stepM: full ? 2 : 4 };
  const light = addSkyAndSun(b);
  addRoadSurfaces(b, light.sky);
  const roadside = addRoadside(b, light.sky);
  const actors = addActorsAndEgo(b, light.sky, roadside.inTunnels);
  const lights = addLamps(b, light.sky, roadside);
  const headlights = addHeadlights(b, light.sky, roadside.inTunnels);
  const precip = addPrecipitation(b);
  const previewLook = applyMaterialLooks(b, light.air, actors.rigs, lights.lamps.lights.length + headlights.lights.length > 0);
  return poseByTick(b, { light, actors, lamps: lights.lamps, headlights, signals: roadside.signals, precip, previewLook });
}

/** Sky dome, fog, the sun (with its shadow in export quality) and the ambient light. */
function addSkyAndSun(b: Build) {
  const { instance, quality } = b.input;
  const sky = skyState(instance.light, instance.weather);
  const air = atmosphereFor(instance.weather.fogVisibilityM, sky);
  b.scene.fog = air.fog;
  b.scene.background = air.fog.color.clone();
  b.scene.add(buildSkyDome(sky, air.haze, quality));
  const sun = new THREE.DirectionalLight(sky.sunColour, sky.sunIntensity * air.sunFactor);
  sun.name = 'sun';
  const sunOn = sun.intensity > 0.05;
  if (b.shadows && sunOn) {
    castSunShadow(sun, SUN_SHADOW);
    sun.shadow.bias = SUN_SHADOW.bias;
    sun.shadow.normalBias = SUN_SHADOW.normalBias;
  }
  if (sunOn) b.scene.add(sun, sun.target);
  b.scene.add(new THREE.HemisphereLight(sky.ambientSky, sky.ambientGround, sky.ambientIntensity));
  return { sky, air, sun, sunOn };
}

/** Road surface and markings, ground, puddles, snow tracks; the paved layers' grain and wetness. */
function addRoadSurfaces(b: Build, sky: ReturnType<typeof skyState>): void {
  const { instance, network, seed } = b.input;
  const { scene, lib, full, stepM } = b;
  const look = surfaceLook(instance);
  // The road layer samples the surface, markings and areas (roadGeometry); the scene only meshes them.
  const road = buildRoadFromGeometry(roadGeometry(network, stepM), look, lib);
  scene.add(road.surface, road.markings);
  scene.add(buildGround(network, look, lib));
  const puddles = buildPuddles(network, instance.weather.puddles, look, lib, sceneRng(seed, RNG_STREAM.puddles));
  if (puddles) scene.add(puddles);
  const cover = snowCover(instance);
  if (cover > 0.2) {
    const tracks = buildWheelTracks(network, new THREE.Color(WHEEL_TRACK_COLOUR), cover, lib, stepM);
    if (tracks) scene.add(tracks);
  }
  // Paved layers get a noise map so they are not flat colour (UVs are in metres). Not in the
  // preview: a texture lookup over the road's share of the screen is ~3 ms of a software frame.
  // The preview darkens them by the grain's mean instead, as the export's grain does on average.
  const noise = lib.texture('surface-noise', () => surfaceNoiseTexture(SURFACE_GRAIN));
  const grain = full ? 1 : textureMeanLinear(noise);
  for (const key of ['asphalt', 'parking', 'sidewalk', 'kerb']) {
    const m = lib.find(key);
    if (m && full) m.map = noise;
    else m?.color.multiplyScalar(grain);
  }
  wetRoadLayers(lib, sky, look.wetness);
}

/** Street furniture, buildings and trees, snow on them, tunnels and traffic lights. */
function addRoadside(b: Build, sky: ReturnType<typeof skyState>) {
  const { instance, network, trajectory, seed } = b.input;
  const { scene, lib, shadows } = b;
  const lampsOn = instance.light.streetLights;
  const furniture = buildFurniture(network, instance, lib, lampsOn, sceneRng(seed, RNG_STREAM.buildings), shadows);
  scene.add(mergeStatic(furniture.group, 'furniture', { cast: shadows, receive: shadows }));
  const context = buildRoadsideContext(network, instance, lib, sceneRng(seed, RNG_STREAM.roadside), sky.darkness);
  scene.add(mergeStatic(context, 'roadside', { cast: shadows, receive: shadows }));
  const cover = snowCover(instance);
  if (cover > 0) dustWithSnow(lib, cover);
  const tunnels = buildTunnels(network, lib, b.stepM);
  scene.add(tunnels.group);
  const signals = new TrafficLights(network, trajectory, lib, shadows);
  scene.add(signals.group);
  return { lampsOn, furniture, tunnels, signals, inTunnels: tunnelsPresent(network) };
}

/** The actors' rigs and the ego camera. */
function addActorsAndEgo(b: Build, sky: ReturnType<typeof skyState>, inTunnels: boolean) {
  const { instance, trajectory } = b.input;
  const fogGlow = THREE.MathUtils.clamp(1 - instance.weather.fogVisibilityM / FOG_GLOW_RANGE_M, 0, FOG_GLOW_MAX);
  const rigs = new ActorRigs(b.lib, instance, trajectory, b.shadows, Math.max(sky.darkness, fogGlow, inTunnels ? TUNNEL_GLOW : 0));
  b.scene.add(rigs.group);
  const ego = new EgoCamera(instance.ego.camera);
  b.scene.add(ego.mount);
  ego.camera.layers.enable(1);
  return { rigs, ego };
}

/** Street and tunnel lamps: a bounded pool of real lights, glows and painted light pools. */
function addLamps(b: Build, sky: ReturnType<typeof skyState>, roadside: ReturnType<typeof addRoadside>) {
  const { scene, input } = b;
  const { lampsOn, furniture, tunnels } = roadside;
  const budget = LIGHT_BUDGET[input.quality];
  const lampHeads = [...(lampsOn ? furniture.lampHeads : []), ...tunnels.lampHeads];
  const lamps = new LampPool(lampHeads, lampHeads.length ? budget.lamps : 0, () => {
    const l = new THREE.SpotLight(LAMP.colour, LAMP.intensity, LAMP.rangeM, LAMP.angleRad, LAMP.penumbra, LAMP.decay);
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
  return { lamps };
}

/** Vehicle headlights, a bounded pool, at night, in fog and in tunnels. */
function addHeadlights(b: Build, sky: ReturnType<typeof skyState>, inTunnels: boolean): HeadlightPool {
  const { instance, trajectory, quality } = b.input;
  const needHeadlights = sky.darkness > 0.35 || instance.weather.fogVisibilityM < 400 || inTunnels;
  // Headlights add little in daylight (the exposure is set for the sun) but a lot in tunnels.
  const headlightScale = Math.max(0.25 + 0.75 * sky.darkness, inTunnels ? 0.8 : 0);
  const highBeams = trajectory.actors.map((a, i) => (i === 0 ? instance.ego.lights.highBeams : instance.actors.find((x) => x.id === a.id)?.lights.highBeams === true));
  const headlights = new HeadlightPool(trajectory, needHeadlights ? LIGHT_BUDGET[quality].headlights : 0, headlightScale, highBeams);
  for (const l of headlights.lights) b.scene.add(l, l.target);
  return headlights;
}

/** Rain and snow particles. */
function addPrecipitation(b: Build): Precipitation[] {
  const { instance, quality, seed } = b.input;
  const precip: Precipitation[] = [];
  for (const kind of ['rain', 'snow'] as const) {
    const p = precipitation(kind, instance.weather[kind], quality, seed);
    if (p) precip.push(p);
  }
  for (const p of precip) b.scene.add(p.object);
  return precip;
}

/**
 * Library materials are static looks, set by now. Preview shades every lit material per
 * vertex (preview/previewLook.ts). Export shades only the matte context as Lambert (no highlight to
 * lose): PBR stays on actors (a rough coat still catches a headlight's sheen, and they are
 * small on screen), paint, glass, metal, wet roads, and on the paved layers wherever lamps or
 * headlights make a visible sheen on them.
 */
function applyMaterialLooks(b: Build, air: ReturnType<typeof atmosphereFor>, actors: ActorRigs, spotsOnRoad: boolean): ReturnType<typeof usePreviewLook> | null {
  const { scene, lib, full } = b;
  let previewLook: ReturnType<typeof usePreviewLook> | null = null;
  if (full) {
    const libMaterials = new Set<THREE.Material>([...lib.entries()].map(([, m]) => m));
    const actorMaterials = new Set<THREE.Material>();
    actors.group.traverse((o) => {
      const m = (o as THREE.Mesh).material;
      if ((o as THREE.Mesh).isMesh && m) for (const x of Array.isArray(m) ? m : [m]) actorMaterials.add(x);
    });
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
  return previewLook;
}

interface Posed {
  light: ReturnType<typeof addSkyAndSun>;
  actors: ReturnType<typeof addActorsAndEgo>;
  lamps: LampPool;
  headlights: HeadlightPool;
  signals: TrafficLights;
  precip: Precipitation[];
  previewLook: ReturnType<typeof usePreviewLook> | null;
}

/** The rig: camera effects, setTick (poses everything at a tick of the trajectory) and dispose. */
function poseByTick(b: Build, p: Posed): SceneRig {
  const { instance, trajectory } = b.input;
  const { scene, lib } = b;
  const { sky, air, sun, sunOn } = p.light;
  const { rigs: actors, ego } = p.actors;
  const { lamps, headlights, signals, precip, previewLook } = p;
  const camera = ego.camera;
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
    for (const q of precip) q.update(timeS, _camPos.x, _camPos.y, _camPos.z);
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
