import { describe, expect, it } from 'vitest';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { roadGeometry } from '../../src/road/roadGeometry.js';
import { DRY, junctionBlock, roadSpec, roundaboutBlock } from './fixtures.js';

const net = buildRoadNetwork(
  roadSpec(
    [{ kind: 'straight', id: 'a', lengthM: 90 }, junctionBlock(), { kind: 'straight', id: 'b', lengthM: 45 }, roundaboutBlock(), { kind: 'straight', id: 'c', lengthM: 20 }],
    {
      lanes: { forward: 2, backward: 1, widthM: 3.5 },
      markings: { centre: 'double-solid', lanes: 'dashed', edge: 'solid' },
      parking: { left: false, right: true, widthM: 2 },
      sidewalks: { left: true, right: true, widthM: 2, kerbHeightM: 0.12 },
      crosswalks: [{ s: 30, widthM: 4 }],
    },
  ),
  DRY,
);
const geo = roadGeometry(net, 2);
const main = net.roads.get('main')!;
const [junctionSpan, roundaboutSpan] = main.junctionSpans;

describe('roadGeometry', () => {
  it('pairs left and right edge samples of every strip', () => {
    for (const s of geo.strips) expect(s.left.length).toBe(s.right.length);
  });

  it('samples the main carriageway at its edges, leaving out the roundabout', () => {
    const strips = geo.strips.filter((s) => s.roadId === 'main' && s.kind === 'carriageway');
    expect(strips).toHaveLength(2);
    expect(strips[0]!.left[0]).toEqual(main.position(0, 3.5));
    expect(strips[0]!.right[0]).toEqual(main.position(0, -7));
    const endOfFirst = strips[0]!.left.at(-1)!;
    expect(main.localCoordinates(endOfFirst).s).toBeCloseTo(roundaboutSpan!.fromS, 9);
  });

  it('draws no markings inside junction spans', () => {
    for (const m of geo.markings.filter((x) => x.roadId === 'main')) {
      for (const line of m.lines) {
        for (const p of line) {
          const s = main.localCoordinates(p).s;
          for (const span of main.junctionSpans) expect(s > span.fromS + 1e-6 && s < span.toS - 1e-6).toBe(false);
        }
      }
    }
  });

  it('draws the double-solid centre as two lines and dashed lane lines as 3 m dashes', () => {
    const centre = geo.markings.find((m) => m.roadId === 'main' && m.kind === 'centre')!;
    expect(centre.style).toBe('double-solid');
    expect(centre.lines.length).toBe(2 * 3);
    const lane = geo.markings.find((m) => m.roadId === 'main' && m.kind === 'lane')!;
    const first = lane.lines[0]!;
    expect(Math.hypot(first.at(-1)!.x - first[0]!.x, first.at(-1)!.y - first[0]!.y)).toBeCloseTo(3, 9);
  });

  it('raises kerbs and sidewalks to the kerb height and stops them at junctions', () => {
    const sidewalks = geo.strips.filter((s) => s.roadId === 'main' && s.kind === 'sidewalk');
    for (const s of sidewalks) expect(s.heightM).toBe(0.12);
    expect(sidewalks.length).toBe(2 * 3);
    expect(main.localCoordinates(sidewalks[0]!.left.at(-1)!).s).toBeCloseTo(junctionSpan!.fromS, 9);
  });

  it('makes a crosswalk quad across the carriageway with zebra bars', () => {
    const cw = geo.crosswalks[0]!;
    expect(cw.corners[0]).toEqual(main.position(28, -7));
    expect(cw.corners[2]).toEqual(main.position(32, 3.5));
    expect(cw.bars.length).toBe(10);
  });

  it('gives each junction an area and each roundabout an island', () => {
    expect(geo.areas.map((a) => [a.id, a.kind, a.island.length > 0])).toEqual([
      ['J1', 'junction', false],
      ['R1', 'roundabout', true],
    ]);
  });
});
