/**
 * Shards of a sweep: `--shard K/N` runs the K-th of N contiguous blocks of the sample indices
 * 0..count-1 (K is 0-based, like JOB_COMPLETION_INDEX and SLURM_ARRAY_TASK_ID). Blocks differ
 * in size by at most one; together they cover every index exactly once.
 */

export interface Shard {
  index: number;
  of: number;
}

/** Parses "K/N"; returns null and a reason for anything else. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `expected K/N such as 0/8, got "${text}"`;
  const index = Number(m[1]);
  const of = Number(m[2]);
  if (of < 1) return `the shard count N must be at least 1, got ${of}`;
  if (index >= of) return `the shard index K counts from 0 and must be below N=${of}, got ${index}`;
  return { index, of };
}

/** Sample indices [from, to) of a shard; the whole sweep without one. */
export function shardRange(count: number, shard?: Shard): { from: number; to: number } {
  if (!shard) return { from: 0, to: count };
  const from = Math.floor((count * shard.index) / shard.of);
  const to = Math.floor((count * (shard.index + 1)) / shard.of);
  return { from, to };
}
