/**
 * Roadside context generated from the seed: rows of buildings (urban), houses with trees
 * (suburban), woods and utility poles (rural), guard rails and trees (highway). Nothing is
 * placed on any road or junction area.
 */
import * as THREE from 'three';
import type { ScenarioInstance, Side } from '../../scenario/types.js';
import type { Road, RoadNetwork } from '../../road/types.js';
import { buildingMesh } from './buildings.js';
import { plainPole, tree } from './furnitureModels.js';
import { part, type MaterialLibrary } from '../materials/materialLibrary.js';
import { RoadPlacement } from './roadPlacement.js';
import type { SceneRng } from '../sceneRng.js';
import { tagSemantic } from '../materials/tagging.js';

/** Whether a disc of radius r [m] around world (x, y) stays clear of every road and junction. */
export function isClear(network: RoadNetwork, x: number, y: number, r: number): boolean {
  for (const j of network.junctions) if (Math.hypot(x - j.centre.x, y - j.centre.y) < j.radiusM + r + 4) return false;
  for (const road of network.roads.values()) {
    const l = road.localCoordinates({ x, y });
    if (l.s < -r || l.s > road.lengthM + r) continue;
    if (l.t < road.outerT.left + r + 0.5 && l.t > road.outerT.right - r - 0.5) return false;
    for (const tun of road.tunnelSpans) if (l.s > tun.fromS - r - 5 && l.s < tun.toS + r + 5 && Math.abs(l.t) < 40) return false;
  }
  return true;
}

interface Ctx {
  network: RoadNetwork;
  instance: ScenarioInstance;
  lib: MaterialLibrary;
  rng: SceneRng;
  group: THREE.Group;
  nightGlow: number;
}

function tryPlace(ctx: Ctx, at: RoadPlacement, obj: THREE.Object3D, s: number, t: number, radiusM: number): void {
  const p = at.road.position(s, t);
  if (!isClear(ctx.network, p.x, p.y, radiusM)) return;
  at.place(obj, s, t);
  obj.position.y = 0;
  ctx.group.add(obj);
}

function rowOfBuildings(ctx: Ctx, at: RoadPlacement, side: Side, urban: boolean): void {
  const sign = side === 'left' ? 1 : -1;
  const { rng, instance } = ctx;
  const road = at.road;
  for (let s = -60; s < road.lengthM + 60; ) {
    const w = urban ? rng.range(10, 24) : rng.range(9, 13);
    const d = urban ? rng.range(10, 18) : rng.range(8, 11);
    const h = urban ? rng.range(9, 32) : rng.range(5, 7.5);
    const setback = urban ? rng.range(0.5, 2.5) : rng.range(6, 11);
    const t = at.t(side, 'verge') + sign * (setback + d / 2);
    const b = buildingMesh(ctx.lib, rng, { widthM: w, depthM: d, heightM: h, setting: instance.road.setting }, ctx.nightGlow);
    tryPlace(ctx, at, b, s + w / 2, t, Math.max(w, d) / 2);
    const gap = urban ? (rng.next() < 0.7 ? rng.range(0, 2) : rng.range(6, 14)) : rng.range(7, 18);
    if (!urban && gap > 8) tryPlace(ctx, at, tree(ctx.lib, rng.range(6, 10), rng.range(3.5, 5.5), false), s + w + gap / 2, t + sign * rng.range(-3, 3), 2);
    s += w + gap;
  }
}

function woods(ctx: Ctx, at: RoadPlacement, side: Side, density: number, minT: number): void {
  const sign = side === 'left' ? 1 : -1;
  const { rng } = ctx;
  for (let s = -80; s < at.road.lengthM + 80; s += rng.range(4, 14) / density) {
    const conifer = rng.next() < 0.4;
    const h = rng.range(7, 16);
    const t = at.t(side, 'verge') + sign * (minT + rng.range(0, 35) * rng.next());
    tryPlace(ctx, at, tree(ctx.lib, h, conifer ? h * 0.35 : rng.range(4, 7), conifer), s, t, 2);
  }
}

function utilityPoles(ctx: Ctx, at: RoadPlacement, side: Side): void {
  for (let s = -40; s < at.road.lengthM + 40; s += 45) tryPlace(ctx, at, plainPole(ctx.lib, 8.5, true), s, at.t(side, 'verge', 1.5), 0.3);
}

function guardRail(ctx: Ctx, road: Road, side: Side): void {
  const t = side === 'left' ? road.carriagewayT.left + 0.8 : road.carriagewayT.right - 0.8;
  const steel = ctx.lib.standard('guard-rail', { colour: 0xa8adb2, roughness: 0.45, metalness: 0.6 });
  for (let s = 0; s < road.lengthM; s += 4) {
    const a = road.position(s, t);
    const b = road.position(Math.min(road.lengthM, s + 4), t);
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const rail = part(ctx.lib.box, steel, len, 0.3, 0.05, (a.x + b.x) / 2, 0.6, -(a.y + b.y) / 2);
    rail.rotation.y = Math.atan2(b.y - a.y, b.x - a.x);
    ctx.group.add(tagSemantic(rail, 'barrier'));
    const post = part(ctx.lib.box, steel, 0.1, 0.75, 0.1, a.x, 0.375, -a.y);
    ctx.group.add(tagSemantic(post, 'barrier'));
  }
}

export function buildRoadsideContext(network: RoadNetwork, instance: ScenarioInstance, lib: MaterialLibrary, rng: SceneRng, nightGlow: number): THREE.Group {
  const group = new THREE.Group();
  group.name = 'roadside';
  const ctx: Ctx = { network, instance, lib, rng, group, nightGlow };
  const setting = instance.road.setting;
  for (const road of network.roads.values()) {
    const at = new RoadPlacement(road, instance);
    for (const side of ['left', 'right'] as const) {
      switch (setting) {
        case 'urban':
          rowOfBuildings(ctx, at, side, true);
          break;
        case 'suburban':
          rowOfBuildings(ctx, at, side, false);
          break;
        case 'rural':
          woods(ctx, at, side, 0.8, 3);
          break;
        case 'highway':
          guardRail(ctx, road, side);
          woods(ctx, at, side, 0.5, 12);
          break;
      }
    }
    if (setting === 'rural') utilityPoles(ctx, at, 'right');
  }
  return group;
}
