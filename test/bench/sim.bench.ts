/**
 * Simulation throughput: steps per second of the full simulate loop (behaviours, controllers,
 * metrics, sanity checks, recording) with 20 raycast vehicles and 10 pedestrians, against a
 * bare cannon-es world with the same bodies that only calls world.step.
 */
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { applyDefaults } from '../../src/scenario/defaults.js';
import type { SpecNode } from '../../src/scenario/types.js';
import { buildWorld } from '../../src/sim/buildWorld.js';
import { simulate } from '../../src/sim/simulate.js';

const DURATION_S = 20;
const DT_S = 0.01;
const REPEATS = 3;

export function benchScenario(): { [key: string]: SpecNode } {
  const vehicles: SpecNode[] = [];
  const kinds = ['car', 'car', 'van', 'car', 'truck', 'car', 'bus', 'car', 'motorcycle', 'car'];
  for (let i = 0; i < 19; i++) {
    const lane = (i % 3) + 1;
    vehicles.push({
      id: `v${i}`,
      kind: kinds[i % kinds.length],
      place: { lane, s: 60 + Math.floor(i / 3) * 35 + lane * 7 },
      speedMps: 14 + (i % 4),
      behaviours: [{ do: 'keepLane', speedMps: 15 + (i % 5) }, ...(i % 6 === 1 ? [{ do: 'laneChange', toLane: lane === 3 ? 2 : lane + 1, trigger: { atS: 3 + i / 4 } }] : [])],
    });
  }
  const people: SpecNode[] = [];
  for (let i = 0; i < 10; i++) {
    const side = i % 2 === 0 ? 'sidewalk-right' : 'sidewalk-left';
    people.push({
      id: `p${i}`,
      kind: 'pedestrian',
      place: { lane: side, s: 80 + i * 40, headingDeg: 0 },
      speedMps: 1.3,
      behaviours: i % 3 === 0 ? [{ do: 'cross', speedMps: 1.4, trigger: { atS: 2 + i } }] : [],
    });
  }
  return {
    version: 1,
    name: 'bench: 20 vehicles, 10 pedestrians',
    simulation: { durationS: DURATION_S, dtS: DT_S },
    road: { lanes: { forward: 3, backward: 1 }, sidewalks: { left: true, right: true }, blocks: [{ kind: 'straight', lengthM: 1500 }] },
    ego: { place: { lane: 2, s: 30 }, speedMps: 15, behaviours: [{ do: 'keepLane', speedMps: 16 }] },
    actors: [...vehicles, ...people],
  };
}

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const instance = applyDefaults(benchScenario());
  const network = buildRoadNetwork(instance.road, instance.weather);
  const steps = Math.round(DURATION_S / DT_S);

  // Warm up both paths so the JIT has compiled them before timing.
  simulate(instance, network, { durationS: 2 });
  const warm = buildWorld(instance, network, { durationS: 2 }).world;
  for (let i = 0; i < 200; i++) warm.step(DT_S);

  // Best of REPEATS, alternating the two, so a busy machine hurts both alike. CPU time is
  // taken too: on a shared machine it is the steadier measure of the ratio.
  const cpuS = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  let fullS = Infinity;
  let bareS = Infinity;
  let fullCpuS = Infinity;
  let bareCpuS = Infinity;
  let result = simulate(instance, network, { durationS: DT_S });
  let actors = buildWorld(instance, network, { durationS: DURATION_S }).actors;
  for (let r = 0; r < REPEATS; r++) {
    let t0 = performance.now();
    let c0 = cpuS();
    result = simulate(instance, network);
    fullCpuS = Math.min(fullCpuS, cpuS() - c0);
    fullS = Math.min(fullS, (performance.now() - t0) / 1000);
    const built = buildWorld(instance, network, { durationS: DURATION_S });
    actors = built.actors;
    t0 = performance.now();
    c0 = cpuS();
    for (let i = 0; i < steps; i++) built.world.step(DT_S);
    bareCpuS = Math.min(bareCpuS, cpuS() - c0);
    bareS = Math.min(bareS, (performance.now() - t0) / 1000);
  }

  const vehicles = actors.filter((a) => a.raycastVehicle).length;
  const others = actors.length - vehicles;
  const fullStepsPerS = steps / fullS;
  const bareStepsPerS = steps / bareS;
  const ratio = fullStepsPerS / bareStepsPerS;
  const realTimeFactor = DURATION_S / fullS;
  log(`${vehicles} raycast vehicles + ${others} pedestrians, ${steps} steps of ${DT_S} s (${result.events.length} events, ${result.metrics.collisions} collisions)`);
  log(`full simulate loop: ${fullStepsPerS.toFixed(0)} steps/s (best of ${REPEATS}: ${fullS.toFixed(2)} s, world building included)`);
  log(`bare world.step:    ${bareStepsPerS.toFixed(0)} steps/s (best of ${REPEATS}: ${bareS.toFixed(2)} s)`);
  const cpuRatio = bareCpuS / fullCpuS;
  log(`ratio full/bare:    ${ratio.toFixed(2)} wall, ${cpuRatio.toFixed(2)} CPU time (target >= 0.7)`);
  log(`real-time factor:   ${realTimeFactor.toFixed(1)}x (simulated seconds per wall second)`);
  return { fullStepsPerS, bareStepsPerS, ratio, cpuRatio, realTimeFactor };
}
