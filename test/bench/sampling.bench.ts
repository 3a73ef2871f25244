/**
 * Sampling throughput: samples per second (resolve, defaults and content hash included) for
 * the first catalog scenario, or for the in-code fixture when the catalog is not there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkScenario } from '../../src/scenario/load.js';
import type { DesignName, ScenarioSpec } from '../../src/scenario/types.js';
import { createSampler } from '../../src/sampling/sample.js';
import { cutInSpec } from '../sampling/fixtures.js';

const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));

function benchSpec(): { name: string; spec: ScenarioSpec } {
  const file = readdirSync(scenariosDir).find((f) => /^01-.*\.ya?ml$/.test(f));
  if (file !== undefined) {
    const { spec, errors } = checkScenario(readFileSync(scenariosDir + file, 'utf8'), `scenarios/${file}`);
    if (spec !== undefined && errors.length === 0) return { name: `scenarios/${file}`, spec };
  }
  return { name: 'test/sampling/fixtures.ts cutInSpec', spec: cutInSpec() };
}

/** Samples per second over at least `minMs` of sampling. */
function throughput(spec: ScenarioSpec, design: DesignName, minMs = 1500): { perS: number; dims: number } {
  const sampler = createSampler(spec, { seed: 1, design, count: 1_000_000 });
  for (let i = 0; i < 200; i++) sampler.sample(i); // warm up the JIT
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let k = 0; k < 200; k++) sampler.sample(1000 + n++);
    elapsed = performance.now() - start;
  }
  return { perS: (n / elapsed) * 1000, dims: sampler.plan.dimensions.length };
}

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const { name, spec } = benchSpec();
  log(`scenario: ${name}`);
  const out: Record<string, number> = {};
  for (const design of ['random', 'sobol'] as const) {
    const { perS, dims } = throughput(spec, design);
    log(`${design.padEnd(7)} ${perS.toFixed(0).padStart(7)} samples/s  (${dims} random dimensions)`);
    out[`${design}SamplesPerS`] = Math.round(perS);
  }
  return out;
}
