/**
 * Fuzz: mutated scenario files must never make checkScenario throw or hang, and every error
 * it returns must be well formed. Mutations are made in code from seeded generators, so a
 * failure is reproducible from the printed case number.
 */
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/scenario/load.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { VALID_YAML } from './fixtures.js';
import { pick, rng, type Rand } from './fuzzRandom.js';

const CASES = 10_000;
/**
 * No timing is asserted (a busy machine must not fail a test): a hang or a blow-up (alias
 * bomb, deep nesting) still fails through the test's timeout, and the CPU time of the slowest
 * case is printed.
 */

function cpuMs(since?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

const int = (r: Rand, n: number): number => Math.floor(r() * n);

const CHARS = [...' :-[]{},#&*!|>%@`"\'\\\n\t0123456789.eE+=$_aZ~?', '\u0000', '\u0007', '\u00e9', '\ufeff', '\u2028', '\ud83d'];
const VALUES = [
  'fast',
  '[]',
  '{}',
  'null',
  '~',
  'true',
  '-1',
  '0',
  '1e309',
  '-1e400',
  '.nan',
  '.inf',
  '"=a +"',
  '$nope',
  '"=__proto__ * constructor"',
  '{uniform: [5, 1]}',
  '{choice: []}',
  '{choice: [a, b], weights: [0, 0]}',
  '0x1F',
  '99999999999999999999999999',
  '"=(((((1)))))"',
  '{truncnormal: {mean: 1, sd: 1, min: 3, max: 2}}',
  '!!binary aGk=',
  '*undefinedAlias',
  '&anc 5',
  '[[[[[[[[1]]]]]]]]',
  '"\\u0000"',
  '{int: [1.5, 2]}',
  '"=1/0"',
  '|\n  text',
  '{normal: {mean: 0, sd: -1}}',
  'ego',
  '-',
  '? x',
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
  const i = pick(
    r,
    ls.map((l, k) => (/:\s+\S/.test(l) ? k : -1)).filter((k) => k >= 0),
  );
  ls[i] = ls[i].replace(/:\s+/, ': &x ');
  const j = pick(
    r,
    ls.map((l, k) => (/:\s+\S/.test(l) && k !== i ? k : -1)).filter((k) => k >= 0),
  );
  ls[j] = ls[j].replace(/:\s+.*$/, r() < 0.5 ? ': *x' : ': [*x, *x, *x, *x, *x, *x, *x, *x]');
  if (r() < 0.2) {
    ls.push('bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]');
    for (let k = 1; k < 8; k++)
      ls.push(
        `bomb${k}: &b${k} [${Array(10)
          .fill(`*b${k - 1}`)
          .join(', ')}]`,
      );
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

describe('checkScenario fuzz', () => {
  it(`survives ${CASES} mutated scenario files with a located error or a spec for each`, () => {
    const json = JSON.stringify(parseScenarioText(VALID_YAML, 'x.yaml').spec, null, 2);
    checkScenario(VALID_YAML, 'warm.yaml'); // compile the validator outside the timed cases
    let slowest = 0;
    let valid = 0;
    const wall0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let c = 0; c < CASES; c++) {
      const isJson = c % 5 === 0;
      const text = mutate(c + 1, isJson ? json : VALID_YAML);
      const file = isJson ? `case${c}.json` : `case${c}.yaml`;
      const start = process.cpuUsage();
      let result: ReturnType<typeof checkScenario>;
      try {
        result = checkScenario(text, file);
      } catch (err) {
        throw new Error(`case ${c} threw: ${(err as Error).stack}\n--- input ---\n${text.slice(0, 2000)}`);
      }
      const ms = cpuMs(start);
      slowest = Math.max(slowest, ms);
      if (result.errors.length === 0) {
        valid++;
        if (result.spec === undefined) throw new Error(`case ${c}: no errors but no spec`);
      }
      for (const e of result.errors) {
        if (!(e.line >= 1 && e.col >= 1 && Number.isInteger(e.line) && Number.isInteger(e.col) && e.message.length > 0 && e.file === file)) {
          throw new Error(`case ${c}: malformed error ${JSON.stringify(e)}`);
        }
      }
    }
    const total = cpuMs(cpu0);
    // Print the figures: how long, how slow the worst case, how many mutants stayed valid.
    console.log(
      `fuzz: ${CASES} cases, ${(total / 1000).toFixed(1)} s CPU (${((performance.now() - wall0) / 1000).toFixed(1)} s wall), slowest case ${slowest.toFixed(1)} ms CPU, ${valid} still valid`,
    );
    expect(valid).toBeLessThan(CASES);
  }, 600_000);
});
