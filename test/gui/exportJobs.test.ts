import { describe, expect, it } from 'vitest';
import { ExportJobs } from '../../src/studio/host/ExportJobs.js';
import type { ExportRunOptions, ExportRunner } from '../../src/studio/host/exportRun.js';

const options = { outDir: '/nowhere', count: 4, frames: 1 } as ExportRunOptions;

/** A runner that writes a frame each time `step` is called. */
function steppedRunner(): { runner: ExportRunner; step: () => Promise<void>; finish: () => void } {
  let onFrame: (d: number, t: number) => void = () => {};
  let done = 0;
  let finish: () => void = () => {};
  const runner: ExportRunner = (_o, cb, signal) => {
    onFrame = cb;
    return new Promise((resolve) => {
      finish = () => resolve({ framesWritten: done, interrupted: signal.aborted });
      signal.addEventListener('abort', () => finish());
    });
  };
  return { runner, step: async () => onFrame(++done, 4), finish: () => finish() };
}

describe('export jobs', () => {
  it('reports frames per second from the first frame on, and the time left', async () => {
    let now = 0;
    const r = steppedRunner();
    const jobs = new ExportJobs(r.runner, () => now);
    const id = jobs.start(options);
    now = 5000; // browser start-up
    await r.step();
    now = 7000;
    await r.step();
    const p = jobs.progress(id);
    expect(p).toMatchObject({ state: 'running', framesDone: 2, framesTotal: 4 });
    expect(p.fps).toBeCloseTo(0.5);
    expect(p.etaS).toBeCloseTo(4);
  });

  it('refuses a second export while one runs', () => {
    const jobs = new ExportJobs(steppedRunner().runner);
    jobs.start(options);
    expect(() => jobs.start(options)).toThrow(/already running/);
  });

  it('ends as cancelled after cancel', async () => {
    const r = steppedRunner();
    const jobs = new ExportJobs(r.runner);
    const id = jobs.start(options);
    jobs.cancel(id);
    await new Promise((res) => setTimeout(res, 0));
    expect(jobs.progress(id).state).toBe('cancelled');
  });

  it("ends as failed with the runner's message", async () => {
    const jobs = new ExportJobs(async () => {
      throw new Error('no browser');
    });
    const id = jobs.start(options);
    await new Promise((res) => setTimeout(res, 0));
    expect(jobs.progress(id)).toMatchObject({ state: 'failed', message: 'no browser' });
  });
});
