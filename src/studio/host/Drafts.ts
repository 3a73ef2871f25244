/**
 * Crash recovery: the renderer sends unsaved buffers here every few seconds; they are written
 * (atomically) into a recovery folder, one file per edited path, and offered back on the next
 * start. Saving or discarding a buffer drops its draft.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Draft } from '../api.js';
import { StudioApiError } from './StudioApiError.js';

/** Most drafts kept. */
export const MAX_DRAFTS = 32;
/** Most bytes all drafts may take together [bytes]. */
export const MAX_DRAFT_BYTES = 16 * 1024 * 1024;
/** Drafts older than this are dropped when room is needed [ms]. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * Drafts hold unsaved work, possibly private: the folder is 0700 and each file 0600, and a
 * quota (count and bytes) keeps a page that saves drafts in a loop from filling the disk. A
 * draft that does not fit is refused with a message (status 507) rather than making room by
 * deleting other unsaved work; only drafts older than 30 days are dropped to make room.
 */
export class Drafts {
  constructor(readonly folder: string) {}

  private ensureFolder(): void {
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') chmodSync(this.folder, 0o700);
  }

  private files(): { file: string; bytes: number; mtimeMs: number }[] {
    let names: string[];
    try {
      names = readdirSync(this.folder).filter((n) => /^[0-9a-f]{24}\.json$/.test(n));
    } catch {
      return [];
    }
    return names.flatMap((n) => {
      try {
        const st = statSync(path.join(this.folder, n));
        return [{ file: path.join(this.folder, n), bytes: st.size, mtimeMs: st.mtimeMs }];
      } catch {
        return [];
      }
    });
  }

  private fileFor(p: string): string {
    return path.join(this.folder, `${createHash('sha256').update(p).digest('hex').slice(0, 24)}.json`);
  }

  save(p: string, text: string, nowMs = Date.now()): void {
    this.ensureFolder();
    const target = this.fileFor(p);
    const data = JSON.stringify({ path: p, text, savedAtMs: nowMs } satisfies Draft);
    const others = this.files().filter((f) => f.file !== target);
    const fits = (list: typeof others): boolean => list.length + 1 <= MAX_DRAFTS && list.reduce((n, f) => n + f.bytes, 0) + Buffer.byteLength(data) <= MAX_DRAFT_BYTES;
    let kept = others;
    if (!fits(kept)) {
      // Make room from stale drafts only (older than DRAFT_MAX_AGE_MS); recent unsaved work stays.
      for (const f of others.filter((o) => nowMs - o.mtimeMs > DRAFT_MAX_AGE_MS)) rmSync(f.file, { force: true });
      kept = others.filter((o) => nowMs - o.mtimeMs <= DRAFT_MAX_AGE_MS);
    }
    if (!fits(kept)) {
      const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
      const used = kept.reduce((n, f) => n + f.bytes, 0);
      throw new StudioApiError(
        `recovery drafts are full (${kept.length} of ${MAX_DRAFTS} drafts, ${mb(used)} of ${mb(MAX_DRAFT_BYTES)} in ${this.folder}); ` +
          `the draft of ${p} (${mb(Buffer.byteLength(data))}) was not kept. Save or discard other unsaved files, or empty that folder.`,
        507,
      );
    }
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, target);
  }

  drop(p: string): void {
    rmSync(this.fileFor(p), { force: true });
  }

  /** Every readable draft, newest first. */
  list(): Draft[] {
    let names: string[];
    try {
      names = readdirSync(this.folder).filter((n) => /^[0-9a-f]{24}\.json$/.test(n));
    } catch {
      return [];
    }
    const out: Draft[] = [];
    for (const n of names) {
      try {
        const d = JSON.parse(readFileSync(path.join(this.folder, n), 'utf8')) as Draft;
        if (typeof d.path === 'string' && typeof d.text === 'string' && typeof d.savedAtMs === 'number') out.push(d);
      } catch {
        // a torn or foreign file: not a draft
      }
    }
    return out.sort((a, b) => b.savedAtMs - a.savedAtMs);
  }
}
