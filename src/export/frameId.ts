/**
 * Frame ids name every per-frame file. They depend only on (sample index, frame in instance),
 * so a resumed or sharded run names the same frame the same way, and they sort in run order.
 */
import { pad } from './numberFormat.js';

/** `<sampleIndex:06d>_<frame:04d>`, e.g. "000012_0003". */
export function frameId(sampleIndex: number, frameIndexInInstance: number): string {
  return `${pad(sampleIndex, 6)}_${pad(frameIndexInInstance, 4)}`;
}

const FRAME_ID = /^(\d{6,})_(\d{4,})$/;

/** True for a string shaped like a frame id. */
export function isFrameId(s: string): boolean {
  return FRAME_ID.test(s);
}

/** Sample index and frame in instance of a frame id. */
export function parseFrameId(id: string): { sampleIndex: number; frameIndexInInstance: number } {
  const m = FRAME_ID.exec(id);
  if (!m) throw new Error(`parseFrameId: not a frame id: ${id}`);
  return { sampleIndex: Number(m[1]), frameIndexInInstance: Number(m[2]) };
}

/** Orders frame ids by (sample index, frame) numerically, so ids wider than the padding still sort right. */
export function compareFrameIds(a: string, b: string): number {
  const ma = FRAME_ID.exec(a);
  const mb = FRAME_ID.exec(b);
  if (!ma || !mb) throw new Error(`compareFrameIds: not a frame id: ${!ma ? a : b}`);
  return Number(ma[1]) - Number(mb[1]) || Number(ma[2]) - Number(mb[2]);
}
