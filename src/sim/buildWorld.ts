/**
 * Builds the cannon-es world for a scenario instance: a z-up ground plane with the road's
 * friction, a raycast vehicle per motor vehicle, a velocity-driven (kinematic, contact-free)
 * body per person, bicycle or animal, and a free rigid body per static object or debris.
 */
import { Body, ContactMaterial, Material, Plane, type RaycastVehicle, Vec3, World } from 'cannon-es';
import type { RoadNetwork } from '../road/types.js';
import type { ActorKind, Behaviour, Placement, ScenarioInstance, Size } from '../scenario/types.js';
import type { ActorIntent, ActorLiveState, ActorParams, ControlKind, SimActor } from './actor.js';
import { GROUND_GROUP, makeMoverBody, makeStaticBody, makeVehicleBody } from './actorBodies.js';
import { nearestS, stopLinesOn } from './actorPath.js';
import { laneAt, lanePath, reversedLanePath, type LanePathCache } from './lanePaths.js';
import { Path } from './path.js';
import { resolvePlacements, type Pose } from './placement.js';
import { isVehicleKind, vehicleGeometry, vehicleParams } from './vehicleParams.js';

export const GRAVITY_MPS2 = 9.81;

export interface SimWorld {
  world: World;
  actors: SimActor[];
  frictionMu: number;
}

/** One actor of the instance in a uniform shape (the ego is actor 0 with id "ego"). */
export interface ActorSpec {
  id: string;
  kind: ActorKind;
  place: Placement;
  speedMps: number;
  size: Size;
  behaviours: Behaviour[];
  headlights: boolean | 'auto';
  hazard: boolean;
  /** Body height of a person [m], for the gait. */
  personHeightM?: number;
  mobilityAid?: string;
  objectShape?: string;
}

export function actorSpecs(instance: ScenarioInstance): ActorSpec[] {
  const ego = instance.ego;
  return [
    { id: 'ego', kind: ego.kind, place: ego.place, speedMps: ego.speedMps, size: ego.size, behaviours: ego.behaviours, headlights: 'auto', hazard: false },
    ...instance.actors.map((a) => ({
      id: a.id,
      kind: a.kind,
      place: a.place,
      speedMps: a.speedMps,
      size: a.size,
      behaviours: a.behaviours,
      headlights: a.lights.headlights,
      hazard: a.lights.hazard,
      personHeightM: a.person?.heightM,
      mobilityAid: a.person?.mobilityAid,
      objectShape: a.object?.shape,
    })),
  ];
}

/** Headlights on by themselves when the sun is this low [deg] or the fog this dense [m]. */
const DARK_SUN_ELEVATION_DEG = 3;
const FOG_HEADLIGHTS_M = 300;

export function isDark(instance: ScenarioInstance): boolean {
  return instance.light.sunElevationDeg < DARK_SUN_ELEVATION_DEG || instance.weather.fogVisibilityM < FOG_HEADLIGHTS_M;
}

/** Behaviours that move a non-vehicle along a path. */
const MOVING = new Set<Behaviour['do']>(['cross', 'walk', 'keepLane', 'accelerate', 'swerve', 'laneChange', 'wrongWay', 'turn', 'cutIn']);

function startsWrongWay(behaviours: readonly Behaviour[]): boolean {
  return behaviours.some((b) => b.do === 'wrongWay' && (!b.trigger || (Object.keys(b.trigger).length === 1 && b.trigger.atS === 0)));
}

/** Path length an actor could need in this run [m]. */
function neededLengthM(spec: ActorSpec, durationS: number): number {
  let v = Math.max(spec.speedMps, 15);
  for (const b of spec.behaviours) {
    if ('speedMps' in b && typeof b.speedMps === 'number') v = Math.max(v, b.speedMps);
    if (b.do === 'accelerate') v = Math.max(v, b.toSpeedMps);
  }
  return v * durationS * 1.2 + 100;
}

export interface BuildOptions {
  durationS: number;
}

