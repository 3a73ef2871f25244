/**
 * cameras/<id>.json: the camera model of one frame, keys in a fixed order, one matrix row per
 * line so the file reads like the matrices it holds.
 */
import type { CameraModel } from '../render/types.js';

function matrix(values: readonly number[], cols: number): string {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += cols)
    rows.push(
      '    ' +
        values
          .slice(i, i + cols)
          .map((v) => JSON.stringify(v))
          .join(', '),
    );
  return '[\n' + rows.join(',\n') + '\n  ]';
}

export function cameraFile(camera: CameraModel): string {
  return (
    '{\n' +
    `  "imageSize": {"widthPx": ${camera.widthPx}, "heightPx": ${camera.heightPx}},\n` +
    `  "K": ${matrix(camera.K, 3)},\n` +
    `  "P": ${matrix(camera.P, 4)},\n` +
    `  "worldToCamera": ${matrix(camera.worldToCamera, 4)},\n` +
    `  "worldToRect": ${matrix(camera.worldToRect, 4)},\n` +
    `  "rectToCamera": ${matrix(camera.rectToCamera, 3)}\n` +
    '}\n'
  );
}
