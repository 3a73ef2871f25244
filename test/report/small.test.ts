import { describe, expect, it } from 'vitest';
import { colourName } from '../../src/report/colourName.js';
import { compareSeverity, criticality } from '../../src/report/criticality.js';
import type { InstanceRow } from '../../src/report/instances.js';

describe('colourName', () => {
  it('names hex colours and CSS names by family', () => {
    expect(colourName('#1f4e9c')).toBe('blue');
    expect(colourName('navy')).toBe('blue');
    expect(colourName('darkgreen')).toBe('green');
    expect(colourName('#000000')).toBe('black');
    expect(colourName('white')).toBe('white');
    expect(colourName('silver')).toBe('grey');
    expect(colourName('#8b4513')).toBe('brown');
    expect(colourName('#ff0000')).toBe('red');
    expect(colourName('brown')).toBe('brown');
    expect(colourName('darkred')).toBe('red');
  });

  it('calls an unknown colour other', () => {
    expect(colourName('not-a-colour')).toBe('other');
  });
});

function row(sampleIndex: number, minTtcS: number | null, collisions = 0, minDistanceM: number | null = 5): InstanceRow {
  return {
    sampleIndex,
    instanceHash: `h${sampleIndex}`,
    seed: sampleIndex,
    parameters: { x: sampleIndex },
    metrics: { minTtcS, minDistanceM, collisions, hardBrakes: 0, nearMiss: minTtcS !== null && minTtcS < 1.5, nearMissTtcS: 1.5 },
    frames: 1,
    focusFrames: 0,
  };
}

describe('criticality', () => {
  it('ranks collisions first, then the smallest TTC, then instances that never closed in', () => {
    const c = criticality([row(0, 3), row(1, null), row(2, 0.8), row(3, 2, 1), row(4, 0.8, 0, 2)]);
    expect(c.worst.map((w) => w.sampleIndex)).toEqual([3, 4, 2, 0, 1]);
    expect(compareSeverity(c.worst[0], c.worst[1])).toBeLessThan(0);
  });

  it('counts collisions, near misses and instances with no TTC', () => {
    const c = criticality([row(0, 3), row(1, null), row(2, 0.8), row(3, 2, 1)]);
    expect([c.withCollision, c.nearMisses, c.neverClosedIn]).toEqual([1, 1, 1]);
    expect(c.minTtcS).toEqual([3, 0.8, 2]);
  });
});
