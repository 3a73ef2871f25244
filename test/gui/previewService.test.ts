import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';
import { decodeTrajectory } from '../../src/sim/trajectoryFile.js';
import { samplePreview, simulatePreview } from '../../src/studio/host/previewService.js';
import { niceStep } from '../../src/studio/host/parameterInfo.js';

const FILE = 'scenarios/03-lead-vehicle-emergency-brake.yaml';
const text = readFileSync(path.join(PACKAGE_ROOT, FILE), 'utf8');
const base = { text, fileName: FILE, seed: 1, design: 'random' as const, index: 0 };

describe('preview sampling', () => {
  it('lists the distributions with slider ranges and the sampled values', () => {
    const r = samplePreview(base);
    if (!r.ok) throw new Error(r.formatted.join('\n'));
    const fog = r.parameters.find((p) => p.key === 'fogVisibilityM');
    expect(fog).toMatchObject({ source: 'parameter', kind: 'uniform', min: 30, max: 300, overridden: false });
    expect(fog?.value).toBe(r.sample.parameters.fogVisibilityM);
    expect(r.parameters.find((p) => p.key === 'leadKind')).toMatchObject({ kind: 'choice', choices: ['car', 'van', 'truck'] });
  });

  it('fixes an overridden parameter and leaves the other draws unchanged', () => {
    const a = samplePreview(base);
    const b = samplePreview({ ...base, overrides: { fogVisibilityM: 42 } });
    if (!a.ok || !b.ok) throw new Error('sampling failed');
    expect(b.sample.parameters.fogVisibilityM).toBe(42);
    expect(b.instance.weather.fogVisibilityM).toBe(42);
    expect(b.sample.parameters.decelMps2).toBe(a.sample.parameters.decelMps2);
    expect(b.parameters.find((p) => p.key === 'fogVisibilityM')?.overridden).toBe(true);
  });

  it('ignores an override of a dimension the text no longer has', () => {
    const r = samplePreview({ ...base, overrides: { removedParam: 3 } });
    expect(r.ok).toBe(true);
  });

  it('returns the validate errors of a broken text instead of throwing', () => {
    const r = samplePreview({ ...base, text: `bogus: 1\n${text}` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.formatted[0]).toMatch(/^scenarios\/03-lead-vehicle-emergency-brake\.yaml:1:1 \/bogus: /);
  });

  it('picks slider steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(270)).toBe(1);
    expect(niceStep(500)).toBe(2);
    expect(niceStep(1)).toBe(0.005);
    expect(niceStep(0)).toBe(1);
  });
});

describe('preview simulation', () => {
  it('points a road that cannot be built at /road, as the CLI and dataset runs do', () => {
    const bend =
      'version: 1\nname: bend\nroad:\n  blocks: [{ kind: curve, id: bend, radiusM: 20, angleDeg: 30, direction: left, transitionM: 50 }]\nego: { place: { lane: 1, s: 5 } }\n';
    const r = simulatePreview({ ...base, text: bend, fileName: 'bend.yaml' });
    if (r.ok) throw new Error('the road was built');
    expect(r.errors[0]).toMatchObject({ pointer: '/road', line: 4 });
    expect(r.formatted[0]).toMatch(/^bend\.yaml:4:\d+ \/road: .*bend/);
  });

  it('applies perturbations to the instance it simulates', () => {
    const r = simulatePreview({ ...base, perturbations: { rain: 0.8, wetness: 1, timeOfDayH: 22, fogVisibilityM: 50, snow: 0 } });
    if (!r.ok) throw new Error(r.formatted.join('\n'));
    expect(r.instance.weather).toMatchObject({ rain: 0.8, wetness: 1, fogVisibilityM: 50, snow: 0 });
    expect(r.instance.light.timeOfDayH).toBe(22);
    expect(r.instance.light.sunElevationDeg).toBeLessThan(0);
    expect(r.instance.light.streetLights).toBe(true);
  });

  it('sends a trajectory that decodes to the simulated ticks', () => {
    const r = simulatePreview(base);
    if (!r.ok) throw new Error(r.formatted.join('\n'));
    const t = decodeTrajectory(new Uint8Array(Buffer.from(r.trajectoryBase64, 'base64')));
    expect(t.ticks).toBeGreaterThan(1);
    expect(t.actors[0].id).toBe('ego');
  });
});
