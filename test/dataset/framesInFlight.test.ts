/**
 * A dataset run keeps the host's framesInFlight frames of an instance requested at once (the page
 * draws the next frame while the last one compresses and travels) and still writes frames in
 * order: the dataset is byte-identical to a run with one frame at a time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRenderHost, type RenderHost, type RenderRequest } from '../../src/dataset/renderHost.js';
import { runDataset, type RunOptions } from '../../src/dataset/runDataset.js';
import { PASS_NAMES } from '../../src/render/request.js';
import { EXPORT_FORMATS } from '../../src/export/types.js';
import { checkScenario } from '../../src/scenario/load.js';
import { differences, snapshot, STREET_YAML, writeScenario } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'roadsynth-inflight-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const file = writeScenario(work, 'street.yaml', STREET_YAML);
const checked = checkScenario(readFileSync(file, 'utf8'), file);

function options(outDir: string): RunOptions {
  if (!checked.spec) throw new Error(checked.errors.map((e) => e.message).join('; '));
  return {
    scenario: { file, spec: checked.spec, name: 'street' },
    outDir,
    count: 2,
    seed: 5,
    design: 'random',
    frames: 4,
    fps: 5,
    anchor: 'focus',
    resolution: { widthPx: 160, heightPx: 96 },
    formats: [...EXPORT_FORMATS],
    passes: [...PASS_NAMES],
    resume: false,
    command: 'test',
    version: 'test',
    workers: 1,
  };
}

/** A real host whose requests are counted: how many were in flight at most, and in which order they were asked for. */
function countingHost(framesInFlightPerPage: number): { factory: () => Promise<RenderHost>; seen: { maxInFlight: number; requested: number[] } } {
  const seen = { maxInFlight: 0, requested: [] as number[] };
  let inFlight = 0;
  const factory = async (): Promise<RenderHost> => {
    const host = createRenderHost({ pages: 1, framesInFlightPerPage });
    await host.open();
    return {
      open: () => host.open(),
      close: () => host.close(),
      describe: () => host.describe(),
      framesInFlight: host.framesInFlight,
      async renderFrame(req: RenderRequest) {
        seen.requested.push(req.frame);
        seen.maxInFlight = Math.max(seen.maxInFlight, ++inFlight);
        try {
          return await host.renderFrame(req);
        } finally {
          inFlight--;
        }
      },
    };
  };
  return { factory, seen };
}

describe('frames in flight', () => {
  it('asks for two frames at once and writes the same dataset as one at a time', async () => {
    const one = countingHost(1);
    const two = countingHost(2);
    const a = join(work, 'one');
    const b = join(work, 'two');
    const ra = await runDataset(options(a), one.factory);
    const rb = await runDataset(options(b), two.factory);
    expect(ra.framesWritten).toBe(8);
    expect(rb.framesWritten).toBe(8);
    expect(one.seen.maxInFlight).toBe(1);
    expect(two.seen.maxInFlight).toBe(2);
    // Requests go out in frame order, instance by instance.
    expect(two.seen.requested).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    // Everything but the files that name the folder, hold timings or dates.
    const keep = (rel: string): boolean => !/^(roadsynth-run\.json|roadsynth-build\.json|data\.yaml|README\.md|report\.html)$|\.log$/.test(rel);
    expect(differences(snapshot(a, keep), snapshot(b, keep))).toEqual([]);
    // The RGB images' antialiasing is part of the dataset: a resume with another mode is refused, naming it.
    const other = countingHost(2);
    await expect(runDataset({ ...options(a), antialias: 'msaa', resume: true }, other.factory)).rejects.toThrow(/antialias: folder has "fxaa", this run "msaa"/);
    expect(readFileSync(join(a, 'README.md'), 'utf8')).toContain('Antialiasing of the RGB images: fxaa');
  }, 180_000);
});
