/** Folder names of the output layout that more than one module needs (see docs/formats.md). */
import type { ExportFormat, RenderPass } from './types.js';

/** RGB folder: image_2 when KITTI is written (KITTI tools expect it), images otherwise. */
export function rgbFolder(formats: readonly ExportFormat[]): 'image_2' | 'images' {
  return formats.includes('kitti') ? 'image_2' : 'images';
}

/** Output folder of an image pass. */
export function passFolder(pass: RenderPass, formats: readonly ExportFormat[]): string {
  return pass === 'rgb' ? rgbFolder(formats) : pass;
}
