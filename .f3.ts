import { checkScenario } from './src/scenario/load.js';
import { VALID_YAML } from './test/scenario/fixtures.js';
/** mulberry32: a small seeded generator, good enough to pick mutations. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, n: number): number => Math.floor(r() * n);

const CHARS = [...' :-[]{},#&*!|>%@`"\'\\\n\t0123456789.eE+=$_aZ~?', '\u0000', '\u0007', '\u00e9', '\ufeff', '\u2028', '\ud83d'];
const VALUES = [
  'fast', '[]', '{}', 'null', '~', 'true', '-1', '0', '1e309', '-1e400', '.nan', '.inf', '"=a +"', '$nope', '"=__proto__ * constructor"',
  '{uniform: [5, 1]}', '{choice: []}', '{choice: [a, b], weights: [0, 0]}', '0x1F', '99999999999999999999999999', '"=(((((1)))))"',
  '{truncnormal: {mean: 1, sd: 1, min: 3, max: 2}}', '!!binary aGk=', '*undefinedAlias', '&anc 5', '[[[[[[[[1]]]]]]]]', '"\\u0000"',
  '{int: [1.5, 2]}', '"=1/0"', '|\n  text', '{normal: {mean: 0, sd: -1}}', 'ego', '-', '? x',
];
const KEYS = ['speedMps', 'speed', 'lane', 'relativeTo', 'do', 'kind', 'id', '__proto__', 'constructor', 'at', 'trigger', 'blocks', '<<', 'uniform'];

function flipChar(r: Rand, t: string): string {
  const i = int(r, t.length + 1);
  return t.slice(0, i) + pick(r, CHARS) + t.slice(i + 1);
}
function deleteSpan(r: Rand, t: string): string {
  const i = int(r, t.length);
  return t.slice(0, i) + t.slice(i + 1 + int(r, 40));
}
function duplicateSpan(r: Rand, t: string): string {
  const i = int(r, t.length);
  const span = t.slice(i, i + 1 + int(r, 120));
  const j = int(r, t.length);
  return t.slice(0, j) + span + t.slice(j);
}
function lines(t: string): string[] {
  return t.split('\n');
}
function reindent(r: Rand, t: string): string {
  const ls = lines(t);
  const i = int(r, ls.length);
  ls[i] = r() < 0.5 ? ' '.repeat(1 + int(r, 6)) + ls[i] : ls[i].replace(/^ {1,4}/, '');
  return ls.join('\n');
}
function swapValue(r: Rand, t: string): string {
  const ls = lines(t);
  const candidates = ls.map((l, i) => (/:\s+\S/.test(l) ? i : -1)).filter((i) => i >= 0);
  const i = pick(r, candidates);
  ls[i] = ls[i].replace(/:\s+.*$/, `: ${pick(r, VALUES)}`);
  return ls.join('\n');
}
function injectKey(r: Rand, t: string): string {
  const ls = lines(t);
  const i = int(r, ls.length);
  const indent = /^\s*/.exec(ls[i])![0];
  ls.splice(i, 0, `${indent}${pick(r, KEYS)}: ${pick(r, VALUES)}`);
  return ls.join('\n');
}
function injectAliases(r: Rand, t: string): string {
  const ls = lines(t);
  const i = pick(r, ls.map((l, k) => (/:\s+\S/.test(l) ? k : -1)).filter((k) => k >= 0));
  ls[i] = ls[i].replace(/:\s+/, ': &x ');
  const j = pick(r, ls.map((l, k) => (/:\s+\S/.test(l) && k !== i ? k : -1)).filter((k) => k >= 0));
  ls[j] = ls[j].replace(/:\s+.*$/, r() < 0.5 ? ': *x' : ': [*x, *x, *x, *x, *x, *x, *x, *x]');
  if (r() < 0.2) {
    ls.push('bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]');
    for (let k = 1; k < 8; k++) ls.push(`bomb${k}: &b${k} [${Array(10).fill(`*b${k - 1}`).join(', ')}]`);
  }
  return ls.join('\n');
}
function hugeNumber(r: Rand, t: string): string {
  const matches = [...t.matchAll(/\b\d+(\.\d+)?\b/g)];
  if (matches.length === 0) return t;
  const m = pick(r, matches);
  const i = m.index ?? 0;
  return t.slice(0, i) + pick(r, ['1e308', '1e309', '-1e400', '123456789012345678901234567890', '0.0000000000000000000001', '9'.repeat(400)]) + t.slice(i + m[0].length);
}
function deepen(r: Rand, t: string): string {
  const i = int(r, t.length);
  const n = 1 + int(r, 300);
  return t.slice(0, i) + '['.repeat(n) + (r() < 0.5 ? ']'.repeat(n) : '') + t.slice(i);
}
function swapLines(r: Rand, t: string): string {
  const ls = lines(t);
  const i = int(r, ls.length);
  const j = int(r, ls.length);
  [ls[i], ls[j]] = [ls[j], ls[i]];
  return ls.join('\n');
}

const MUTATIONS = [flipChar, deleteSpan, duplicateSpan, reindent, swapValue, injectKey, injectAliases, hugeNumber, deepen, swapLines];

function mutate(seed: number, base: string): string {
  const r = rng(seed);
  let t = base;
  const n = 1 + int(r, 3);
  for (let k = 0; k < n; k++) t = pick(r, MUTATIONS)(r, t);
  return t;
}


const msgs = new Map<string, number>();
for (let c = 0; c < 3000; c++) {
  const r = checkScenario(mutate(c + 1, VALID_YAML), 'x.yaml');
  for (const e of r.errors) { const k = e.message.replace(/"[^"]*"/g, '"_"').replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, 'N').slice(0, 90); msgs.set(k, (msgs.get(k) ?? 0) + 1); }
}
for (const [k, v] of [...msgs].sort((a, b) => b[1] - a[1])) console.log(v, k);
