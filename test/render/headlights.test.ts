/**
 * Night light as a driver sees it: on an unlit rural road at night, the ego's low beams show a
 * person standing in the lane at 50 m (labeled, not low-visibility) but not at 130 m, where
 * the high beams do. Export quality, 640x360 with a 20 deg lens so size is no excuse at 130 m.
 * Skipped (with the reason printed) only when no browser is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderHost, type RenderHost } from '../../src/dataset/renderHost.js';
import type { ObjectLabel } from '../../src/render/types.js';
import { simulate } from '../../src/sim/simulate.js';
import { straightRoadScenario } from '../sim/fixtures.js';
import { browserMissing } from './fixtures.js';

const missing = browserMissing();
if (missing) console.log(`headlight tests skipped: ${missing}`);

async function personSeen(host: RenderHost, distanceM: number, highBeams: boolean): Promise<ObjectLabel> {
  const { instance, network } = straightRoadScenario({
    simulation: { durationS: 0.1, dtS: 0.05 },
    road: { setting: 'rural', lanes: { forward: 1, backward: 1, widthM: 3.25 }, shoulderM: 1 },
    light: { timeOfDayH: 23.5, streetLights: false },
    ego: { place: { lane: 1, s: 20 }, lights: { highBeams }, camera: { widthPx: 640, heightPx: 360, fovDeg: 20, heightM: 1.4 } },
    actors: [
      {
        id: 'walker',
        kind: 'pedestrian',
        place: { lane: 1, s: 20 + distanceM, offsetM: 0.6, headingDeg: 90 },
        person: { heightM: 1.75, topColour: 'grey', bottomColour: 'navy', skinTone: 'IV' },
      },
    ],
  });
  const sim = simulate(instance, network);
  const frame = await host.renderFrame({
    scene: { kind: 'scenario', key: `headlights-${distanceM}-${highBeams}`, instance, trajectory: sim.trajectory, seed: 1, quality: 'export' },
    frame: 0,
    tick: 1,
  });
  const person = frame.labels.objects.find((o) => o.actorId === 'walker');
  if (!person) throw new Error('the person has no label');
  return person;
}

describe.skipIf(missing !== null)('headlights at night', () => {
  let host: RenderHost;
  beforeAll(async () => {
    host = createRenderHost();
    await host.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('low beams show a person in the lane at 50 m', async () => {
    const p = await personSeen(host, 50, false);
    expect(p.box).not.toBeNull();
    expect(p.lowVisibility).toBe(false);
  });

  it('at 130 m the low beams leave the person in the dark and the high beams show them', async () => {
    const low = await personSeen(host, 130, false);
    const high = await personSeen(host, 130, true);
    expect(low.visiblePixels).toBeGreaterThan(40);
    expect(low.lowVisibility).toBe(true);
    expect(high.lowVisibility).toBe(false);
    expect(high.lightness!).toBeGreaterThan(2 * low.lightness!);
  });
});
