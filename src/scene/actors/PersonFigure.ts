/**
 * An articulated person: torso, head, two-segment arms and legs pivoting at shoulders, elbows,
 * hips and knees. Proportions follow height and age group (children have larger heads and
 * shorter legs). Poses: walking or running by gait phase, seated, riding.
 */
import * as THREE from 'three';
import type { AgeGroup, SkinTone } from '../../scenario/types.js';
import { part, type MaterialLibrary } from '../materials/materialLibrary.js';

/** Fitzpatrick I..VI as representative sRGB skin colours. */
export const SKIN_COLOURS: Record<SkinTone, number> = {
  I: 0xf4d5c0,
  II: 0xe6b897,
  III: 0xcf9c76,
  IV: 0xa8734d,
  V: 0x7a4b30,
  VI: 0x4a2e20,
};

export interface FigureLook {
  heightM: number;
  ageGroup: AgeGroup;
  skinTone: SkinTone;
  top: THREE.Color;
  bottom: THREE.Color;
  /** Helmet instead of hair (riders of motorcycles). */
  helmet?: boolean;
}

interface Proportions {
  headR: number;
  shoulderY: number;
  hipY: number;
  shoulderW: number;
  hipW: number;
  depth: number;
}

/** Body proportions as fractions of height. */
function proportions(age: AgeGroup): Proportions {
  return age === 'child'
    ? { headR: 0.088, shoulderY: 0.77, hipY: 0.48, shoulderW: 0.23, hipW: 0.16, depth: 0.13 }
    : { headR: 0.064, shoulderY: 0.815, hipY: 0.525, shoulderW: 0.245, hipW: 0.17, depth: 0.12 };
}

interface Limb {
  upper: THREE.Object3D;
  lower: THREE.Object3D;
}

/** Joint angles of one pose [rad]: positive swings a limb forward (+x). */
export interface PoseAngles {
  hipL: number;
  hipR: number;
  kneeL: number;
  kneeR: number;
  shoulderL: number;
  shoulderR: number;
  elbowL: number;
  elbowR: number;
  /** Forward lean of the upper body [rad]. */
  lean: number;
  /** Vertical bob of the whole body [m]. */
  bobM: number;
}

export class PersonFigure {
  /** Origin on the ground between the feet (standing); body forward is +x. */
  readonly root = new THREE.Object3D();
  readonly pelvis = new THREE.Object3D();
  private readonly chest = new THREE.Object3D();
  private readonly legL: Limb;
  private readonly legR: Limb;
  private readonly armL: Limb;
  private readonly armR: Limb;
  readonly hipY: number;
  readonly thighM: number;
  readonly shinM: number;
  readonly upperArmM: number;
  readonly foreArmM: number;

