/**
 * Builds the cannon-es world for a scenario instance: a z-up ground plane with the road's
 * friction, a raycast vehicle per motor vehicle, a velocity-driven (kinematic, contact-free)
 * body per person, bicycle or animal, and a free rigid body per static object or debris.
 */
import { Body, Box, ContactMaterial, Material, Plane, Quaternion, RaycastResult, RaycastVehicle, Sphere, Vec3, World } from 'cannon-es';
import type { RoadNetwork } from '../road/types.js';
import type { ActorKind, Behaviour, Placement, ScenarioInstance, Size } from '../scenario/types.js';
import type { SimActor } from './actor.js';
import { nearestS, stopLinesOn } from './actorPath.js';
import { laneAt, lanePath, reversedLanePath, type LanePathCache } from './lanePaths.js';
import { Path } from './path.js';
import { resolvePlacements, type Pose } from './placement.js';
import { isVehicleKind, vehicleGeometry, vehicleParams } from './vehicleParams.js';

export const GRAVITY_MPS2 = 9.81;
/** Collision group of the ground: the only thing wheel rays may hit. */
const GROUND_GROUP = 2;
/** Collision group of velocity-driven bodies, which collide with nothing in cannon-es. */
const MOVER_GROUP = 4;

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

const OBJECT_MASS_KG: Record<string, number> = { cone: 4, barrier: 40, box: 15, tyre: 10, barrel: 20, debris: 25, ball: 0.45, pallet: 20 };

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

