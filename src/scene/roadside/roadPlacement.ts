/**
 * Where roadside things stand on a road: lateral positions by side and role, the surface
 * height there (sidewalks are raised), and a world pose in three.js axes.
 */
import type * as THREE from 'three';
import type { ScenarioInstance, Side } from '../../scenario/types.js';
import type { Road } from '../../road/types.js';

/** Lateral extent of each side's sidewalk and parking [m] (null without one). */
interface SideLayout {
  sidewalk: { innerT: number; outerT: number } | null;
  parking: { innerT: number; outerT: number } | null;
  /** Where the paved surface ends on this side [m]. */
  pavedT: number;
}

/** Cross-section of a road on one side, from the named lanes of the Road contract. */
function sideLayout(road: Road, instance: ScenarioInstance, side: 'left' | 'right'): SideLayout {
  const sign = side === 'left' ? 1 : -1;
  const spec = instance.road;
  const sidewalk = spec.sidewalks[side]
    ? (() => {
        const c = road.laneCentreT(`sidewalk-${side}`);
        return { innerT: c - (sign * spec.sidewalks.widthM) / 2, outerT: c + (sign * spec.sidewalks.widthM) / 2 };
      })()
    : null;
  const parking = spec.parking[side]
    ? (() => {
        const c = road.laneCentreT(`parking-${side}`);
        return { innerT: c - (sign * spec.parking.widthM) / 2, outerT: c + (sign * spec.parking.widthM) / 2 };
      })()
    : null;
  const cw = side === 'left' ? road.carriagewayT.left : road.carriagewayT.right;
  const pavedT = sidewalk ? sidewalk.innerT : parking ? parking.outerT : cw;
  return { sidewalk, parking, pavedT };
}

export type RoadsideRole = 'kerbside' | 'verge' | 'carriageway-edge';

export class RoadPlacement {
  private readonly layouts: Record<Side, SideLayout>;

  constructor(
    readonly road: Road,
    private readonly instance: ScenarioInstance,
  ) {
    this.layouts = { left: sideLayout(road, instance, 'left'), right: sideLayout(road, instance, 'right') };
  }

  /** Lateral position [m] of a role on a side: kerbside (on the sidewalk by the kerb), verge (beyond the outer edge), carriageway edge. */
  t(side: Side, role: RoadsideRole, extraM = 0): number {
    const sign = side === 'left' ? 1 : -1;
    const lay = this.layouts[side];
    const edge = side === 'left' ? this.road.carriagewayT.left : this.road.carriagewayT.right;
    const outer = side === 'left' ? this.road.outerT.left : this.road.outerT.right;
    switch (role) {
      case 'kerbside':
        return (lay.sidewalk ? lay.sidewalk.innerT : lay.pavedT) + sign * (0.5 + extraM);
      case 'verge':
        return outer + sign * (1.5 + extraM);
      case 'carriageway-edge':
        return edge - sign * (0.4 + extraM);
    }
  }

  /** Surface height [m] at lateral position t: kerb height on a sidewalk, else 0. */
  groundY(t: number): number {
    for (const side of ['left', 'right'] as const) {
      const sw = this.layouts[side].sidewalk;
      if (sw && t >= Math.min(sw.innerT, sw.outerT) && t <= Math.max(sw.innerT, sw.outerT)) return this.instance.road.sidewalks.kerbHeightM;
    }
    return 0;
  }

  /**
   * Poses an object at (s, t) on the road; local +x along the road. `facing` 'road' turns the
   * local -z axis towards the road centre line.
   */
  place(obj: THREE.Object3D, s: number, t: number, faceRoad = true): THREE.Object3D {
    const p = this.road.position(s, t);
    obj.position.set(p.x, this.groundY(t), -p.y);
    const h = this.road.headingAt(s);
    obj.rotation.set(0, faceRoad && t > 0 ? h + Math.PI : h, 0);
    return obj;
  }
}
