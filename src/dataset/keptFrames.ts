/**
 * Before a resumed run trusts the frames already on disk, each is checked: every per-frame
 * file is there and intact (PNG: signature, every chunk's CRC, IEND at the end; JSON: parses),
 * not merely its record. A frame that fails is removed, record first, so the run renders it
 * again. Files are atomic (written whole or not at all), so damage means something outside
 * roadsynth touched them: a disk error, a copy cut short, a person.
 *
 * The per-frame files are found the way `roadsynth merge` finds them: files named
 * `<frame id>.<ext>` in the folder's subfolders. A subfolder holding such files for some frame
 * must hold one for every frame.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { isFrameId } from '../export/frameId.js';
import { FAILURES_DIR } from './failureLog.js';

const RECORDS_DIR = 'records';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Why `bytes` is not a whole, intact PNG file, or null when it is. */
export function pngProblem(bytes: Buffer): string | null {
  if (bytes.length < PNG_SIGNATURE.length + 12 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'not a PNG file';
  let off = 8;
  let first = true;
  while (off + 12 <= bytes.length) {
    const len = bytes.readUInt32BE(off);
    const type = bytes.toString('latin1', off + 4, off + 8);
    if (first && type !== 'IHDR') return 'first chunk is not IHDR';
    first = false;
    if (off + 12 + len > bytes.length) return `cut short inside the ${type} chunk`;
    const crc = bytes.readUInt32BE(off + 8 + len);
    if (crc32(bytes.subarray(off + 4, off + 8 + len)) !== crc) return `${type} chunk is corrupt (CRC mismatch)`;
    off += 12 + len;
    if (type === 'IEND') return off === bytes.length ? null : 'bytes after the IEND chunk';
  }
  return 'cut short: no IEND chunk';
}

/** Why a per-frame file is damaged, or null. */
export function fileProblem(path: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return `unreadable (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  if (path.endsWith('.png')) return pngProblem(bytes);
  if (path.endsWith('.json')) {
    try {
      JSON.parse(bytes.toString('utf8'));
    } catch {
      return 'not valid JSON';
    }
  }
  return null;
}

export interface KeptFrameCheck {
  /** Frames whose files were damaged or missing and were removed: frame id -> reason. */
  removed: Map<string, string>;
  /** Frames checked. */
  checked: number;
}

/**
 * Checks every complete frame (one with a record) of `outDir` and removes those whose files are
 * missing or damaged, so hasFrame reports them as not written.
 */
export function checkKeptFrames(outDir: string): KeptFrameCheck {
  const removed = new Map<string, string>();
  const recordsDir = join(outDir, RECORDS_DIR);
  if (!existsSync(recordsDir)) return { removed, checked: 0 };
  const ids = readdirSync(recordsDir)
    .filter((n) => n.endsWith('.json') && isFrameId(n.slice(0, -5)))
    .map((n) => n.slice(0, -5));
  if (ids.length === 0) return { removed, checked: 0 };

  // Per-frame folders and the files of each frame in them.
  const filesOf = new Map<string, Map<string, string>>();
  for (const sub of readdirSync(outDir, { withFileTypes: true })) {
    if (!sub.isDirectory() || sub.name.startsWith('.') || sub.name === RECORDS_DIR || sub.name === FAILURES_DIR) continue;
    const byId = new Map<string, string>();
    for (const name of readdirSync(join(outDir, sub.name))) {
      const dot = name.indexOf('.');
      if (dot > 0 && isFrameId(name.slice(0, dot))) byId.set(name.slice(0, dot), name);
    }
    if (byId.size > 0) filesOf.set(sub.name, byId);
  }

  for (const id of ids) {
    const record = join(recordsDir, `${id}.json`);
    let why = fileProblem(record) === null ? null : `records/${id}.json is not valid JSON`;
    const files: string[] = [];
    for (const [sub, byId] of filesOf) {
      if (why) break;
      const name = byId.get(id);
      if (name === undefined) {
        why = `${sub}/ has no file of this frame`;
        break;
      }
      files.push(join(outDir, sub, name));
      const problem = fileProblem(join(outDir, sub, name));
      if (problem) why = `${sub}/${name} is damaged: ${problem}`;
    }
    if (why) {
      // The record goes first: a run killed in between finds the frame incomplete, not kept.
      rmSync(record, { force: true });
      for (const f of files) rmSync(f, { force: true });
      removed.set(id, why);
    }
  }
  return { removed, checked: ids.length };
}
