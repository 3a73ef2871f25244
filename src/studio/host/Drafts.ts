/**
 * Crash recovery: the renderer sends unsaved buffers here every few seconds; they are written
 * (atomically) into a recovery folder, one file per edited path, and offered back on the next
 * start. Saving or discarding a buffer drops its draft.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../export/atomicWrite.js';
import type { Draft } from '../api.js';

export class Drafts {
  constructor(readonly folder: string) {}

  private fileFor(p: string): string {
    return path.join(this.folder, `${createHash('sha256').update(p).digest('hex').slice(0, 24)}.json`);
  }

  save(p: string, text: string, nowMs = Date.now()): void {
    mkdirSync(this.folder, { recursive: true });
    writeFileAtomic(this.fileFor(p), JSON.stringify({ path: p, text, savedAtMs: nowMs } satisfies Draft));
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
