/**
 * `npm run bench`: runs every benchmark module in this folder, prints figures for people,
 * and as its last line one JSON object with all figures, for scripts.
 *
 * A benchmark module is test/bench/<area>.bench.ts exporting
 *   `export async function bench(log: (line: string) => void): Promise<Record<string, number>>`
 * It prints its human-readable lines through `log` and returns its figures, keyed by name
 * with units in the names (e.g. samplesPerS).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type BenchFn = (log: (line: string) => void) => Promise<Record<string, number>>;

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const all: Record<string, Record<string, number>> = {};
for (const file of files) {
  const area = file.replace(/\.bench\.ts$/, '');
  console.log(`\n== ${area} ==`);
  const mod = (await import(new URL(file, import.meta.url).href)) as { bench: BenchFn };
  all[area] = await mod.bench((line) => console.log(`  ${line}`));
}
console.log(JSON.stringify(all));
