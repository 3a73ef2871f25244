import { describe, expect, it } from 'vitest';
import { kittiBoxes, yoloBoxes } from '../../src/studio/host/frameFiles.js';
import { formatEta } from '../../src/renderer/panels/ExportPanel.js';

describe('exported frame boxes', () => {
  it('reads 2D boxes from KITTI label lines and skips DontCare', () => {
    const text = 'Car 0.00 0 -1.57 100.00 120.50 180.00 200.00 1.50 1.80 4.50 1.0 1.6 12.0 -1.57\nDontCare -1 -1 -10 1 2 3 4 -1 -1 -1 -1000 -1000 -1000 -10\n';
    expect(kittiBoxes(text)).toEqual([{ cls: 'Car', x1: 100, y1: 120.5, x2: 180, y2: 200 }]);
  });

  it('reads YOLO lines as pixel boxes of the image size', () => {
    expect(yoloBoxes('6 0.5 0.5 0.25 0.5\n', 640, 360)).toEqual([{ cls: 'Pedestrian', x1: 240, y1: 90, x2: 400, y2: 270 }]);
  });
});

describe('export time left', () => {
  it('reads seconds and minutes', () => {
    expect(formatEta(null)).toBe('–');
    expect(formatEta(12.2)).toBe('13 s');
    expect(formatEta(125)).toBe('2 min 5 s');
  });
});
