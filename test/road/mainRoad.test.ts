import { describe, expect, it } from 'vitest';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { wrapAngle } from '../../src/math/angles.js';
import { DRY, roadSpec } from './fixtures.js';

describe('main road', () => {
  it('starts at the origin heading +x', () => {
    const main = buildRoadNetwork(roadSpec([{ kind: 'straight', id: 's', lengthM: 100 }]), DRY).roads.get('main')!;
    const p = main.position(0, 0);
    expect(p).toEqual({ x: 0, y: 0 });
    expect(main.headingAt(0)).toBe(0);
    expect(main.lengthM).toBe(100);
  });

  it('turns a curve block by its angle, transitions included', () => {
    const net = buildRoadNetwork(
      roadSpec([
        { kind: 'straight', id: 'a', lengthM: 10 },
        { kind: 'curve', id: 'c', radiusM: 60, angleDeg: 90, direction: 'right', transitionM: 30 },
      ]),
      DRY,
    );
    const main = net.roads.get('main')!;
    expect(wrapAngle(main.headingAt(main.lengthM) + Math.PI / 2)).toBeCloseTo(0, 9);
    // Two clothoids of 30 m and an arc of (pi/2 - 30/60) * 60 m.
    expect(main.lengthM).toBeCloseTo(10 + 60 + (Math.PI / 2 - 0.5) * 60, 9);
  });

  it('names the block and the limit when a transition is too long', () => {
    expect(() => buildRoadNetwork(roadSpec([{ kind: 'curve', id: 'bend', radiusM: 20, angleDeg: 30, direction: 'left', transitionM: 50 }]), DRY)).toThrow(
      /curve block "bend".*at most 10\.5 m/,
    );
  });

  it('shifts all lanes sideways over a shift block', () => {
    const main = buildRoadNetwork(roadSpec([{ kind: 'shift', id: 'cz', lengthM: 40, offsetM: -3 }]), DRY).roads.get('main')!;
    const end = main.position(main.lengthM, 0);
    expect(end.x).toBeCloseTo(40, 9);
    expect(end.y).toBeCloseTo(-3, 9);
  });

  it('records tunnel spans with their light level', () => {
    const main = buildRoadNetwork(
      roadSpec([
        { kind: 'straight', id: 'a', lengthM: 50 },
        { kind: 'tunnel', id: 't', lengthM: 200, lightLevel: 0.3 },
      ]),
      DRY,
    ).roads.get('main')!;
    expect(main.tunnelSpans).toEqual([{ fromS: 50, toS: 250, lightLevel: 0.3 }]);
  });

  it('lays out lanes, parking, shoulder, kerb and sidewalk outwards from the centre line', () => {
    const main = buildRoadNetwork(
      roadSpec([{ kind: 'straight', id: 'a', lengthM: 50 }], {
        lanes: { forward: 2, backward: 1, widthM: 3 },
        shoulderM: 0.5,
        parking: { left: false, right: true, widthM: 2 },
        sidewalks: { left: true, right: true, widthM: 2, kerbHeightM: 0.15 },
      }),
      DRY,
    ).roads.get('main')!;
    expect(main.laneCentreT(1)).toBe(-1.5);
    expect(main.laneCentreT(2)).toBe(-4.5);
    expect(main.laneCentreT(-1)).toBe(1.5);
    expect(main.carriagewayT).toEqual({ right: -6, left: 3 });
    expect(main.laneCentreT('shoulder-right')).toBeCloseTo(-6.25, 12);
    expect(main.laneCentreT('parking-right')).toBeCloseTo(-7.5, 12);
    expect(main.laneCentreT('sidewalk-right')).toBeCloseTo(-8.5 - 0.15 - 1, 12);
    expect(main.outerT.right).toBeCloseTo(-10.65, 12);
    expect(main.outerT.left).toBeCloseTo(3 + 0.5 + 0.15 + 2, 12);
    expect(main.widthAt(10)).toBe(9);
  });
});
