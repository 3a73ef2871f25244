/** Signal heads on poles showing their phase per tick (from Trajectory.signals). */
import * as THREE from 'three';
import type { RoadNetwork } from '../../road/types.js';
import type { Trajectory } from '../../sim/types.js';
import { part, type MaterialLibrary } from '../materials/materialLibrary.js';
import { tagSemantic } from '../materials/tagging.js';

const LAMP_COLOURS = [0x18ff5a, 0xffb400, 0xff2010] as const;

interface Head {
  column: number;
  /** green, yellow, red lamp materials. */
  lamps: THREE.MeshStandardMaterial[];
}

export class TrafficLights {
  readonly group = new THREE.Group();
  private readonly heads: Head[] = [];

  /** Heads stand at their position facing against `headingRad` (towards approaching traffic). */
  constructor(
    network: RoadNetwork,
    private readonly trajectory: Trajectory,
    lib: MaterialLibrary,
    shadows: boolean,
  ) {
    this.group.name = 'traffic-lights';
    const metal = lib.standard('signal-pole', { colour: 0x4a4d52, roughness: 0.5, metalness: 0.5 });
    const housing = lib.standard('signal-housing', { colour: 0x15171a, roughness: 0.6 });
    for (const j of network.junctions) {
      for (const h of j.signalHeads) {
        const column = trajectory.signalHeads.indexOf(h.id);
        const g = new THREE.Object3D();
        g.position.set(h.position.x, 0, -h.position.y);
        g.rotation.y = h.headingRad;
        g.add(tagSemantic(part(lib.cylinder, metal, 0.07, 3.6, 0.07, 0, 1.8, 0), 'pole', { cast: shadows, receive: shadows }));
        g.add(tagSemantic(part(lib.box, housing, 0.28, 0.95, 0.34, 0, 3.95, 0), 'traffic-light', { cast: shadows, receive: shadows }));
        const lamps = LAMP_COLOURS.map(
          (c) => new THREE.MeshStandardMaterial({ color: new THREE.Color(c).multiplyScalar(0.15), emissive: c, emissiveIntensity: 0, roughness: 0.3 }),
        );
        // Top to bottom: red, yellow, green; lamps sit on the face looking at -x.
        [2, 1, 0].forEach((phase, row) => {
          g.add(tagSemantic(part(lib.sphere, lamps[phase] as THREE.Material, 0.05, 0.11, 0.11, -0.15, 4.25 - row * 0.3, 0), 'traffic-light'));
        });
        this.group.add(g);
        this.heads.push({ column, lamps });
      }
    }
  }

  setTick(tick: number): void {
    const tr = this.trajectory;
    const cols = tr.signalHeads.length;
    const k = Math.max(0, Math.min(tr.ticks - 1, tick));
    for (const h of this.heads) {
      const phase = h.column < 0 ? 0 : (tr.signals[k * cols + h.column] as number);
      for (let i = 0; i < 3; i++) (h.lamps[i] as THREE.MeshStandardMaterial).emissiveIntensity = i === phase ? 12 : 0;
    }
  }
}
