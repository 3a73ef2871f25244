/**
 * Code fixtures for the scene tests and the preview: a complete ScenarioInstance on a straight
 * road, its road network (from the road layer) and a hand-made trajectory.
 */
import type { ActorInstance, ScenarioInstance, Size, Weather, Light } from '../../src/scenario/types.js';
import type { RoadNetwork } from '../../src/road/types.js';
import { roadNetworkOf } from '../../src/sim/replay.js';
import { STATE_COLUMN, STATE_FIELDS, STATE_STRIDE, stateRow, type ActorState, type TrackInfo, type Trajectory } from '../../src/sim/types.js';

/**
 * The road network of a fixture instance, built by the road layer from the instance's road
 * spec (as every scene is drawn: there is no hand-made network). The default road is straight,
 * 300 m along +x from the origin.
 */
export function fixtureNetwork(instance: ScenarioInstance): RoadNetwork {
  return roadNetworkOf(instance);
}

const DEFAULT_WEATHER: Weather = { rain: 0, snow: 0, fogVisibilityM: 20000, cloudCover: 0.2, wetness: 0, puddles: 0, snowCover: 0 };
const DEFAULT_LIGHT: Light = { timeOfDayH: 14, sunElevationDeg: 45, sunAzimuthDeg: 60, streetLights: false, exposureEv: 0, glare: 0 };

const SIZES: Record<string, Size> = {
  car: { lengthM: 4.5, widthM: 1.8, heightM: 1.5 },
  van: { lengthM: 5.2, widthM: 2.0, heightM: 2.3 },
  truck: { lengthM: 9, widthM: 2.5, heightM: 3.4 },
  bus: { lengthM: 12, widthM: 2.55, heightM: 3.2 },
  motorcycle: { lengthM: 2.1, widthM: 0.8, heightM: 1.5 },
  bicycle: { lengthM: 1.8, widthM: 0.6, heightM: 1.75 },
  pedestrian: { lengthM: 0.5, widthM: 0.6, heightM: 1.75 },
  animal: { lengthM: 1.6, widthM: 0.5, heightM: 1.2 },
  object: { lengthM: 0.4, widthM: 0.4, heightM: 0.7 },
};

function actor(id: string, kind: ActorInstance['kind'], extra: Partial<ActorInstance> = {}): ActorInstance {
  return {
    id,
    kind,
    place: { road: 'main', lane: 1, s: 0, offsetM: 0, headingDeg: 0 },
    speedMps: 0,
    colour: 'red',
    size: SIZES[kind] as Size,
    lights: { headlights: 'auto', hazard: false, highBeams: false },
    behaviours: [],
    ...extra,
  };
}

/** A scenario instance with one actor of every kind; `patch` overrides weather and light. */
export function fixtureInstance(patch: { weather?: Partial<Weather>; light?: Partial<Light>; setting?: ScenarioInstance['road']['setting'] } = {}): ScenarioInstance {
  const person = (over: Partial<NonNullable<ActorInstance['person']>> = {}): NonNullable<ActorInstance['person']> => ({
    heightM: 1.75,
    ageGroup: 'adult',
    mobilityAid: 'none',
    skinTone: 'III',
    topColour: 'navy',
    bottomColour: 'black',
    ...over,
  });
  return {
    version: 1,
    name: 'scene-fixture',
    simulation: { durationS: 4, dtS: 0.05, nearMissTtcS: 1.5 },
    road: {
      lanes: { forward: 2, backward: 1, widthM: 3.5 },
      markings: { centre: 'double-solid', lanes: 'dashed', edge: 'solid' },
      parking: { left: false, right: true, widthM: 2.4 },
      sidewalks: { left: true, right: true, widthM: 3, kerbHeightM: 0.15 },
      shoulderM: 0.5,
      speedLimitMps: 14,
      surface: 'auto',
      setting: patch.setting ?? 'urban',
      blocks: [{ kind: 'straight', id: 'b0', lengthM: 300 }],
      crosswalks: [{ s: 60, widthM: 4 }],
      furniture: [
        { kind: 'streetlight', s: 10, toS: 200, spacingM: 30, side: 'right' },
        { kind: 'sign', sign: 'pedestrian-crossing', s: 52, side: 'right' },
        { kind: 'cone', s: 90, toS: 110, spacingM: 5, t: 1.2 },
        { kind: 'tree', s: 20, toS: 200, spacingM: 25, side: 'left' },
      ],
    },
    weather: { ...DEFAULT_WEATHER, ...patch.weather },
    light: { ...DEFAULT_LIGHT, ...patch.light },
    ego: {
      kind: 'car',
      place: { road: 'main', lane: 1, s: 0, offsetM: 0, headingDeg: 0 },
      speedMps: 10,
      colour: 'white',
      size: SIZES['car'] as Size,
      behaviours: [],
      camera: { widthPx: 1280, heightPx: 720, fovDeg: 90, heightM: 1.5, forwardM: 0.5, pitchDeg: 2, noise: 0, motionBlur: 0, lensDrops: 0 },
      lights: { highBeams: false },
    },
    actors: [
      actor('lead', 'car', { colour: 'red' }),
      actor('parkedVan', 'van', { colour: 'white', behaviours: [{ do: 'openDoor', side: 'left' }] }),
      actor('oncomingTruck', 'truck', { colour: '#2a5caa' }),
      actor('bus', 'bus', { colour: 'yellow' }),
      actor('moto', 'motorcycle', { colour: 'black' }),
      actor('walker', 'pedestrian', { person: person({ topColour: 'orange', bottomColour: 'navy', skinTone: 'V' }) }),
      actor('child', 'pedestrian', {
        size: { lengthM: 0.4, widthM: 0.45, heightM: 1.15 },
        person: person({ heightM: 1.15, ageGroup: 'child', topColour: 'yellow', skinTone: 'II' }),
      }),
      actor('wheelchair', 'pedestrian', { size: { lengthM: 1.1, widthM: 0.7, heightM: 1.3 }, person: person({ mobilityAid: 'wheelchair', topColour: 'green', skinTone: 'VI' }) }),
      actor('cyclist', 'bicycle', { person: person({ topColour: 'red', skinTone: 'I' }) }),
      actor('dog', 'animal', { size: { lengthM: 0.9, widthM: 0.3, heightM: 0.6 }, animal: { species: 'dog' } }),
      actor('deer', 'animal', { animal: { species: 'deer' } }),
      actor('box', 'object', { object: { shape: 'box' } }),
    ],
    focus: { actors: [] },
  };
}

