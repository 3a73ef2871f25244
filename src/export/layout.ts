/** Folder names of the output layout that more than one module needs (see docs/formats.md). */
import type { RenderPass } from './types.js';

/**
 * RGB folder: images/<frame id>.png, whatever the formats. YOLO finds labels/ beside it, COCO
 * names it in file_name, and kitti/ links its 6-digit names to these files.
 */
export const RGB_FOLDER = 'images';

/** Output folder of an image pass. */
export function passFolder(pass: RenderPass): string {
  return pass === 'rgb' ? RGB_FOLDER : pass;
}
