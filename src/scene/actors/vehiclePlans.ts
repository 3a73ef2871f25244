/**
 * Side profiles and part layout of each vehicle kind, as fractions of the box (x of length
 * from -0.5 rear to 0.5 front, y of height from 0 ground to 1 roof). Extruded across the width.
 */
import type { VehicleKind } from '../../scenario/types.js';

export type Profile = readonly (readonly [number, number])[];

export interface BoxFrac {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Width as a fraction of the vehicle width. */
  w: number;
}

export interface VehiclePlan {
  body: Profile;
  /** Windows as one extruded profile (slightly wider than the body so they show on the sides). */
  glass: Profile;
  glassWidth: number;
  /** Extra boxes in the body colour (roof) and in a neutral colour (cargo box, chassis). */
  roof: BoxFrac | null;
  cargo: BoxFrac | null;
  chassis: BoxFrac | null;
  wheelRadiusFrac: number;
  /** Axle positions (fraction of length); the first is the steered one. */
  axles: readonly number[];
  headY: number;
  tailY: number;
  /** Side door panel (hinge at x1), or null. */
  door: BoxFrac | null;
}

export const VEHICLE_PLANS: Record<Exclude<VehicleKind, 'motorcycle'>, VehiclePlan> = {
  car: {
    body: [
      [-0.5, 0.14],
      [0.5, 0.14],
      [0.5, 0.36],
      [0.47, 0.47],
      [0.2, 0.56],
      [-0.36, 0.59],
      [-0.49, 0.53],
    ],
    glass: [
      [0.22, 0.555],
      [0.03, 0.94],
      [-0.29, 0.94],
      [-0.44, 0.585],
    ],
    glassWidth: 0.86,
    roof: { x0: -0.3, x1: 0.04, y0: 0.93, y1: 1.0, w: 0.84 },
    cargo: null,
    chassis: null,
    wheelRadiusFrac: 0.215,
    axles: [0.32, -0.32],
    headY: 0.42,
    tailY: 0.47,
    door: { x0: -0.06, x1: 0.19, y0: 0.2, y1: 0.56, w: 1 },
  },
  van: {
    body: [
      [-0.5, 0.1],
      [0.5, 0.1],
      [0.5, 0.38],
      [0.44, 0.46],
      [0.3, 0.52],
      [0.18, 0.97],
      [0.15, 1.0],
      [-0.5, 1.0],
    ],
    glass: [
      [0.305, 0.52],
      [0.19, 0.94],
      [0.0, 0.94],
      [0.0, 0.52],
    ],
    glassWidth: 1.01,
    roof: null,
    cargo: null,
    chassis: null,
    wheelRadiusFrac: 0.16,
    axles: [0.33, -0.32],
    headY: 0.4,
    tailY: 0.42,
    door: { x0: 0.01, x1: 0.27, y0: 0.14, y1: 0.55, w: 1 },
  },
  truck: {
    body: [
      [0.25, 0.12],
      [0.5, 0.12],
      [0.5, 0.82],
      [0.47, 0.86],
      [0.25, 0.86],
    ],
    glass: [
      [0.505, 0.5],
      [0.505, 0.79],
      [0.47, 0.83],
      [0.33, 0.83],
      [0.33, 0.5],
    ],
    glassWidth: 1.01,
    roof: null,
    cargo: { x0: -0.5, x1: 0.235, y0: 0.15, y1: 1.0, w: 1 },
    chassis: { x0: -0.5, x1: 0.5, y0: 0.1, y1: 0.16, w: 0.8 },
    wheelRadiusFrac: 0.15,
    axles: [0.36, -0.24, -0.37],
    headY: 0.25,
    tailY: 0.2,
    door: null,
  },
  bus: {
    body: [
      [-0.5, 0.1],
      [0.5, 0.1],
      [0.5, 0.96],
      [0.48, 1.0],
      [-0.5, 1.0],
    ],
    glass: [
      [-0.47, 0.5],
      [0.45, 0.5],
      [0.47, 0.27],
      [0.505, 0.27],
      [0.505, 0.92],
      [-0.47, 0.92],
    ],
    glassWidth: 1.01,
    roof: null,
    cargo: null,
    chassis: null,
    wheelRadiusFrac: 0.16,
    axles: [0.31, -0.24],
    headY: 0.2,
    tailY: 0.25,
    door: null,
  },
};
