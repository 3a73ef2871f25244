import { describe, expect, it } from 'vitest';
import { AdaptiveResolution } from '../../src/renderer/viewport/adaptiveResolution.js';

/** Feeds `n` frames `intervalMs` apart from `t0`; returns the time after the last and whether the scale changed. */
function frames(a: AdaptiveResolution, t0: number, n: number, intervalMs: number): { t: number; changed: boolean } {
  let changed = false;
  let t = t0;
  for (let i = 0; i < n; i++) {
    t += intervalMs;
    changed = a.record(t) || changed;
  }
  return { t, changed };
}

describe('adaptive preview resolution', () => {
  it('keeps full resolution at 20 frames per second and more', () => {
    const a = new AdaptiveResolution();
    expect(frames(a, 0, 100, 50).changed).toBe(false);
    expect(a.scale).toBe(1);
  });

  it('steps down while drawing continuously below 18 frames per second, then holds', () => {
    const a = new AdaptiveResolution();
    let { t } = frames(a, 0, 17, 70);
    expect(a.scale).toBe(0.75);
    // At 75 % the frame takes 45 ms: 22 fps, but full resolution would be ~80 ms: stay.
    ({ t } = frames(a, t, 40, 45));
    expect(a.scale).toBe(0.75);
    // Still slow: down to half.
    ({ t } = frames(a, t, 17, 70));
    expect(a.scale).toBe(0.5);
    // Never below the last level.
    frames(a, t, 40, 120);
    expect(a.scale).toBe(0.5);
  });

  it('steps back up when the next level up would keep 22 frames per second', () => {
    const a = new AdaptiveResolution();
    const { t } = frames(a, 0, 17, 80);
    expect(a.scale).toBe(0.75);
    // 20 ms at 75 % is about 36 ms at full resolution: 28 fps.
    expect(frames(a, t, 17, 20).changed).toBe(true);
    expect(a.scale).toBe(1);
  });

  it('ignores single redraws after a pause', () => {
    const a = new AdaptiveResolution();
    let t = 0;
    for (let i = 0; i < 50; i++) {
      t += 400;
      a.record(t);
    }
    expect(a.scale).toBe(1);
  });
});
