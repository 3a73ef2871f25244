/**
 * Crash-safe file writes: data goes to a temp file in the target's own directory, is fsynced,
 * then renamed over the target. rename(2) within one directory is atomic, so a reader (or a
 * resumed run) sees either the old file or the complete new one, never a partial one.
 * Directories are not fsynced after a rename (one more sync per file): after a power loss a
 * just-written file may be missing, never half-written, and a frame counts as written only once
 * its record is there.
 */
import { closeSync, copyFileSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temp names look like `.<target>.<pid>.<n>.tmp`, so a directory listing can find leftovers. */
const TEMP_PATTERN = /^\..+\.\d+\.\d+\.tmp$/;
let tempCounter = 0;

function tempPathFor(target: string): string {
  tempCounter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${tempCounter}.tmp`);
}

function writeAll(fd: number, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Writes and fsyncs a temp file next to `target`; returns its path. Step one of writeFileAtomic. */
export function writeTemp(target: string, data: Uint8Array | string): string {
  const tmp = tempPathFor(target);
  const fd = openSync(tmp, 'w');
  try {
    writeAll(fd, data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  return tmp;
}

/** Moves a finished temp file over `target` (atomic replace). Step two of writeFileAtomic. */
export function commitTemp(tmp: string, target: string): void {
  renameSync(tmp, target);
}

/** Writes `target` atomically; the directory must exist. */
export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  commitTemp(writeTemp(target, data), target);
}

/**
 * Makes `target` a hard link to `source` (same bytes, no extra disk), atomically. Falls back to
 * an atomic copy of `data` where the file system has no hard links.
 */
export function linkFileAtomic(source: string, target: string, data: Uint8Array): void {
  const tmp = tempPathFor(target);
  try {
    linkSync(source, tmp);
  } catch {
    writeFileAtomic(target, data);
    return;
  }
  commitTemp(tmp, target);
}

/**
 * Makes `target` the same file as `source`, atomically: a hard link where the file system
 * allows it (no extra disk), else a copy through a temp file.
 */
export function linkOrCopyFileAtomic(source: string, target: string): void {
  const tmp = tempPathFor(target);
  try {
    linkSync(source, tmp);
  } catch {
    copyFileSync(source, tmp);
  }
  commitTemp(tmp, target);
}

/**
 * A file written in chunks (for files assembled from many records, too big to build in memory)
 * that appears at `target` only on commit().
 */
export class AtomicFileStream {
  private readonly tmp: string;
  private fd: number | null;

  constructor(readonly target: string) {
    this.tmp = tempPathFor(target);
    this.fd = openSync(this.tmp, 'w');
  }

  write(chunk: string): void {
    if (this.fd === null) throw new Error(`AtomicFileStream ${this.target}: write after commit or abort`);
    writeAll(this.fd, chunk);
  }

  commit(): void {
    if (this.fd === null) throw new Error(`AtomicFileStream ${this.target}: already committed or aborted`);
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    commitTemp(this.tmp, this.target);
  }

  /** Drops the temp file; the previous `target`, if any, is untouched. */
  abort(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    unlinkSync(this.tmp);
  }
}

/** Deletes temp files left in `dir` by an interrupted run; returns how many. */
export function removeStaleTemps(dir: string): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (TEMP_PATTERN.test(name)) {
      unlinkSync(join(dir, name));
      removed += 1;
    }
  }
  return removed;
}

/** True for names this module uses for temp files. */
export function isTempName(name: string): boolean {
  return TEMP_PATTERN.test(name);
}
