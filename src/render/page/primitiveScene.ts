/**
 * Builds a SceneRig from a PrimitiveScene: boxes at known poses in the world frame, a camera,
 * optionally a sun with shadows. Tests, benchmarks and self-checks use it; it follows the same
 * contract as the scenario scene (tracked roots with userData.trackId at the bottom centre of
 * their box, meshes with userData.semantic, appearance-only meshes on LAYERS.APPEARANCE).
 */
import * as THREE from 'three';
import { LAYERS, type SceneRig, type TrackedObject } from '../../scene/types.js';
import { setWorldPose } from '../../scene/frame.js';
import { castSunShadow } from '../../scene/lights/sunShadow.js';
import { verticalFovDeg } from '../../math/angles.js';
import type { PrimitiveCamera, PrimitiveObject, PrimitiveScene } from '../request.js';

/** Points a three.js camera from a world position along a world heading, pitched down by pitchRad. */
export function poseCamera(camera: THREE.PerspectiveCamera, pose: Pick<PrimitiveCamera, 'x' | 'y' | 'z' | 'yawRad' | 'pitchRad'>): void {
  camera.position.set(pose.x, pose.z, -pose.y);
  // The camera looks along its -z; turning it by yaw - pi/2 about +y makes it look along the heading.
  camera.rotation.set(-pose.pitchRad, pose.yawRad - Math.PI / 2, 0, 'YXZ');
  camera.updateMatrixWorld(true);
}

function boxMesh(o: PrimitiveObject, lit: boolean): THREE.Mesh {
  const geometry = new THREE.BoxGeometry(o.lengthM, o.heightM, o.widthM);
  geometry.translate(0, o.heightM / 2, 0); // root at the bottom centre
  const colour = new THREE.Color(o.colour);
  const material = lit ? new THREE.MeshStandardMaterial({ color: colour, roughness: 0.6, metalness: 0.1 }) : new THREE.MeshBasicMaterial({ color: colour });
  const mesh = new THREE.Mesh(geometry, material);
  mesh.userData.semantic = o.semantic;
  mesh.castShadow = lit;
  mesh.receiveShadow = lit;
  return mesh;
}

export function buildPrimitiveScene(spec: PrimitiveScene): SceneRig {
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0x8fb4d9);
  const c = spec.camera;
  const camera = new THREE.PerspectiveCamera(verticalFovDeg(c.hfovDeg, spec.widthPx, spec.heightPx), spec.widthPx / spec.heightPx, c.nearM, c.farM);
  poseCamera(camera, c);
  scene.add(camera);

  const tracks: TrackedObject[] = [];
  for (const o of spec.objects) {
    const root = new THREE.Group();
    setWorldPose(root, o.x, o.y, o.z, o.yawRad, 0, 0);
    const mesh = boxMesh(o, spec.lit);
    root.add(mesh);
    if (o.appearanceOnly) {
      root.traverse((n) => n.layers.enable(LAYERS.APPEARANCE));
    }
    if (o.track) {
      root.userData.trackId = o.track.trackId;
      tracks.push({
        trackId: o.track.trackId,
        actorId: o.track.actorId,
        cls: o.track.cls,
        root,
        size: { lengthM: o.lengthM, widthM: o.widthM, heightM: o.heightM },
      });
    }
    scene.add(root);
  }

  if (spec.lit) {
    scene.add(new THREE.HemisphereLight(0xdde8ff, 0x40382c, 1.2));
    const sun = new THREE.DirectionalLight(0xffffff, 2.5);
    sun.position.set(c.x + 30, 60, -c.y + 20);
    sun.target.position.set(c.x + 30, 0, -c.y);
    castSunShadow(sun, { mapPx: 2048, halfM: 60, farM: 200 });
    scene.add(sun, sun.target);
  }

  const effects = { noise: 0, motionBlur: 0, lensDrops: 0, glare: 0, exposureEv: 0, ...spec.effects };
  return {
    scene,
    camera,
    tracks,
    effects,
    // A primitive scene does not move: every tick shows the same poses.
    setTick(): void {},
    dispose(): void {
      scene.traverse((n) => {
        const m = n as THREE.Mesh;
        if (m.isMesh) {
          m.geometry.dispose();
          (m.material as THREE.Material).dispose();
        }
      });
    },
  };
}
