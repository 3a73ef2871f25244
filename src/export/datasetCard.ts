/**
 * README.md of a dataset: what it is (synthetic, made by roadsynth), how it was made, how to
 * make it again, what is in it, and how its files are laid out. Everything but the optional
 * creation time is a function of the frames, so the card is as reproducible as the labels.
 */
import { LABEL_CLASSES } from '../render/types.js';
import { DEFAULT_ANTIALIAS } from '../render/request.js';
import type { DatasetOptions } from './types.js';
import { DIFFICULTY_BUCKETS } from './datasetStats.js';
import type { DatasetStats, RangeSummary } from './datasetStats.js';
import { fixed } from './numberFormat.js';
import { RGB_FOLDER } from './layout.js';
import { ClassMap } from './classMap.js';
import type { KittiOptions } from './types.js';
import { focusCardSection, type FocusSummary } from './focusSummary.js';

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |\n`;
  return line(header) + line(header.map(() => '---')) + rows.map(line).join('');
}

const num = (v: number): string => (Number.isFinite(v) ? fixed(v, 2) : 'n/a');

function rangeRows(entries: [string, RangeSummary][]): string[][] {
  return entries.map(([k, r]) => [k, num(r.min), num(r.mean), num(r.max)]);
}

/** Folder and file descriptions, only for what this run wrote. */
function layoutLines(opts: DatasetOptions): string[] {
  const f = new Set(opts.formats);
  const p = new Set(opts.passes);
  const lines: string[] = [];
  if (p.has('rgb')) lines.push(`${RGB_FOLDER}/<id>.png       RGB image`);
  if (f.has('kitti')) {
    lines.push('kitti/training/{image_2,label_2,calib}/NNNNNN  KITTI object layout, 6-digit consecutive names (images are hard links)');
    lines.push('kitti/ImageSets/*.txt  train, val (every 5th instance) and trainval lists');
    lines.push('kitti/frame_ids.txt   KITTI index -> roadsynth frame id');
    lines.push('kitti/tracking/training/{image_02,label_02,calib}  KITTI tracking layout, one sequence per instance');
  }
  if (f.has('yolo')) {
    lines.push('labels/<id>.txt       YOLO labels: class cx cy w h, normalised');
    lines.push('train.txt, data.yaml  YOLO image list and dataset file');
  }
  if (f.has('coco')) lines.push('coco.json             COCO detection: images, annotations (RLE masks), categories');
  if (p.has('instance')) lines.push('instance/<id>.png     instance ids: trackId = r + 256*g + 65536*b, 0 = background');
  if (p.has('semantic')) lines.push('semantic/<id>.png     semantic class ids');
  if (p.has('depth')) lines.push('depth/<id>.png        16-bit depth, metres x 256, 0 = no depth');
  lines.push('cameras/<id>.json     intrinsics K, projection P, worldToCamera, image size');
  lines.push('records/<id>.json     per-frame record the run-wide files are built from');
  lines.push('manifest.jsonl        one line per frame: origin, parameters, metrics, counts');
  lines.push('roadsynth-dataset.json  what frames in this folder share (scenario, seed, design, formats)');
  return lines;
}

export function datasetCard(stats: DatasetStats, opts: DatasetOptions, kitti: KittiOptions, focus?: FocusSummary): string {
  const { scenario, run } = opts;
  const resolutions = [...stats.resolutions.keys()].sort().join(', ') || 'none';
  const classRows = LABEL_CLASSES.map((c) => [c, String(stats.classTotal(c)), ...DIFFICULTY_BUCKETS.map((d) => String(stats.perClass.get(c)?.get(d) ?? 0))]);
  const conditions = [...stats.conditions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  parts.push(`# ${scenario.name}: a roadsynth synthetic dataset\n`);
  parts.push(
    '**This dataset is synthetic.** Every image was rendered by roadsynth from a simulated scene; ' +
      "no image shows a real place, vehicle or person. Labels are computed from the renderer's " +
      'own object ids and camera model, so they are exact for what was rendered, and the look of ' +
      'the images differs from real camera footage.\n',
  );
  parts.push('## How it was made\n');
  parts.push(
    [
      `- Scenario: \`${scenario.file}\` ("${scenario.name}"), content hash \`${scenario.hash}\``,
      `- Sampling: design \`${run.design}\`, seed ${run.seed}, ${run.count} instances requested, ${stats.instances.size} written`,
      `- Frames: ${run.framesPerInstance} per instance at ${num(run.fps)} fps, ${stats.frames} in all`,
      `- Resolution: ${resolutions}`,
      `- Passes: ${opts.passes.join(', ') || 'none'}`,
      `- Antialiasing of the RGB images: ${opts.antialias ?? DEFAULT_ANTIALIAS}`,
      `- Label formats: ${opts.formats.join(', ')}`,
      `- roadsynth version: ${run.version}`,
      ...(run.createdAt ? [`- Created: ${run.createdAt}`] : []),
      ...(run.notes ?? []).map((n) => `- ${n}`),
    ].join('\n') + '\n',
  );
  parts.push('## Reproduce\n');
  parts.push('```sh\n' + run.command + '\n```\n');
  parts.push('The same command, roadsynth version and scenario file give byte-identical label files.\n');
  parts.push('## Objects per class and KITTI difficulty\n');
  parts.push(
    `${stats.objects} labeled objects (objects with at least one visible pixel). Difficulty uses the KITTI ` +
      'devkit thresholds on the label_2 box (' +
      (kitti.box2d === 'amodal' ? 'projected 3D box clipped to the image' : 'tight visible box') +
      '): easy >= 40 px high, fully visible, truncation <= 0.15; moderate >= 25 px, at most partly ' +
      'occluded, truncation <= 0.30; hard >= 25 px, at most largely occluded, truncation <= 0.50. Each ' +
      'object is counted at the strictest level it meets; "ignored" is beyond hard; "dontcare" are ' +
      'low-visibility objects written as KITTI DontCare regions.\n',
  );
  parts.push(table(['class', 'total', ...DIFFICULTY_BUCKETS], classRows));
  parts.push('## Class map\n');
  parts.push(
    opts.classMap && Object.keys(opts.classMap).length > 0
      ? `Class map: ${opts.classMapSource ?? 'given with the run'}. Mapped classes are written under the new name in every format; dropped ones are written nowhere.\n`
      : "No class map: roadsynth's classes in COCO and YOLO, KITTI's types in KITTI (KITTI has no bus, motorcycle or animal type).\n",
  );
  parts.push(table(['roadsynth class', 'COCO and YOLO', 'KITTI'], new ClassMap(opts.classMap).rows()));
  if (focus) parts.push(focusCardSection(focus));
  parts.push('## Weather and light coverage\n');
  parts.push(
    table(
      ['light (sun elevation)', 'frames'],
      [
        ['day (>= 6 deg)', String(stats.lightBuckets.get('day') ?? 0)],
        ['twilight (-6..6 deg)', String(stats.lightBuckets.get('twilight') ?? 0)],
        ['night (< -6 deg)', String(stats.lightBuckets.get('night') ?? 0)],
        ['street lights on', String(stats.streetLightFrames)],
      ],
    ),
  );
  parts.push(
    table(
      ['condition (fog: visibility < 1000 m)', 'frames'],
      conditions.map(([k, v]) => [k, String(v)]),
    ),
  );
  parts.push(table(['parameter', 'min', 'mean', 'max'], [...rangeRows(stats.rangeSummaries('weather')), ...rangeRows(stats.rangeSummaries('light'))]));
  parts.push('## Layout\n');
  parts.push('Every per-frame file is named by its frame id `<sampleIndex:06d>_<frame:04d>`.\n');
  parts.push('```\n' + layoutLines(opts).join('\n') + '\n```\n');
  parts.push('## Conventions\n');
  parts.push(
    [
      '- Units: metres, seconds, radians in label files; degrees only where a name says Deg.',
      '- Image frame: x right, y down, origin at the top-left corner of the top-left pixel [px].',
      '- Rect frame (KITTI labels): the camera frame turned level, x right, y down along gravity, z forward [m]; 3D boxes give the bottom centre, h w l, and rotation_y about the vertical; P2 = K [R | 0] carries the camera pitch and roll, so P2 times a box corner lands on its pixel.',
      '- World frame: x, y on the ground plane, z up [m]; cameras/<id>.json maps world to camera.',
      '- KITTI: types as in the class map table (wheelchair users are Person_sitting), DontCare for low-visibility objects; 2D boxes with 2 decimals clamped to the image, ' +
        '3D boxes in mm and 1e-4 rad. The velo frame of calib is virtual: at the camera, x forward, y left, z up.',
      '- COCO: bbox [x, y, w, h] is the tight visible box; segmentation is compressed RLE (pycocotools); category ids are 1-based.',
      '- YOLO: class index is 0-based in the order of data.yaml names; boxes are the tight visible box.',
      '- manifest.jsonl: keys in a fixed order; a null TTC or distance means the actors never closed in.',
    ].join('\n') + '\n',
  );
  return parts.join('\n');
}
