/**
 * Labeled frames of this tree against another tree of this repository (a checkout before a
 * change), paired: one render host of each is open at once and batches of frames alternate
 * between them (A then B, then B then A), so drift of the machine's speed, which moves whole
 * bench runs by a third here, hits both alike. Scenario 01, frames in flight as a run requests
 * them. Not part of `npm run bench` (it needs the other tree).
 *
 *   npx tsx test/bench/paired.ts OTHER_TREE [WIDTHxHEIGHT] [ROUNDS]
 *
 * OTHER_TREE needs its own node_modules (a symlink to this tree's will do).
 */
import path from 'node:path';
import type { PlaywrightRenderHost, ScenarioScene } from '../../src/dataset/renderHost.js';
import { createRenderHost } from '../../src/dataset/renderHost.js';
import { scenarioScene } from './render.bench.js';

type CreateHost = typeof createRenderHost;

const [other, size = '1280x720', roundsArg = '8'] = process.argv.slice(2);
if (!other) {
  console.error('usage: npx tsx test/bench/paired.ts OTHER_TREE [WIDTHxHEIGHT] [ROUNDS]');
  process.exit(2);
}
const [widthPx, heightPx] = size.split('x').map(Number) as [number, number];
const rounds = Number(roundsArg);
const BATCH = 6;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A host of one tree, warmed up, with its two measurements [ms a frame]. */
async function side(create: CreateHost, scene: ScenarioScene, tick: number) {
  const host: PlaywrightRenderHost = create({ pages: 1 });
  await host.open();
  for (let i = 0; i < 2; i++) await host.renderFrame({ scene, frame: 0, tick });
  await host.timeRenderOnly(scene, tick, 1);
  const labeled = async (): Promise<number> => {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: host.framesInFlight }, async (_, p) => {
        for (let i = p; i < BATCH; i += host.framesInFlight) await host.renderFrame({ scene, frame: i, tick });
      }),
    );
    return (performance.now() - t0) / BATCH;
  };
  const renderOnly = async (): Promise<number> => median(await host.timeRenderOnly(scene, tick, BATCH));
  return { host, labeled, renderOnly, labeledMs: [] as number[], renderOnlyMs: [] as number[] };
}

const { scene, tick } = await scenarioScene(widthPx, heightPx);
const otherTree = path.resolve(other);
const { createRenderHost: createOther } = (await import(path.join(otherTree, 'src/dataset/renderHost.ts'))) as { createRenderHost: CreateHost };
const sides: Awaited<ReturnType<typeof side>>[] = [];
try {
  sides.push(await side(createOther, scene, tick));
  sides.push(await side(createRenderHost, scene, tick));
  for (let r = 0; r < rounds; r++) {
    for (const s of r % 2 === 0 ? sides : [...sides].reverse()) {
      s.renderOnlyMs.push(await s.renderOnly());
      s.labeledMs.push(await s.labeled());
    }
  }
} finally {
  for (const s of sides) await s.host.close();
}
const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
for (const [name, s] of [
  [`A ${otherTree}`, a],
  ['B this tree', b],
] as const) {
  const ratio = median(s.labeledMs.map((ms, i) => s.renderOnlyMs[i]! / ms));
  console.log(
    `${name}: ms a labeled ${size} frame, median ${median(s.labeledMs).toFixed(0)} (${s.labeledMs.map((x) => x.toFixed(0)).join(' ')}); render-only ${median(s.renderOnlyMs).toFixed(0)}; render-only/labeled frames/s ${ratio.toFixed(3)}`,
  );
}
const paired = b.labeledMs.map((ms, i) => ms / a.labeledMs[i]!);
console.log(`B / A time a labeled frame, per round: ${paired.map((x) => x.toFixed(2)).join(' ')}; median ${median(paired).toFixed(3)}`);
