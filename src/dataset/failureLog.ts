/**
 * Failed instances of a run. Each failure is one small file failures/<index>.json, written
 * atomically when it happens and removed when a resumed run succeeds; failures.jsonl is
 * assembled from them in index order, so shards and resumed runs give the same file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../export/atomicWrite.js';

export type FailureStage = 'sample' | 'simulate' | 'render';

export interface FailureRecord {
  index: number;
  stage: FailureStage;
  reason: string;
}

export const FAILURES_DIR = 'failures';
export const FAILURES_FILE = 'failures.jsonl';

export class FailureLog {
  private readonly dir: string;

  constructor(private readonly outDir: string) {
    this.dir = join(outDir, FAILURES_DIR);
  }

  private path(index: number): string {
    return join(this.dir, `${String(index).padStart(6, '0')}.json`);
  }

  has(index: number): boolean {
    return existsSync(this.path(index));
  }

  record(index: number, stage: FailureStage, reason: string): void {
    mkdirSync(this.dir, { recursive: true });
    const rec: FailureRecord = { index, stage, reason };
    writeFileAtomic(this.path(index), JSON.stringify(rec) + '\n');
  }

  clear(index: number): void {
    rmSync(this.path(index), { force: true });
  }

  records(): FailureRecord[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => /^\d+\.json$/.test(f))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as FailureRecord);
  }

  count(): number {
    return this.records().length;
  }

  /** Writes failures.jsonl (removed when there are none). */
  assemble(): void {
    const recs = this.records();
    const file = join(this.outDir, FAILURES_FILE);
    if (recs.length === 0) rmSync(file, { force: true });
    else writeFileAtomic(file, recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
}