export function buildWorld(instance: ScenarioInstance, network: RoadNetwork, options: BuildOptions): SimWorld {
  const mu = network.frictionMu;
  const world = new World({ gravity: new Vec3(0, 0, -GRAVITY_MPS2) });
  world.allowSleep = false;

  const groundMaterial = new Material('ground');
  const bodyMaterial = new Material('body');
  const moverMaterial = new Material('mover');
  world.addContactMaterial(new ContactMaterial(groundMaterial, bodyMaterial, { friction: mu, restitution: 0 }));
  world.addContactMaterial(new ContactMaterial(bodyMaterial, bodyMaterial, { friction: 0.5, restitution: 0.1 }));
  // Velocity-driven bodies must not be dragged by contact friction.
  world.addContactMaterial(new ContactMaterial(moverMaterial, groundMaterial, { friction: 0, restitution: 0 }));
  world.addContactMaterial(new ContactMaterial(moverMaterial, bodyMaterial, { friction: 0, restitution: 0 }));

  // cannon-es planes face +z by default: z-up needs no rotation (and no AABB refresh).
  const ground = new Body({ mass: 0, type: Body.STATIC, material: groundMaterial, collisionFilterGroup: GROUND_GROUP });
  ground.addShape(new Plane());
  world.addBody(ground);

  const specs = actorSpecs(instance);
  const pointers = specs.map((_, i) => (i === 0 ? '/ego/place' : `/actors/${i - 1}/place`));
  const poses = resolvePlacements(
    network,
    specs.map((s) => s.id),
    specs.map((s) => s.place),
    undefined,
    pointers,
  );
  const dark = isDark(instance);
  const pathCache: LanePathCache = new Map();
  const actors = specs.map((spec, index) =>
    makeActor(world, network, spec, poses[index], index, { mu, dark, durationS: options.durationS, bodyMaterial, moverMaterial, pathCache }),
  );
  return { world, actors, frictionMu: mu };
}

interface MakeContext {
  mu: number;
  dark: boolean;
  durationS: number;
  bodyMaterial: Material;
  moverMaterial: Material;
  pathCache: LanePathCache;
}

function controlKind(spec: ActorSpec): ControlKind {
  if (isVehicleKind(spec.kind)) return 'vehicle';
  const moving = spec.speedMps > 0 || spec.behaviours.some((b) => MOVING.has(b.do));
  return spec.kind === 'object' && !moving ? 'static' : 'mover';
}

/** Vehicles and bicycles follow lanes; the others walk or roll along what behaviours give them. */
function followsLanes(spec: ActorSpec, control: ControlKind): boolean {
  return control === 'vehicle' || spec.kind === 'bicycle';
}

/**
 * The reference path an actor starts on: its lane (reversed for a wrong-way driver from t = 0,
 * who is turned round in `pose`), a straight line for a moving person or object, or none.
 */
function startPath(network: RoadNetwork, spec: ActorSpec, control: ControlKind, pose: Pose, ctx: MakeContext): { path: Path | null; endsAtRoadEnd: boolean } {
  if (followsLanes(spec, control)) {
    const wrongWay = startsWrongWay(spec.behaviours);
    const placed = pose.laneId ? network.lanes.get(pose.laneId) : undefined;
    const lane = placed ?? laneAt(network, pose, wrongWay ? pose.yawRad + Math.PI : pose.yawRad);
    const need = neededLengthM(spec, ctx.durationS);
    if (!lane) return { path: Path.straight(pose, pose.yawRad, need), endsAtRoadEnd: false };
    const built = wrongWay ? reversedLanePath(network, lane, need) : lanePath(network, lane, need, ctx.pathCache);
    if (wrongWay && Math.cos(lane.headingAt(lane.localCoordinates(pose).s) - pose.yawRad) > 0) pose.yawRad += Math.PI;
    return { path: built.path, endsAtRoadEnd: built.endsAtRoadEnd };
  }
  if (control === 'mover' && spec.speedMps > 0) return { path: Path.straight(pose, pose.yawRad, neededLengthM(spec, ctx.durationS)), endsAtRoadEnd: false };
  return { path: null, endsAtRoadEnd: false };
}

