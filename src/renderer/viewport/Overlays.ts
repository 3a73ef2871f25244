/**
 * Preview overlays: 3D boxes and the lane graph as three.js lines in the scene, and 2D boxes
 * (the projected 3D box, as in the labels' amodal box) with track ids drawn on a 2D canvas
 * over the viewport.
 */
import * as THREE from 'three';
import type { RoadNetwork } from '../../road/types.js';
import type { TrackedObject } from '../../scene/types.js';

export interface OverlayFlags {
  boxes3d: boolean;
  boxes2d: boolean;
  trackIds: boolean;
  laneGraph: boolean;
}

/** Colour of a label class in every overlay. */
export const CLASS_COLOURS: Record<string, string> = {
  Car: '#ffb000',
  Van: '#ff7a00',
  Truck: '#ff4d4d',
  Bus: '#ff3da8',
  Motorcycle: '#b26bff',
  Cyclist: '#33d1ff',
  Pedestrian: '#35e07a',
  Animal: '#c8ff3d',
  Object: '#ffffff',
};

const LANE_STEP_M = 2;
const _corner = new THREE.Vector3();
const _unit = new THREE.BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
const _edges = new THREE.EdgesGeometry(_unit);
/** Corners of the unit box (bottom centre at the origin). */
const UNIT_CORNERS = [-0.5, 0.5].flatMap((x) => [0, 1].flatMap((y) => [-0.5, 0.5].map((z) => new THREE.Vector3(x, y, z))));

export class Overlays {
  readonly group = new THREE.Group();
  /** Actors whose box the last draw2d drew (in the view). */
  readonly boxedActors: string[] = [];
  private readonly boxes: { track: TrackedObject; line: THREE.LineSegments; scale: THREE.Matrix4 }[] = [];
  private readonly lanes: THREE.Group;

  constructor(
    readonly tracks: readonly TrackedObject[],
    network: RoadNetwork,
  ) {
    this.group.name = 'overlays';
    for (const track of tracks) {
      if (track.trackId <= 0) continue;
      const material = new THREE.LineBasicMaterial({ color: CLASS_COLOURS[track.cls] ?? '#ffffff', depthTest: false, fog: false, toneMapped: false });
      const line = new THREE.LineSegments(_edges, material);
      line.matrixAutoUpdate = false;
      line.renderOrder = 10;
      const { lengthM, widthM, heightM } = track.size;
      this.boxes.push({ track, line, scale: new THREE.Matrix4().makeScale(lengthM, heightM, widthM) });
      this.group.add(line);
    }
    this.lanes = laneGraph(network);
    this.group.add(this.lanes);
  }

  /** Places the 3D boxes on their objects (after the scene is posed). */
  update(flags: OverlayFlags): void {
    this.lanes.visible = flags.laneGraph;
    for (const b of this.boxes) {
      b.line.visible = flags.boxes3d;
      b.track.root.updateWorldMatrix(true, false);
      b.line.matrix.multiplyMatrices(b.track.root.matrixWorld, b.scale);
      b.line.matrixWorldNeedsUpdate = true;
    }
  }

  /**
   * Draws 2D boxes and track ids into `ctx` for `camera`, mapped into the viewport rectangle
   * (x, y, width, height) of the canvas [css px]. Returns how many boxes were drawn.
   */
  draw2d(ctx: CanvasRenderingContext2D, camera: THREE.Camera, rect: { x: number; y: number; width: number; height: number }, flags: OverlayFlags): number {
    this.boxedActors.length = 0;
    if (!flags.boxes2d && !flags.trackIds) return 0;
    let drawn = 0;
    ctx.font = '12px system-ui, sans-serif';
    ctx.lineWidth = 2;
    for (const b of this.boxes) {
      let x1 = Infinity,
        y1 = Infinity,
        x2 = -Infinity,
        y2 = -Infinity;
      let behind = 0;
      const m = b.line.matrix;
      for (const c of UNIT_CORNERS) {
        _corner.copy(c).applyMatrix4(m).project(camera);
        if (_corner.z > 1) behind++;
        x1 = Math.min(x1, _corner.x);
        x2 = Math.max(x2, _corner.x);
        y1 = Math.min(y1, _corner.y);
        y2 = Math.max(y2, _corner.y);
      }
      // Behind the camera (any corner): projecting would mirror it; the labels clip such boxes too.
      if (behind > 0 || x2 < -1 || x1 > 1 || y2 < -1 || y1 > 1) continue;
      const px = (u: number): number => rect.x + ((Math.max(-1, Math.min(1, u)) + 1) / 2) * rect.width;
      const py = (v: number): number => rect.y + ((1 - Math.max(-1, Math.min(1, v))) / 2) * rect.height;
      const [left, right, top, bottom] = [px(x1), px(x2), py(y2), py(y1)];
      const colour = CLASS_COLOURS[b.track.cls] ?? '#ffffff';
      this.boxedActors.push(b.track.actorId);
      ctx.strokeStyle = colour;
      if (flags.boxes2d) ctx.strokeRect(left, top, right - left, bottom - top);
      if (flags.trackIds) {
        const text = `#${b.track.trackId} ${b.track.actorId}`;
        const w = ctx.measureText(text).width + 6;
        ctx.fillStyle = 'rgba(0,0,0,0.65)';
        ctx.fillRect(left, top - 16, w, 16);
        ctx.fillStyle = colour;
        ctx.fillText(text, left + 3, top - 4);
      }
      drawn++;
    }
    return drawn;
  }

  dispose(): void {
    this.group.traverse((o) => {
      const l = o as THREE.Line;
      if (l.geometry && l.geometry !== _edges) l.geometry.dispose();
      const m = l.material as THREE.Material | undefined;
      m?.dispose();
    });
  }
}

/** Lane centre lines: forward lanes cyan, oncoming orange, junction connectors white. */
function laneGraph(network: RoadNetwork): THREE.Group {
  const group = new THREE.Group();
  group.name = 'lane-graph';
  const colours = { forward: '#00e5ff', backward: '#ff9d00', connector: '#f0f0f0' };
  for (const lane of network.lanes.values()) {
    const steps = Math.max(1, Math.ceil(lane.lengthM / LANE_STEP_M));
    const points: THREE.Vector3[] = [];
    for (let i = 0; i <= steps; i++) {
      const p = lane.position((i / steps) * lane.lengthM, 0);
      points.push(new THREE.Vector3(p.x, 0.12, -p.y));
    }
    const kind = lane.index === 0 ? 'connector' : lane.index > 0 ? 'forward' : 'backward';
    const material = new THREE.LineBasicMaterial({ color: colours[kind], fog: false, toneMapped: false, depthTest: false, transparent: true, opacity: 0.9 });
    const line = new THREE.Line(new THREE.BufferGeometry().setFromPoints(points), material);
    line.renderOrder = 9;
    group.add(line);
    // An arrow head at the end shows the direction of travel.
    const end = points[points.length - 1];
    const heading = lane.headingAt(lane.lengthM);
    const tip = new THREE.BufferGeometry().setFromPoints([
      end.clone().add(new THREE.Vector3(-Math.cos(heading - 0.4) * 1.2, 0, Math.sin(heading - 0.4) * 1.2)),
      end,
      end.clone().add(new THREE.Vector3(-Math.cos(heading + 0.4) * 1.2, 0, Math.sin(heading + 0.4) * 1.2)),
    ]);
    const head = new THREE.Line(tip, material);
    head.renderOrder = 9;
    group.add(head);
  }
  return group;
}