function yawQuaternion(yawRad: number): Quaternion {
  return new Quaternion().setFromAxisAngle(new Vec3(0, 0, 1), yawRad);
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
  const poses = resolvePlacements(network, specs.map((s) => s.id), specs.map((s) => s.place), undefined, pointers);
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

function makeActor(world: World, network: RoadNetwork, spec: ActorSpec, pose0: Pose, index: number, ctx: MakeContext): SimActor {
  const pose = { ...pose0 };
  const vehicleKind = isVehicleKind(spec.kind) ? spec.kind : null;
  const moving = spec.speedMps > 0 || spec.behaviours.some((b) => MOVING.has(b.do));
  const control = vehicleKind ? 'vehicle' : spec.kind === 'object' && !moving ? 'static' : 'mover';

  // Lane the actor drives on, and its reference path.
  let path: Path | null = null;
  let endsAtRoadEnd = false;
  const laneFollower = control === 'vehicle' || spec.kind === 'bicycle';
  if (laneFollower) {
    const wrongWay = startsWrongWay(spec.behaviours);
    const placed = pose.laneId ? network.lanes.get(pose.laneId) : undefined;
    const lane = placed ?? laneAt(network, pose, wrongWay ? pose.yawRad + Math.PI : pose.yawRad);
    const need = neededLengthM(spec, ctx.durationS);
    if (lane) {
      const built = wrongWay ? reversedLanePath(network, lane, need) : lanePath(network, lane, need, ctx.pathCache);
      path = built.path;
      endsAtRoadEnd = built.endsAtRoadEnd;
      if (wrongWay && Math.cos(lane.headingAt(lane.localCoordinates(pose).s) - pose.yawRad) > 0) pose.yawRad += Math.PI;
    } else {
      path = Path.straight(pose, pose.yawRad, need);
    }
  } else if (control === 'mover' && spec.speedMps > 0) {
    path = Path.straight(pose, pose.yawRad, neededLengthM(spec, ctx.durationS));
  }

  const params = vehicleKind ? vehicleParams(vehicleKind) : null;
  const geometry = params ? vehicleGeometry(params, spec.size) : null;
  const c = Math.cos(pose.yawRad);
  const s = Math.sin(pose.yawRad);
  let body: Body;
  let vehicle: RaycastVehicle | null = null;
  if (params && geometry) {
    const he = geometry.halfExtents;
    body = new Body({ mass: params.massKg, material: ctx.bodyMaterial, linearDamping: 0, angularDamping: 0.05 });
    body.addShape(new Box(new Vec3(he.x, he.y, he.z)));
    body.position.set(pose.x, pose.y, geometry.comHeightM);
    body.quaternion.copy(yawQuaternion(pose.yawRad));
    body.velocity.set(c * spec.speedMps, s * spec.speedMps, 0);
    vehicle = new RaycastVehicle({ chassisBody: body, indexRightAxis: 1, indexForwardAxis: 0, indexUpAxis: 2 });
    for (const [fx, fy] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
      vehicle.addWheel({
        radius: params.wheelRadiusM,
        directionLocal: new Vec3(0, 0, -1),
        axleLocal: new Vec3(0, 1, 0),
        chassisConnectionPointLocal: new Vec3((fx * geometry.wheelbaseM) / 2, (fy * geometry.trackM) / 2, geometry.connectionZM),
        suspensionStiffness: params.suspensionStiffness,
        suspensionRestLength: params.suspensionRestLengthM,
        dampingRelaxation: params.dampingRelaxation,
        dampingCompression: params.dampingCompression,
        maxSuspensionForce: 1e8,
        maxSuspensionTravel: 0.3,
        rollInfluence: 0.01,
        frictionSlip: ctx.mu,
        // 0.5 cancels cannon-es's forward factor of 0.5, so the friction circle is mu * load.
        forwardAcceleration: 0.5,
        sideAcceleration: 1,
        useCustomSlidingRotationalSpeed: true,
        customSlidingRotationalSpeed: -30,
      });
    }
    vehicle.addToWorld(world);
    // Wheel rays see only the ground: a ray landing on a neighbour's roof would throw the car
    // into the air. cannon-es casts through vehicle.world.rayTest, so that is what is narrowed.
    const groundOnly = {
      rayTest: (from: Vec3, to: Vec3, result: RaycastResult): boolean =>
        world.raycastClosest(from, to, { skipBackfaces: true, collisionFilterMask: GROUND_GROUP }, result),
    };
    vehicle.world = groundOnly as unknown as World;
  } else if (control === 'static') {
    const mass = OBJECT_MASS_KG[spec.objectShape ?? 'box'] ?? 15;
    body = new Body({ mass, material: ctx.bodyMaterial, linearDamping: 0.05, angularDamping: 0.3 });
    if (spec.objectShape === 'ball') {
      const r = spec.size.heightM / 2;
      body.addShape(new Sphere(r));
    } else {
      body.addShape(new Box(new Vec3(spec.size.lengthM / 2, spec.size.widthM / 2, spec.size.heightM / 2)));
    }
    body.position.set(pose.x, pose.y, spec.size.heightM / 2);
    body.quaternion.copy(yawQuaternion(pose.yawRad));
    world.addBody(body);
  } else {
    body = new Body({ mass: 0, type: Body.KINEMATIC, material: ctx.moverMaterial });
    body.addShape(new Box(new Vec3(spec.size.lengthM / 2, spec.size.widthM / 2, spec.size.heightM / 2)));
    // Never pushed and never pushing (a person is not a wall for a car), so cannon-es need not
    // even test it for contacts: collisions are found from footprints (metrics.ts).
    body.collisionResponse = false;
    body.collisionFilterGroup = MOVER_GROUP;
    body.collisionFilterMask = 0;
    body.position.set(pose.x, pose.y, spec.size.heightM / 2);
    body.quaternion.copy(yawQuaternion(pose.yawRad));
    body.velocity.set(c * spec.speedMps, s * spec.speedMps, 0);
    world.addBody(body);
  }

  const personHeight = spec.personHeightM ?? 1.75;
  const strideM =
    spec.kind === 'pedestrian' ? 0.8 * personHeight : spec.kind === 'bicycle' ? 5 : spec.kind === 'animal' ? 1.2 * spec.size.lengthM : 1;
  const moverAccelMps2 = spec.kind === 'bicycle' ? 2 : spec.kind === 'animal' ? 6 : spec.mobilityAid === 'wheelchair' ? 1 : 3;
  const moverYawRateRadps = spec.kind === 'bicycle' ? 1 : spec.kind === 'animal' ? 3 : 4;

  const start = path ? path.localCoordinates(pose, nearestS(path, pose)) : { s: 0, t: 0 };
  return {
    index,
    id: spec.id,
    kind: spec.kind,
    size: spec.size,
    control,
    body,
    vehicle,
    params,
    geometry,
    moverAccelMps2,
    moverYawRateRadps,
    strideM,
    gait: 'walk',
    x: pose.x,
    y: pose.y,
    zBottom: 0,
    bottomX: pose.x,
    bottomY: pose.y,
    yawRad: pose.yawRad,
    pitchRad: 0,
    rollRad: 0,
    vx: control === 'static' ? 0 : c * spec.speedMps,
    vy: control === 'static' ? 0 : s * spec.speedMps,
    vz: 0,
    speedMps: control === 'static' ? 0 : spec.speedMps,
    accelMps2: 0,
    accelFilteredMps2: 0,
    box: { x: pose.x, y: pose.y, yawRad: pose.yawRad, halfL: spec.size.lengthM / 2, halfW: spec.size.widthM / 2 },
    path,
    pathS: start.s,
    pathT: start.t,
    pathEndsAtRoadEnd: endsAtRoadEnd,
    baseT: control === 'vehicle' || spec.kind === 'bicycle' ? start.t : 0,
    manoeuvres: [],
    desiredSpeedMps: spec.speedMps,
    idm: null,
    override: null,
    parked: control === 'vehicle' && spec.speedMps === 0 && spec.behaviours.length === 0,
    stopLines: path ? stopLinesOn(path, network) : [],
    obeySignals: laneFollower,
    yieldPoints: [],
    speedZones: [],
    arrived: false,
    collided: false,
    accelCmdMps2: 0,
    lights: 0,
    steerRad: 0,
    wheelSpinRad: 0,
    gaitPhase: 0,
    door: 0,
    doorOpening: null,
    headlights: spec.headlights === 'auto' ? ctx.dark : spec.headlights,
    hazard: spec.hazard,
    indicator: 0,
    turnIndicator: null,
    leader: null,
    behaviours: spec.behaviours.map((behaviour) => ({ behaviour, conditionSinceS: Number.NaN, startedS: Number.NaN, memo: Number.NaN })),
    updaters: [],
  };
}
