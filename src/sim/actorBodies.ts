/**
 * The cannon-es body of each kind of actor, one small factory per kind: a raycast vehicle
 * (motor vehicles), a free rigid body (static objects and debris), a velocity-driven kinematic
 * body (people, animals, bicycles, moving objects). Each adds what it makes to the world.
 */
import { Body, Box, type Material, Quaternion, type RaycastResult, RaycastVehicle, Sphere, Vec3, type World } from 'cannon-es';
import type { Size } from '../scenario/types.js';
import type { Pose } from './placement.js';
import type { VehicleGeometry, VehicleParams } from './vehicleParams.js';

/** Collision group of the ground: the only thing wheel rays may hit. */
export const GROUND_GROUP = 2;
/** Collision group of velocity-driven bodies, which collide with nothing in cannon-es. */
const MOVER_GROUP = 4;

const OBJECT_MASS_KG: Record<string, number> = { cone: 4, barrier: 40, box: 15, tyre: 10, barrel: 20, debris: 25, ball: 0.45, pallet: 20 };

/** Wheel positions as signs of (half wheelbase, half track): front left, front right, rear left, rear right. */
const WHEEL_CORNERS: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
];

function yawQuaternion(yawRad: number): Quaternion {
  return new Quaternion().setFromAxisAngle(new Vec3(0, 0, 1), yawRad);
}

export interface VehicleBody {
  body: Body;
  raycastVehicle: RaycastVehicle;
}

/**
 * A motor vehicle: a box chassis at its centre-of-mass height on four raycast wheels whose
 * tyres grip with friction `mu`, moving at `speedMps` [m/s] along its heading.
 */
export function makeVehicleBody(world: World, pose: Pose, speedMps: number, p: VehicleParams, g: VehicleGeometry, mu: number, material: Material): VehicleBody {
  const he = g.halfExtents;
  const body = new Body({ mass: p.massKg, material, linearDamping: 0, angularDamping: 0.05 });
  body.addShape(new Box(new Vec3(he.x, he.y, he.z)));
  body.position.set(pose.x, pose.y, g.comHeightM);
  body.quaternion.copy(yawQuaternion(pose.yawRad));
  body.velocity.set(Math.cos(pose.yawRad) * speedMps, Math.sin(pose.yawRad) * speedMps, 0);
  const raycastVehicle = new RaycastVehicle({ chassisBody: body, indexRightAxis: 1, indexForwardAxis: 0, indexUpAxis: 2 });
  for (const [fx, fy] of WHEEL_CORNERS) {
    raycastVehicle.addWheel({
      radius: p.wheelRadiusM,
      directionLocal: new Vec3(0, 0, -1),
      axleLocal: new Vec3(0, 1, 0),
      chassisConnectionPointLocal: new Vec3((fx * g.wheelbaseM) / 2, (fy * g.trackM) / 2, g.connectionZM),
      suspensionStiffness: p.suspensionStiffness,
      suspensionRestLength: p.suspensionRestLengthM,
      dampingRelaxation: p.dampingRelaxation,
      dampingCompression: p.dampingCompression,
      maxSuspensionForce: 1e8,
      maxSuspensionTravel: 0.3,
      rollInfluence: 0.01,
      frictionSlip: mu,
      // 0.5 cancels cannon-es's forward factor of 0.5, so the friction circle is mu * load.
      forwardAcceleration: 0.5,
      sideAcceleration: 1,
      useCustomSlidingRotationalSpeed: true,
      customSlidingRotationalSpeed: -30,
    });
  }
  raycastVehicle.addToWorld(world);
  // Wheel rays see only the ground: a ray landing on a neighbour's roof would throw the car
  // into the air. cannon-es casts through vehicle.world.rayTest, so that is what is narrowed.
  const groundOnly = {
    rayTest: (from: Vec3, to: Vec3, result: RaycastResult): boolean => world.raycastClosest(from, to, { skipBackfaces: true, collisionFilterMask: GROUND_GROUP }, result),
  };
  raycastVehicle.world = groundOnly as unknown as World;
  return { body, raycastVehicle };
}

/** A static object or debris: a free rigid body (a sphere for a ball, else a box) standing at rest. */
export function makeStaticBody(world: World, pose: Pose, size: Size, shape: string | undefined, material: Material): Body {
  const mass = OBJECT_MASS_KG[shape ?? 'box'] ?? 15;
  const body = new Body({ mass, material, linearDamping: 0.05, angularDamping: 0.3 });
  if (shape === 'ball') {
    body.addShape(new Sphere(size.heightM / 2));
  } else {
    body.addShape(new Box(new Vec3(size.lengthM / 2, size.widthM / 2, size.heightM / 2)));
  }
  body.position.set(pose.x, pose.y, size.heightM / 2);
  body.quaternion.copy(yawQuaternion(pose.yawRad));
  world.addBody(body);
  return body;
}

/** A person, animal, bicycle or moving object: a kinematic box the controller sets the velocity of. */
export function makeMoverBody(world: World, pose: Pose, size: Size, speedMps: number, material: Material): Body {
  const body = new Body({ mass: 0, type: Body.KINEMATIC, material });
  body.addShape(new Box(new Vec3(size.lengthM / 2, size.widthM / 2, size.heightM / 2)));
  // Never pushed and never pushing (a person is not a wall for a car), so cannon-es need not
  // even test it for contacts: collisions are found from footprints (metrics.ts).
  body.collisionResponse = false;
  body.collisionFilterGroup = MOVER_GROUP;
  body.collisionFilterMask = 0;
  body.position.set(pose.x, pose.y, size.heightM / 2);
  body.quaternion.copy(yawQuaternion(pose.yawRad));
  body.velocity.set(Math.cos(pose.yawRad) * speedMps, Math.sin(pose.yawRad) * speedMps, 0);
  world.addBody(body);
  return body;
}
