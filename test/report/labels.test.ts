import { describe, expect, it } from 'vitest';
import { parseKittiLabels } from '../../src/report/kittiLabels.js';
import { LabelStatsBuilder } from '../../src/report/labelStats.js';

// KITTI difficulty: easy >= 40 px, occluded 0, truncation <= 0.15; moderate >= 25 px, occluded <= 1,
// truncation <= 0.3; hard >= 25 px, occluded <= 2, truncation <= 0.5.
const LINES = [
  'Car 0.00 0 -1.58 100.00 100.00 200.00 140.00 1.5 1.6 3.9 1 1.6 10 -1.5', // 40 px, visible: easy
  'Car 0.16 0 -1.58 100.00 100.00 200.00 160.00 1.5 1.6 3.9 1 1.6 10 -1.5', // truncated 0.16: moderate
  'Pedestrian 0.00 1 0.2 10.00 20.00 30.00 59.99 1.7 0.6 0.8 2 1.6 12 0.1', // 39.99 px, partly occluded: moderate
  'Cyclist 0.40 2 0.2 10.00 20.00 30.00 45.00 1.7 0.6 1.8 2 1.6 12 0.1', // 25 px, largely occluded: hard
  'Car 0.00 0 0.2 10.00 20.00 30.00 44.99 1.7 0.6 1.8 2 1.6 12 0.1', // 24.99 px: beyond hard
  'Car 0.60 1 0.2 10.00 20.00 30.00 90.00 1.7 0.6 1.8 2 1.6 12 0.1', // truncation 0.6: beyond hard
  'DontCare -1 -1 -10 0.00 0.00 10.00 10.00 -1 -1 -1 -1000 -1000 -1000 -10',
].join('\n');

describe('KITTI labels', () => {
  it('parses type, truncation, occlusion and box of each line', () => {
    const rows = parseKittiLabels(LINES + '\n', 'x.txt');
    expect(rows).toHaveLength(7);
    expect(rows[2]).toEqual({ type: 'Pedestrian', truncation: 0, occluded: 1, box: [10, 20, 30, 59.99] });
  });

  it('names the file and line of a short line', () => {
    expect(() => parseKittiLabels('Car 0 0 1 2', 'a/000001.txt')).toThrow(/a\/000001.txt:1: .*15 fields/);
  });

  it('splits objects by KITTI difficulty at the devkit thresholds', () => {
    const b = new LabelStatsBuilder('test');
    b.addFrame(parseKittiLabels(LINES, 'x.txt'));
    expect(b.result().difficulty).toEqual({ easy: 1, moderate: 2, hard: 1, ignored: 2 });
  });

  it('keeps DontCare regions out of the object statistics', () => {
    const b = new LabelStatsBuilder('test');
    b.addFrame(parseKittiLabels(LINES, 'x.txt'));
    const s = b.result();
    expect(s.objects).toBe(6);
    expect(s.dontCare).toBe(1);
    expect(s.classCounts).toEqual({ Car: 4, Pedestrian: 1, Cyclist: 1 });
    expect(s.heightsPx[0]).toBe(40);
    expect(s.areasPx[0]).toBe(4000);
  });
});
