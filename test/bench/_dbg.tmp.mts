const { World } = await import('cannon-es');
const orig = World.prototype.step;
const stats: Record<string, { t: number; c: number; n: number; pairs: number }> = { full: { t: 0, c: 0, n: 0, pairs: 0 }, bare: { t: 0, c: 0, n: 0, pairs: 0 } };
let mode = 'full';
World.prototype.step = function (dt: number) { const t = performance.now(); orig.call(this, dt); const s = stats[mode]; s.t += performance.now() - t; s.c += this.contacts.length; s.n++; };
const { applyDefaults } = await import('../../src/scenario/defaults.js');
const { buildRoadNetwork } = await import('../../src/road/buildRoadNetwork.js');
const { simulate } = await import('../../src/sim/simulate.js');
const { buildWorld } = await import('../../src/sim/buildWorld.js');
const { benchScenario } = await import('./sim.bench.ts');
const instance = applyDefaults(benchScenario());
const network = buildRoadNetwork(instance.road, instance.weather);
for (let rep = 0; rep < 2; rep++) {
  mode = 'full'; let t0 = performance.now(); simulate(instance, network); const full = performance.now() - t0;
  mode = 'bare'; const { world } = buildWorld(instance, network, { durationS: 20 }); t0 = performance.now(); for (let i = 0; i < 2000; i++) world.step(0.01); const bare = performance.now() - t0;
  console.log('full', full.toFixed(0), 'bare', bare.toFixed(0), JSON.stringify(stats));
  for (const s of Object.values(stats)) { s.t = 0; s.c = 0; s.n = 0; }
}