/** Pose of each fixture actor at time t [s] (ego at index 0). */
function fixturePose(id: string, timeS: number, out: ActorState): void {
  out.z = 0;
  out.pitchRad = 0;
  out.rollRad = 0;
  out.vz = 0;
  out.steerRad = 0;
  out.lights = 0;
  out.door = 0;
  out.gaitPhase = 0;
  let vx = 0;
  let vy = 0;
  let yaw = 0;
  const lane1 = -1.75;
  const lane2 = -5.25;
  const laneM1 = 1.75;
  switch (id) {
    case 'ego':
      out.x = 10 * timeS;
      out.y = lane1;
      vx = 10;
      out.lights = 1 | 2;
      break;
    case 'lead':
      out.x = 28 + 8 * timeS;
      out.y = lane1;
      vx = 8;
      out.lights = 1 | 2 | (timeS > 1 ? 4 : 0) | 8;
      out.steerRad = 0.2;
      break;
    case 'parkedVan':
      out.x = 45;
      out.y = -8.45;
      out.lights = 32 | 2;
      out.door = Math.min(1, timeS / 2);
      break;
    case 'oncomingTruck':
      out.x = 95 - 9 * timeS;
      out.y = laneM1;
      vx = -9;
      yaw = Math.PI;
      out.lights = 1 | 2;
      break;
    case 'bus':
      out.x = 58 + 6 * timeS;
      out.y = lane2;
      vx = 6;
      out.lights = 1 | 2 | 16;
      break;
    case 'moto':
      out.x = 10 + 11 * timeS;
      out.y = lane2;
      vx = 11;
      out.lights = 1 | 2;
      break;
    case 'walker':
      out.x = 44;
      out.y = -6 + 1.4 * timeS;
      vy = 1.4;
      yaw = Math.PI / 2;
      out.gaitPhase = (timeS * 0.9) % 1;
      break;
    case 'child':
      out.x = 48;
      out.y = 5.5 - 1.5 * timeS;
      vy = -1.5;
      yaw = -Math.PI / 2;
      out.gaitPhase = (timeS * 1.6) % 1;
      break;
    case 'wheelchair':
      out.x = 50;
      out.y = 8.5;
      yaw = Math.PI;
      out.z = 0.15;
      break;
    case 'cyclist':
      out.x = 38 + 5 * timeS;
      out.y = -6.6;
      vx = 5;
      out.gaitPhase = (timeS * 1.2) % 1;
      break;
    case 'dog':
      out.x = 56;
      out.y = 8.2;
      yaw = Math.PI;
      out.gaitPhase = (timeS * 2) % 1;
      out.z = 0.15;
      break;
    case 'deer':
      out.x = 120;
      out.y = 6;
      yaw = -2.0;
      out.gaitPhase = (timeS * 1.5) % 1;
      break;
    case 'box':
      out.x = 80;
      out.y = -5;
      yaw = 0.4;
      break;
    default:
      throw new Error(`no pose for fixture actor ${id}`);
  }
  out.vx = vx;
  out.vy = vy;
  out.yawRad = yaw;
  out.wheelSpinRad = (Math.hypot(vx, vy) * timeS) / 0.33;
}

/**
 * The trajectory of `fixtureInstance`. Every signal head of the instance's road (a road with a
 * signalled junction has some) shows green, then yellow at t = 1.5 s and red from t = 2 s.
 */
export function fixtureTrajectory(instance: ScenarioInstance, ticks = 81): Trajectory {
  const ids = ['ego', ...instance.actors.map((a) => a.id)];
  const actors: TrackInfo[] = ids.map((id, i) => ({
    id,
    trackId: i,
    kind: i === 0 ? instance.ego.kind : (instance.actors[i - 1] as ActorInstance).kind,
    size: i === 0 ? instance.ego.size : (instance.actors[i - 1] as ActorInstance).size,
  }));
  const dt = instance.simulation.dtS;
  const states = new Float64Array(ticks * ids.length * STATE_STRIDE);
  const s = {} as ActorState;
  for (let k = 0; k < ticks; k++) {
    for (let a = 0; a < ids.length; a++) {
      fixturePose(ids[a] as string, k * dt, s);
      const o = stateRow({ actors }, k, a);
      for (const f of STATE_FIELDS) states[o + STATE_COLUMN[f]] = s[f];
    }
  }
  const signalHeads = fixtureNetwork(instance).junctions.flatMap((j) => j.signalHeads.map((h) => h.id));
  const signals = new Uint8Array(ticks * signalHeads.length);
  for (let k = 0; k < ticks; k++) signals.fill(k * dt < 1.5 ? 0 : k * dt < 2 ? 1 : 2, k * signalHeads.length, (k + 1) * signalHeads.length);
  return { version: 1, dtS: dt, ticks, actors, signalHeads, states, signals };
}
