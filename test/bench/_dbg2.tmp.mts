const { applyDefaults } = await import('../../src/scenario/defaults.js');
const { buildRoadNetwork } = await import('../../src/road/buildRoadNetwork.js');
const { simulate } = await import('../../src/sim/simulate.js');
const { buildWorld } = await import('../../src/sim/buildWorld.js');
const { benchScenario } = await import('./sim.bench.ts');
const instance = applyDefaults(benchScenario());
const network = buildRoadNetwork(instance.road, instance.weather);
for (let rep = 0; rep < 3; rep++) {
  (globalThis as any).__T = [0, 0, 0, 0];
  let t0 = performance.now(); simulate(instance, network); const full = performance.now() - t0;
  const { world } = buildWorld(instance, network, { durationS: 20 }); t0 = performance.now(); for (let i = 0; i < 2000; i++) world.step(0.01); const bare = performance.now() - t0;
  t0 = performance.now(); buildWorld(instance, network, { durationS: 20 }); const build = performance.now() - t0;
  console.log('full', full.toFixed(0), 'bare', bare.toFixed(0), 'build', build.toFixed(0), 'triggers/control/step/observe', (globalThis as any).__T.map((x: number) => x.toFixed(0)).join(' '));
}
