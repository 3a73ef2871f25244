/**
 * Lying snow beyond the flat ground layers (see surfaceLook): dusted foliage and roofs, and
 * dark wheel tracks in every lane where traffic has cleared the snow.
 */
import * as THREE from 'three';
import type { RoadNetwork } from '../../road/types.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import { edgeAt, sampleS } from './roadSpans.js';
import { StripBuilder } from './StripBuilder.js';
import { tagSemantic } from '../materials/tagging.js';

const SNOW = new THREE.Color(0xeef1f5);
const UP = new THREE.Vector3(0, 1, 0);
/** Wheel track half spacing from the lane centre and track width [m]. */
const TRACK_OFFSET_M = 0.8;
const TRACK_WIDTH_M = 0.38;

/** Whitens foliage and roofs in a library by snow cover 0..1. */
export function dustWithSnow(lib: MaterialLibrary, cover: number): void {
  for (const [key, m] of lib.entries()) {
    if (key.startsWith('leaves')) m.color.lerp(SNOW, 0.45 * cover);
    else if (key.startsWith('roof:')) m.color.lerp(SNOW, 0.85 * cover);
  }
}

/** Darker, slushy wheel tracks along every lane of every road (semantic road). */
export function buildWheelTracks(network: RoadNetwork, asphalt: THREE.Color, cover: number, lib: MaterialLibrary, stepM: number): THREE.Mesh | null {
  const b = new StripBuilder();
  for (const road of network.roads.values()) {
    const ss = sampleS(0, road.lengthM, stepM);
    const lanes: number[] = [];
    for (let k = 1; k <= road.forwardLanes; k++) lanes.push(k);
    for (let k = 1; k <= road.backwardLanes; k++) lanes.push(-k);
    for (const k of lanes) {
      const c = road.laneCentreT(k);
      for (const off of [-TRACK_OFFSET_M, TRACK_OFFSET_M]) {
        b.strip(edgeAt(road, ss, c + off - TRACK_WIDTH_M / 2, 0.002), edgeAt(road, ss, c + off + TRACK_WIDTH_M / 2, 0.002), ss, UP);
      }
    }
  }
  if (b.isEmpty) return null;
  // Slush: asphalt showing through a thin grey layer; deeper snow leaves lighter tracks.
  const m = lib.standard('wheel-tracks', { colour: asphalt.clone().lerp(SNOW, 0.15 + 0.25 * cover), roughness: 0.45 });
  m.polygonOffset = true;
  m.polygonOffsetFactor = -1;
  m.polygonOffsetUnits = -2;
  const mesh = new THREE.Mesh(b.build(), m);
  mesh.name = 'wheel-tracks';
  return tagSemantic(mesh, 'road', { cast: false, receive: true });
}