  constructor(lib: MaterialLibrary, look: FigureLook) {
    const h = look.heightM;
    const p = proportions(look.ageGroup);
    const skin = lib.standard(`skin:${look.skinTone}`, { colour: SKIN_COLOURS[look.skinTone], roughness: 0.75 });
    const top = lib.standard(`cloth:#${look.top.getHexString()}`, { colour: look.top, roughness: 0.9 });
    const bottom = lib.standard(`cloth:#${look.bottom.getHexString()}`, { colour: look.bottom, roughness: 0.9 });
    const shoe = lib.standard('shoe', { colour: 0x1e1b18, roughness: 0.8 });
    const hair = look.helmet ? lib.standard('helmet', { colour: 0x1a1a1a, roughness: 0.3, metalness: 0.2 }) : lib.standard('hair', { colour: 0x2a1d14, roughness: 0.9 });

    this.hipY = p.hipY * h;
    this.thighM = 0.245 * h;
    this.shinM = this.hipY - this.thighM - 0.03 * h;
    this.upperArmM = 0.165 * h;
    this.foreArmM = 0.15 * h;
    const torsoLen = (p.shoulderY - p.hipY) * h;

    this.pelvis.position.y = this.hipY;
    this.root.add(this.pelvis);
    this.pelvis.add(this.chest);
    // Torso: tapered limb hanging from the shoulders down to the hips.
    this.chest.add(part(lib.limb, top, (p.depth * h) / 2, torsoLen * 1.05, (p.shoulderW * h) / 2, 0, torsoLen, 0));
    this.chest.add(part(lib.box, bottom, p.depth * h * 0.95, 0.08 * h, p.hipW * h * 1.1, 0, 0.02 * h, 0));
    const headY = torsoLen + 0.035 * h + p.headR * h;
    this.chest.add(part(lib.limb, skin, 0.022 * h, 0.05 * h, 0.022 * h, 0, torsoLen + 0.045 * h, 0));
    this.chest.add(part(lib.sphere, skin, p.headR * h * 0.92, p.headR * h * 1.1, p.headR * h * 0.85, 0, headY, 0));
    const cap = part(
      lib.sphere,
      hair,
      p.headR * h * (look.helmet ? 1.15 : 0.97),
      p.headR * h * (look.helmet ? 1.05 : 0.8),
      p.headR * h * (look.helmet ? 1.1 : 0.9),
      -0.01 * h,
      headY + p.headR * h * 0.3,
      0,
    );
    this.chest.add(cap);

    const leg = (side: number): Limb => {
      const upper = new THREE.Object3D();
      upper.position.set(0, 0, (-side * (p.hipW * h)) / 4);
      upper.add(part(lib.limb, bottom, 0.055 * h, this.thighM, 0.055 * h));
      const lower = new THREE.Object3D();
      lower.position.y = -this.thighM;
      lower.add(part(lib.limb, bottom, 0.042 * h, this.shinM, 0.042 * h));
      lower.add(part(lib.box, shoe, 0.15 * h, 0.04 * h, 0.055 * h, 0.035 * h, -this.shinM - 0.01 * h, 0));
      upper.add(lower);
      this.pelvis.add(upper);
      return { upper, lower };
    };
    const arm = (side: number): Limb => {
      const upper = new THREE.Object3D();
      upper.position.set(0, torsoLen - 0.025 * h, -side * ((p.shoulderW * h) / 2 + 0.02 * h));
      upper.add(part(lib.limb, top, 0.033 * h, this.upperArmM, 0.033 * h));
      const lower = new THREE.Object3D();
      lower.position.y = -this.upperArmM;
      lower.add(part(lib.limb, skin, 0.026 * h, this.foreArmM, 0.026 * h));
      lower.add(part(lib.sphere, skin, 0.03 * h, 0.04 * h, 0.022 * h, 0, -this.foreArmM - 0.03 * h, 0));
      upper.add(lower);
      this.chest.add(upper);
      return { upper, lower };
    };
    this.legL = leg(1);
    this.legR = leg(-1);
    this.armL = arm(1);
    this.armR = arm(-1);
  }

  /** Applies joint angles. */
  pose(a: PoseAngles): void {
    this.pelvis.position.y = this.hipY + a.bobM;
    this.chest.rotation.z = -a.lean;
    this.legL.upper.rotation.z = a.hipL;
    this.legR.upper.rotation.z = a.hipR;
    this.legL.lower.rotation.z = -a.kneeL;
    this.legR.lower.rotation.z = -a.kneeR;
    this.armL.upper.rotation.z = a.shoulderL;
    this.armR.upper.rotation.z = a.shoulderR;
    this.armL.lower.rotation.z = a.elbowL;
    this.armR.lower.rotation.z = a.elbowR;
  }
}

/**
 * Walking or running joint angles at gait phase [0, 1); `stride` 0 stands still, 1 walks,
 * 2 runs (interpolated in between).
 */
export function gaitAngles(phase: number, stride: number, out: PoseAngles): PoseAngles {
  const th = phase * 2 * Math.PI;
  const run = Math.max(0, Math.min(1, stride - 1));
  const walk = Math.min(1, stride);
  const hipAmp = walk * (0.42 + 0.38 * run);
  const kneeAmp = walk * (0.55 + 0.9 * run);
  const s = Math.sin(th);
  out.hipL = hipAmp * s;
  out.hipR = -hipAmp * s;
  // The knee bends while the leg swings forward (second half of the swing).
  out.kneeL = 0.08 + kneeAmp * Math.max(0, Math.sin(th + 1.2));
  out.kneeR = 0.08 + kneeAmp * Math.max(0, Math.sin(th + 1.2 + Math.PI));
  out.shoulderL = -0.75 * hipAmp * s;
  out.shoulderR = 0.75 * hipAmp * s;
  out.elbowL = 0.2 + 1.1 * run;
  out.elbowR = 0.2 + 1.1 * run;
  out.lean = 0.04 + 0.2 * run;
  out.bobM = walk * (0.015 + 0.03 * run) * Math.abs(Math.cos(th));
  return out;
}

export function newPose(): PoseAngles {
  return { hipL: 0, hipR: 0, kneeL: 0, kneeR: 0, shoulderL: 0, shoulderR: 0, elbowL: 0, elbowR: 0, lean: 0, bobM: 0 };
}
