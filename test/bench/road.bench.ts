/**
 * Road benchmarks: building a network with a junction, a roundabout and curves, and the hot
 * queries the simulation makes per actor per tick (lane position, heading, localCoordinates).
 */
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { roadGeometry } from '../../src/road/roadGeometry.js';
import { DRY, junctionBlock, roadSpec, roundaboutBlock } from '../road/fixtures.js';

function perSecond(n: number, fn: (i: number) => void): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return (n / (performance.now() - t0)) * 1000;
}

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const spec = roadSpec(
    [
      { kind: 'straight', id: 'a', lengthM: 200 },
      { kind: 'curve', id: 'c1', radiusM: 120, angleDeg: 60, direction: 'left', transitionM: 40 },
      junctionBlock(),
      { kind: 'shift', id: 'cz', lengthM: 80, offsetM: -3.5 },
      roundaboutBlock({ lanes: 2, radiusM: 25 }),
      { kind: 'curve', id: 'c2', radiusM: 60, angleDeg: 90, direction: 'right', transitionM: 20 },
      { kind: 'tunnel', id: 't', lengthM: 300, lightLevel: 0.5 },
    ],
    { lanes: { forward: 2, backward: 2, widthM: 3.5 }, sidewalks: { left: true, right: true, widthM: 2, kerbHeightM: 0.15 } },
  );
  const t0 = performance.now();
  const builds = 20;
  let net = buildRoadNetwork(spec, DRY);
  for (let i = 1; i < builds; i++) net = buildRoadNetwork(spec, DRY);
  const buildMs = (performance.now() - t0) / builds;
  const lane = net.lane('main', 1);
  const L = lane.lengthM;
  const positionsPerS = perSecond(200_000, (i) => lane.position((i * 7.3) % L, 0.2));
  const headingsPerS = perSecond(200_000, (i) => lane.headingAt((i * 7.3) % L));
  const points = Array.from({ length: 1000 }, (_, i) => lane.position((i * 1.37) % L, ((i % 7) - 3) * 0.3));
  const localPerS = perSecond(20_000, (i) => lane.localCoordinates(points[i % points.length]!));
  const t1 = performance.now();
  const geo = roadGeometry(net, 1);
  const geometryMs = performance.now() - t1;
  log(`network build: ${buildMs.toFixed(1)} ms (${net.lanes.size} lanes, main road ${net.roads.get('main')!.lengthM.toFixed(0)} m)`);
  log(`lane.position: ${(positionsPerS / 1e6).toFixed(2)} M/s; headingAt: ${(headingsPerS / 1e6).toFixed(2)} M/s`);
  log(`lane.localCoordinates: ${(localPerS / 1e3).toFixed(1)} k/s`);
  log(`roadGeometry at 1 m: ${geometryMs.toFixed(1)} ms (${geo.strips.length} strips, ${geo.markings.length} markings)`);
  return { buildMs, positionsPerS, headingsPerS, localCoordinatesPerS: localPerS, geometryMs };
}
