import type { JunctionInfo, SignalColour, SignalHead, Vec2 } from './types.js';
import type { SignalPlan } from './SignalPlan.js';
import { wrapAngle } from '../math/angles.js';

export type TurnDirection = 'left' | 'right' | 'straight';

/** One way through a junction or roundabout from one incoming lane. */
export interface RouteOption {
  direction: TurnDirection;
  /** Roundabouts: exits counted from the entry, 1 = first; junctions: undefined. */
  exit?: number;
  /** Connector lane ids in order, then the outgoing lane id. */
  lanes: string[];
  /** true for the way a lane takes when told nothing (straight on, or along the main road). */
  isDefault: boolean;
}

/** Turn direction from the heading change between entering and leaving [rad]. */
export function classifyTurn(headingInRad: number, headingOutRad: number): TurnDirection {
  const d = wrapAngle(headingOutRad - headingInRad);
  if (Math.abs(d) < Math.PI / 4) return 'straight';
  return d > 0 ? 'left' : 'right';
}

/**
 * A junction or roundabout: JunctionInfo plus its routes and the data the scene needs
 * (area polygon, island). Routes are precomputed by the block builders.
 */
export class JunctionArea implements JunctionInfo {
  readonly signalHeads: SignalHead[] = [];
  /** Incoming lane id -> ways through. */
  readonly routes = new Map<string, RouteOption[]>();
  /** Paved area polygon (counter-clockwise) [m]. */
  areaPolygon: Vec2[] = [];
  /** Radius of the central island [m]; 0 for junctions. */
  islandRadiusM = 0;

  constructor(
    readonly id: string,
    readonly kind: 'junction' | 'roundabout',
    readonly centre: Vec2,
    readonly radiusM: number,
    readonly signals: SignalPlan | undefined,
  ) {}

  colourAt(group: number, timeS: number): SignalColour {
    return this.signals ? this.signals.colourAt(group, timeS) : 'green';
  }

  addRoute(fromLaneId: string, option: RouteOption): void {
    const list = this.routes.get(fromLaneId) ?? [];
    list.push(option);
    this.routes.set(fromLaneId, list);
  }

  /** The lanes of one way through; throws naming the lane, the junction and what is possible. */
  route(fromLaneId: string, turn: { direction?: TurnDirection; exit?: number }): string[] {
    const options = this.routes.get(fromLaneId);
    if (!options) {
      throw new Error(`${this.kind} "${this.id}": lane "${fromLaneId}" does not lead into it; lanes that do: ${[...this.routes.keys()].join(', ')}`);
    }
    const describe = (): string => options.map((o) => (o.exit !== undefined ? `exit ${o.exit} (${o.direction})` : o.direction)).join(', ');
    let chosen: RouteOption | undefined;
    if (turn.exit !== undefined) {
      chosen = options.find((o) => o.exit === turn.exit);
      if (!chosen) throw new Error(`${this.kind} "${this.id}": no exit ${turn.exit} from lane "${fromLaneId}"; possible: ${describe()}`);
    } else if (turn.direction !== undefined) {
      chosen = options.find((o) => o.direction === turn.direction);
      if (!chosen) throw new Error(`${this.kind} "${this.id}": no ${turn.direction} turn from lane "${fromLaneId}"; possible: ${describe()}`);
    } else {
      chosen = options.find((o) => o.isDefault) ?? options[0];
      if (!chosen) throw new Error(`${this.kind} "${this.id}": no way through from lane "${fromLaneId}"`);
    }
    return chosen.lanes;
  }
}
