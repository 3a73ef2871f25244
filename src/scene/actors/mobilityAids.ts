/**
 * Mobility aids built around a PersonFigure: wheelchair (seated person), stroller (pushed),
 * cane and walker. Each returns its parts and the pose it imposes on the figure.
 */
import * as THREE from 'three';
import type { MobilityAid } from '../../scenario/types.js';
import { part, type MaterialLibrary } from '../materials/materialLibrary.js';
import type { PersonFigure, PoseAngles } from './PersonFigure.js';

export interface AidParts {
  /** Parts to add to the actor root (already placed). */
  group: THREE.Object3D;
  /** Where the figure stands or sits, along x [m] and up [m]. */
  figureX: number;
  figureY: number;
  /** Spinning wheels (spin about three's z). */
  wheels: THREE.Object3D[];
  /** Adjusts the gait pose for the aid (arms hold handles, seated legs). */
  adjust(pose: PoseAngles): void;
}

function frameMat(lib: MaterialLibrary): THREE.MeshStandardMaterial {
  return lib.standard('aid-frame', { colour: 0x8c9096, roughness: 0.35, metalness: 0.7 });
}

function ringWheel(lib: MaterialLibrary, radiusM: number, x: number, y: number, z: number): THREE.Object3D {
  const spin = new THREE.Object3D();
  spin.position.set(x, y, z);
  const ring = new THREE.Mesh(
    lib.geometry('ring', () => new THREE.TorusGeometry(1, 0.07, 6, 20)),
    lib.standard('tyre', { colour: 0x151515, roughness: 0.95 }),
  );
  ring.scale.setScalar(radiusM);
  spin.add(ring);
  spin.add(part(lib.box, frameMat(lib), radiusM * 1.9, 0.02, 0.02));
  spin.add(part(lib.box, frameMat(lib), 0.02, radiusM * 1.9, 0.02));
  return spin;
}

function wheelchair(lib: MaterialLibrary, fig: PersonFigure): AidParts {
  const group = new THREE.Object3D();
  const frame = frameMat(lib);
  const seat = lib.standard('aid-seat', { colour: 0x22252a, roughness: 0.8 });
  const seatY = 0.5;
  const hipW = 0.46;
  group.add(part(lib.box, seat, 0.45, 0.05, hipW, 0, seatY - 0.04, 0));
  group.add(part(lib.box, seat, 0.05, 0.45, hipW, -0.24, seatY + 0.22, 0));
  group.add(part(lib.box, frame, 0.03, 0.5, 0.03, 0.25, 0.25, hipW / 2 - 0.02));
  group.add(part(lib.box, frame, 0.03, 0.5, 0.03, 0.25, 0.25, -hipW / 2 + 0.02));
  const wheels = [
    ringWheel(lib, 0.3, -0.08, 0.3, hipW / 2 + 0.04),
    ringWheel(lib, 0.3, -0.08, 0.3, -hipW / 2 - 0.04),
    ringWheel(lib, 0.08, 0.3, 0.08, 0.2),
    ringWheel(lib, 0.08, 0.3, 0.08, -0.2),
  ];
  group.add(...wheels);
  return {
    group,
    figureX: -0.05,
    figureY: seatY - fig.hipY,
    wheels,
    adjust(p) {
      p.hipL = p.hipR = Math.PI / 2;
      p.kneeL = p.kneeR = Math.PI / 2;
      p.shoulderL = p.shoulderR = 0.25;
      p.elbowL = p.elbowR = 0.6;
      p.lean = 0.05;
      p.bobM = 0;
    },
  };
}

function stroller(lib: MaterialLibrary, fig: PersonFigure): AidParts {
  const group = new THREE.Object3D();
  const frame = frameMat(lib);
  const body = lib.standard('stroller', { colour: 0x33415c, roughness: 0.85 });
  const x = 0.45;
  group.add(part(lib.box, body, 0.6, 0.35, 0.42, x + 0.05, 0.55, 0));
  group.add(part(lib.sphere, body, 0.3, 0.25, 0.21, x - 0.1, 0.72, 0));
  const handleY = fig.hipY + 0.05;
  group.add(part(lib.box, frame, 0.5, 0.025, 0.025, x - 0.3, (handleY + 0.5) / 2, 0.2).rotateZ(-0.9));
  group.add(part(lib.box, frame, 0.5, 0.025, 0.025, x - 0.3, (handleY + 0.5) / 2, -0.2).rotateZ(-0.9));
  group.add(part(lib.box, frame, 0.03, 0.03, 0.44, x - 0.42, handleY, 0));
  const wheels = [
    ringWheel(lib, 0.1, x - 0.2, 0.1, 0.22),
    ringWheel(lib, 0.1, x - 0.2, 0.1, -0.22),
    ringWheel(lib, 0.1, x + 0.3, 0.1, 0.22),
    ringWheel(lib, 0.1, x + 0.3, 0.1, -0.22),
  ];
  group.add(...wheels);
  return {
    group,
    figureX: -0.3,
    figureY: 0,
    wheels,
    adjust(p) {
      p.shoulderL = p.shoulderR = 0.9;
      p.elbowL = p.elbowR = 0.5;
      p.lean = Math.max(p.lean, 0.12);
    },
  };
}

function cane(lib: MaterialLibrary, fig: PersonFigure): AidParts {
  const group = new THREE.Object3D();
  const stick = lib.standard('cane', { colour: 0x5a3b22, roughness: 0.6 });
  const handY = fig.hipY - 0.05;
  group.add(part(lib.cylinder, stick, 0.012, handY, 0.012, 0.22, handY / 2, 0.28));
  return {
    group,
    figureX: -0.05,
    figureY: 0,
    wheels: [],
    adjust(p) {
      p.shoulderR = 0.3;
      p.elbowR = 0.3;
      p.lean = Math.max(p.lean, 0.15);
      p.hipL *= 0.6;
      p.hipR *= 0.6;
    },
  };
}

function walker(lib: MaterialLibrary, fig: PersonFigure): AidParts {
  const group = new THREE.Object3D();
  const frame = frameMat(lib);
  const handY = fig.hipY + 0.02;
  for (const dx of [0.12, 0.45]) for (const z of [0.27, -0.27]) group.add(part(lib.cylinder, frame, 0.013, handY, 0.013, dx, handY / 2, z));
  for (const z of [0.27, -0.27]) group.add(part(lib.box, frame, 0.36, 0.025, 0.025, 0.28, handY, z));
  group.add(part(lib.box, frame, 0.025, 0.025, 0.54, 0.45, handY * 0.6, 0));
  return {
    group,
    figureX: -0.2,
    figureY: 0,
    wheels: [],
    adjust(p) {
      p.shoulderL = p.shoulderR = 0.75;
      p.elbowL = p.elbowR = 0.6;
      p.lean = Math.max(p.lean, 0.25);
      p.hipL *= 0.5;
      p.hipR *= 0.5;
    },
  };
}

/** Parts of a mobility aid, or null for none. */
export function buildMobilityAid(lib: MaterialLibrary, aid: MobilityAid, fig: PersonFigure): AidParts | null {
  switch (aid) {
    case 'wheelchair':
      return wheelchair(lib, fig);
    case 'stroller':
      return stroller(lib, fig);
    case 'cane':
      return cane(lib, fig);
    case 'walker':
      return walker(lib, fig);
    case 'none':
      return null;
  }
}
