/**
 * Physical parameters of each vehicle kind. Dimensions that the scenario gives (length, width,
 * height) come from the instance; the rest scale with them, so a long van gets a long wheelbase.
 */
import type { Size, VehicleKind } from '../scenario/types.js';
import { VEHICLE_KINDS } from '../scenario/schema.js';

export interface VehicleParams {
  massKg: number;
  /** Wheelbase and track as fractions of length and width. */
  wheelbaseFraction: number;
  trackFraction: number;
  wheelRadiusM: number;
  /** Gap between the ground and the bottom of the body [m]. */
  clearanceM: number;
  /** Spring stiffness per unit of chassis mass [1/s^2] (cannon-es convention). */
  suspensionStiffness: number;
  suspensionRestLengthM: number;
  dampingRelaxation: number;
  dampingCompression: number;
  maxAccelMps2: number;
  /** Largest front wheel angle [rad] and how fast it may change [rad/s]. */
  maxSteerRad: number;
  maxSteerRateRadps: number;
}

/** Trucks and buses share wheels, suspension, drive train and steering; they differ in mass and wheelbase. */
const HEAVY_VEHICLE: Omit<VehicleParams, 'massKg' | 'wheelbaseFraction'> = {
  trackFraction: 0.85,
  wheelRadiusM: 0.5,
  clearanceM: 0.3,
  suspensionStiffness: 45,
  suspensionRestLengthM: 0.3,
  dampingRelaxation: 2.6,
  dampingCompression: 4.8,
  maxAccelMps2: 1.2,
  maxSteerRad: 0.5,
  maxSteerRateRadps: 0.8,
};

const PARAMS: Record<VehicleKind, VehicleParams> = {
  car: {
    massKg: 1500,
    wheelbaseFraction: 0.6,
    trackFraction: 0.86,
    wheelRadiusM: 0.33,
    clearanceM: 0.15,
    suspensionStiffness: 35,
    suspensionRestLengthM: 0.25,
    dampingRelaxation: 2.3,
    dampingCompression: 4.4,
    maxAccelMps2: 3.5,
    maxSteerRad: 0.6,
    maxSteerRateRadps: 1.2,
  },
  van: {
    massKg: 2600,
    wheelbaseFraction: 0.62,
    trackFraction: 0.86,
    wheelRadiusM: 0.36,
    clearanceM: 0.18,
    suspensionStiffness: 35,
    suspensionRestLengthM: 0.25,
    dampingRelaxation: 2.3,
    dampingCompression: 4.4,
    maxAccelMps2: 2.5,
    maxSteerRad: 0.55,
    maxSteerRateRadps: 1.0,
  },
  truck: { ...HEAVY_VEHICLE, massKg: 12000, wheelbaseFraction: 0.6 },
  bus: { ...HEAVY_VEHICLE, massKg: 13000, wheelbaseFraction: 0.55 },
  // Four rays across the full width stand in for two wheels (a raycast bike would need a rider
  // model). Roll stiffness k * track^2 must beat m g h, or the stand-in topples: stiff springs.
  motorcycle: {
    massKg: 250,
    wheelbaseFraction: 0.65,
    trackFraction: 1,
    wheelRadiusM: 0.3,
    clearanceM: 0.15,
    suspensionStiffness: 60,
    suspensionRestLengthM: 0.2,
    dampingRelaxation: 3.3,
    dampingCompression: 6.2,
    maxAccelMps2: 5,
    maxSteerRad: 0.5,
    maxSteerRateRadps: 1.5,
  },
};

export function isVehicleKind(kind: string): kind is VehicleKind {
  return (VEHICLE_KINDS as readonly string[]).includes(kind);
}

export function vehicleParams(kind: VehicleKind): VehicleParams {
  return PARAMS[kind];
}

/** Geometry derived from the size: wheel positions and the chassis box [m]. */
export interface VehicleGeometry {
  wheelbaseM: number;
  trackM: number;
  /** Height of the chassis box centre above the ground at rest [m]. */
  comHeightM: number;
  /**
   * Deceleration that keeps the rear wheels on the ground [m/s^2]: load transfer m a h / L
   * must stay below the static rear load m g / 2, with a margin for pitch dynamics. Binds for
   * short, tall vehicles (motorcycles), never for cars on real tyres.
   */
  maxBrakeMps2: number;
  /** Half extents of the collision box [m]. */
  halfExtents: { x: number; y: number; z: number };
  /** Height of the wheel connection points relative to the chassis centre [m]. */
  connectionZM: number;
}

/** Share of the rear-wheel-lift deceleration a driver uses. */
const NO_LIFT_MARGIN = 0.75;

export function vehicleGeometry(p: VehicleParams, size: Size): VehicleGeometry {
  const bodyHeight = Math.max(0.2, size.heightM - p.clearanceM);
  const comHeightM = p.clearanceM + bodyHeight / 2;
  // Static sag of the spring: 4 k (L - l) m = m g.
  const sagM = 9.81 / (4 * p.suspensionStiffness);
  const connectionAboveGround = p.wheelRadiusM + p.suspensionRestLengthM - sagM;
  const wheelbaseM = size.lengthM * p.wheelbaseFraction;
  return {
    wheelbaseM,
    maxBrakeMps2: (NO_LIFT_MARGIN * 9.81 * (wheelbaseM / 2)) / comHeightM,
    trackM: size.widthM * p.trackFraction,
    comHeightM,
    halfExtents: { x: size.lengthM / 2, y: size.widthM / 2, z: bodyHeight / 2 },
    connectionZM: connectionAboveGround - comHeightM,
  };
}