function actorParams(spec: ActorSpec): ActorParams {
  const vehicle = isVehicleKind(spec.kind) ? vehicleParams(spec.kind) : null;
  const personHeight = spec.personHeightM ?? 1.75;
  return {
    vehicle,
    geometry: vehicle ? vehicleGeometry(vehicle, spec.size) : null,
    moverAccelMps2: spec.kind === 'bicycle' ? 2 : spec.kind === 'animal' ? 6 : spec.mobilityAid === 'wheelchair' ? 1 : 3,
    moverYawRateRadps: spec.kind === 'bicycle' ? 1 : spec.kind === 'animal' ? 3 : 4,
    strideM: spec.kind === 'pedestrian' ? 0.8 * personHeight : spec.kind === 'bicycle' ? 5 : spec.kind === 'animal' ? 1.2 * spec.size.lengthM : 1,
  };
}

function initialState(spec: ActorSpec, control: ControlKind, pose: Pose, start: { s: number; t: number }): ActorLiveState {
  const speedMps = control === 'static' ? 0 : spec.speedMps;
  return {
    x: pose.x,
    y: pose.y,
    zBottom: 0,
    bottomX: pose.x,
    bottomY: pose.y,
    yawRad: pose.yawRad,
    pitchRad: 0,
    rollRad: 0,
    vx: control === 'static' ? 0 : Math.cos(pose.yawRad) * spec.speedMps,
    vy: control === 'static' ? 0 : Math.sin(pose.yawRad) * spec.speedMps,
    vz: 0,
    speedMps,
    accelMps2: 0,
    accelFilteredMps2: 0,
    box: { x: pose.x, y: pose.y, yawRad: pose.yawRad, halfL: spec.size.lengthM / 2, halfW: spec.size.widthM / 2 },
    pathS: start.s,
    pathT: start.t,
    steerRad: 0,
    wheelSpinRad: 0,
    gaitPhase: 0,
    door: 0,
    lights: 0,
    collided: false,
  };
}

function initialIntent(network: RoadNetwork, spec: ActorSpec, control: ControlKind, start: { path: Path | null; endsAtRoadEnd: boolean; t: number }, dark: boolean): ActorIntent {
  const laneFollower = followsLanes(spec, control);
  return {
    path: start.path,
    pathEndsAtRoadEnd: start.endsAtRoadEnd,
    baseT: laneFollower ? start.t : 0,
    manoeuvres: [],
    desiredSpeedMps: spec.speedMps,
    idm: null,
    override: null,
    parked: control === 'vehicle' && spec.speedMps === 0 && spec.behaviours.length === 0,
    stopLines: start.path ? stopLinesOn(start.path, network) : [],
    obeySignals: laneFollower,
    yieldPoints: [],
    speedZones: [],
    gait: 'walk',
    doorOpening: null,
    headlights: spec.headlights === 'auto' ? dark : spec.headlights,
    hazard: spec.hazard,
    turnIndicator: null,
  };
}

function makeActor(world: World, network: RoadNetwork, spec: ActorSpec, pose0: Pose, index: number, ctx: MakeContext): SimActor {
  const pose = { ...pose0 };
  const control = controlKind(spec);
  const { path, endsAtRoadEnd } = startPath(network, spec, control, pose, ctx);
  const params = actorParams(spec);
  let body: Body;
  let raycastVehicle: RaycastVehicle | null = null;
  if (params.vehicle && params.geometry) ({ body, raycastVehicle } = makeVehicleBody(world, pose, spec.speedMps, params.vehicle, params.geometry, ctx.mu, ctx.bodyMaterial));
  else if (control === 'static') body = makeStaticBody(world, pose, spec.size, spec.objectShape, ctx.bodyMaterial);
  else body = makeMoverBody(world, pose, spec.size, spec.speedMps, ctx.moverMaterial);
  const start = path ? path.localCoordinates(pose, nearestS(path, pose)) : { s: 0, t: 0 };
  return {
    index,
    id: spec.id,
    kind: spec.kind,
    size: spec.size,
    control,
    body,
    raycastVehicle,
    params,
    state: initialState(spec, control, pose, start),
    intent: initialIntent(network, spec, control, { path, endsAtRoadEnd, t: start.t }, ctx.dark),
    controller: { accelCmdMps2: 0, leader: null, arrived: false },
    behaviours: spec.behaviours.map((behaviour) => ({ behaviour, conditionSinceS: Number.NaN, startedS: Number.NaN, memo: Number.NaN })),
    updaters: [],
  };
}
