/**
 * YOLO (Ultralytics / Darknet) detection layout: labels/<id>.txt next to images/<id>.png, a
 * train.txt image list and data.yaml. Ultralytics finds a label by replacing "/images/" with
 * "/labels/" in the image path, which is why the images live in a folder named images/.
 */
import type { CameraModel, LabelClass, ObjectLabel } from '../render/types.js';
import { ClassMap } from './classMap.js';
import { fixed } from './numberFormat.js';

const DEFAULT_CLASS_MAP = new ClassMap();

/** YOLO class index: position of the class's output name in the class map (0-based; by default in LABEL_CLASSES). */
export function yoloClassIndex(cls: LabelClass, classes: ClassMap = DEFAULT_CLASS_MAP): number {
  return classes.indexOf(cls);
}

const clamp01 = (v: number): number => Math.min(Math.max(v, 0), 1);

/**
 * Contents of labels/<id>.txt: `class cx cy w h`, the tight visible box normalised by the image
 * size, 6 decimals, one line per object with visible pixels, ordered by trackId.
 */
export function yoloLabelFile(objects: readonly ObjectLabel[], camera: CameraModel, classes: ClassMap = DEFAULT_CLASS_MAP): string {
  const W = camera.widthPx;
  const H = camera.heightPx;
  let out = '';
  for (const obj of [...objects].sort((a, b) => a.trackId - b.trackId)) {
    if (obj.box === null) continue;
    const x1 = clamp01(obj.box[0] / W);
    const y1 = clamp01(obj.box[1] / H);
    const x2 = clamp01(obj.box[2] / W);
    const y2 = clamp01(obj.box[3] / H);
    const values = [(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1].map((v) => fixed(v, 6));
    out += `${yoloClassIndex(obj.cls, classes)} ${values.join(' ')}\n`;
  }
  return out;
}

/**
 * data.yaml for Ultralytics. `path` is the dataset's absolute folder (Ultralytics resolves a
 * relative one against its own datasets folder, not this file). roadsynth writes one split, so
 * val repeats train; point it at a list of your own to evaluate on held-out data.
 */
export function yoloDataYaml(absOutDir: string, classes: ClassMap = DEFAULT_CLASS_MAP): string {
  const names = classes.names.map((n, i) => `  ${i}: ${n}\n`).join('');
  return (
    '# roadsynth synthetic dataset, YOLO detection layout (see README.md).\n' +
    '# One split only: val repeats train. Point val at your own list to evaluate.\n' +
    `path: ${JSON.stringify(absOutDir)}\n` +
    'train: train.txt\n' +
    'val: train.txt\n' +
    `nc: ${classes.names.length}\n` +
    'names:\n' +
    names
  );
}

/** One train.txt line; "./" makes Ultralytics read it relative to train.txt's folder. */
export function yoloListLine(frameIdStr: string): string {
  return `./images/${frameIdStr}.png\n`;
}
