import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, MAX_SCENARIO_CHARS, MAX_YAML_ERRORS, parseScenarioText } from '../../src/scenario/parse.js';
import { formatScenarioError } from '../../src/scenario/errors.js';
import { MINIMAL_LINES, VALID_YAML, minimalWith } from './fixtures.js';

function only(text: string, file = 'x.yaml') {
  const r = parseScenarioText(text, file);
  expect(r.spec).toBeUndefined();
  expect(r.errors.length).toBeGreaterThan(0);
  return r.errors[0];
}

describe('parseScenarioText', () => {
  it('parses a valid YAML scenario into a plain object', () => {
    const r = parseScenarioText(VALID_YAML, 'x.yaml');
    expect(r.errors).toEqual([]);
    expect(r.spec?.name).toBe('pedestrian behind a parked van');
  });

  it('parses JSON, including tab indentation', () => {
    const r = parseScenarioText('{\n\t"version": 1,\n\t"name": "t"\n}', 'x.json');
    expect(r.errors).toEqual([]);
    expect(r.spec).toEqual({ version: 1, name: 't' });
    expect(r.locate('/name')).toEqual({ line: 3, col: 10 });
  });

  it('locates values and keys by JSON pointer', () => {
    const r = parseScenarioText(VALID_YAML, 'x.yaml');
    expect(r.locate('/road/blocks/0/lengthM')).toEqual({ line: 20, col: 16 });
    expect(r.locate('/road/blocks/0/lengthM', 'key')).toEqual({ line: 20, col: 7 });
    expect(r.locate('/actors/1/place/aheadM')).toEqual({ line: 43, col: 38 });
  });

  it('locates a missing pointer at its nearest present ancestor', () => {
    const r = parseScenarioText(VALID_YAML, 'x.yaml');
    expect(r.locate('/ego/place/missing/deeper')).toEqual(r.locate('/ego/place'));
    expect(r.locate('/nothing')).toEqual({ line: 1, col: 1 });
  });

  it('locates a character inside a quoted string', () => {
    const r = parseScenarioText(VALID_YAML, 'x.yaml');
    // light.timeOfDayH: "=night ? 22 : 12" -- the quote is at column 15.
    expect(r.locateInString('/light/timeOfDayH', 1)).toEqual({ line: 28, col: 17 });
  });

  it('reports a YAML syntax error with its line and column', () => {
    const e = only('version: 1\nname: "unterminated\n');
    expect(e).toMatchObject({ line: 3, col: 1, pointer: '' });
    expect(e.message).toMatch(/^YAML syntax: missing closing "quote/);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const e = only('version: 1\nname: a\nversion: 1\n');
    expect(e).toMatchObject({ line: 3, col: 1, message: 'duplicate key "version": each key may appear once in a mapping' });
  });

  it('reports a duplicate key in JSON', () => {
    const e = only('{"version": 1, "version": 2}', 'x.json');
    expect(e).toMatchObject({ line: 1, col: 16 });
    expect(e.message).toMatch(/duplicate key "version"/);
  });

  it('reports tabs used as indentation', () => {
    expect(only('road:\n\tblocks: []\n').message).toMatch(/tabs are not allowed/);
  });

  it('reports several YAML documents in one file', () => {
    expect(only('version: 1\n---\nname: b\n').message).toMatch(/several YAML documents/);
  });

  it('rejects NaN with its position', () => {
    const e = only(minimalWith('  speedMps: .nan'));
    expect(e).toMatchObject({ line: 9, col: 13, pointer: '/ego/speedMps', message: 'number .nan is not finite; numbers must be finite' });
  });

  it('rejects infinities written as .inf and as overflowing literals', () => {
    const r = parseScenarioText(minimalWith('  speedMps: -.inf', '  x: 1e999'), 'x.yaml');
    expect(r.errors.map((e) => [e.line, e.col, e.pointer])).toEqual([
      [9, 13, '/ego/speedMps'],
      [10, 6, '/ego/x'],
    ]);
  });

  it('rejects nesting beyond the depth cap in flow style', () => {
    const deep = `a: ${'['.repeat(MAX_NESTING_DEPTH + 1)}1${']'.repeat(MAX_NESTING_DEPTH + 1)}\n`;
    expect(only(deep).message).toBe(`nested deeper than ${MAX_NESTING_DEPTH} levels`);
  });

  it('rejects nesting beyond the depth cap in block style', () => {
    const lines = Array.from({ length: MAX_NESTING_DEPTH + 2 }, (_, i) => `${' '.repeat(i)}k:`);
    expect(only(lines.join('\n') + ' 1\n').message).toMatch(/nested deeper than/);
  });

  it('rejects hostile nesting quickly without overflowing the stack', () => {
    const t0 = performance.now();
    const e = only('['.repeat(200_000) + ']'.repeat(200_000));
    expect(e.message).toMatch(/nested deeper than/);
    expect(e.line).toBe(1);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('accepts nesting within the cap', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `${' '.repeat(i)}k:`);
    expect(parseScenarioText(lines.join('\n') + ' 1\n', 'x.yaml').errors).toEqual([]);
  });

  it('rejects nesting that aliases build past the cap', () => {
    const text = 'a: &a [[[[[[[[[[1]]]]]]]]]]\nb: &b [[[[[[[[[[*a]]]]]]]]]]\nc: &c [[[[[[[[[[*b]]]]]]]]]]\nd: [[[[[*c]]]]]\n';
    expect(only(text).message).toMatch(/after expanding aliases/);
  });

  it('rejects a YAML alias bomb', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ]) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const t0 = performance.now();
    const e = only(rows.join('\n') + '\n');
    expect(e.message).toMatch(/aliases expand too much/);
    expect(e.hint).toMatch(/alias bomb/);
    expect(e).toMatchObject({ line: 2 });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('accepts a few ordinary aliases', () => {
    const r = parseScenarioText('a: &w {uniform: [1, 2]}\nb: *w\n', 'x.yaml');
    expect(r.errors).toEqual([]);
    expect(r.spec).toEqual({ a: { uniform: [1, 2] }, b: { uniform: [1, 2] } });
  });

  it('refuses text over the size cap without parsing it', () => {
    const t0 = performance.now();
    const e = only('a: ' + 'x'.repeat(MAX_SCENARIO_CHARS));
    expect(e).toMatchObject({ line: 1, col: 1 });
    expect(e.message).toMatch(/larger than 5 MB/);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('rejects binary garbage at the first control character', () => {
    const garbage = 'version: 1\nna' + String.fromCharCode(0, 1, 2, 200, 17) + 'me: x\n';
    const e = only(garbage);
    expect(e).toMatchObject({ line: 2, col: 3 });
    expect(e.message).toMatch(/control character U\+0000; is it a binary file\?/);
  });

  it('rejects an empty file', () => {
    expect(only('').message).toMatch(/file is empty/);
    expect(only('# only a comment\n').message).toMatch(/file is empty/);
  });

  it('rejects a top level that is not a mapping', () => {
    expect(only('- a\n- b\n').message).toMatch(/expected a mapping .* got a list/);
    expect(only('just text').message).toMatch(/got a string/);
  });

  it('rejects keys that are collections', () => {
    expect(only('? [a, b]\n: 1\n').message).toMatch(/a key must be a plain name/);
  });

  it('rejects YAML tags other than the core ones', () => {
    expect(only('a: !!binary aGVsbG8=\n').message).toMatch(/tag !!binary is not supported/);
    expect(only('a: !custom x\n').message).toMatch(/unsupported YAML tag !custom/);
  });

  it('keeps a __proto__ key as an own property instead of changing the prototype', () => {
    const r = parseScenarioText('__proto__: {polluted: true}\n', 'x.yaml');
    expect(r.errors).toEqual([]);
    expect(Object.getPrototypeOf(r.spec)).toBe(Object.prototype);
    expect(Object.keys(r.spec!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws for a non-string argument', () => {
    expect(parseScenarioText(undefined as unknown as string, 'x.yaml').errors[0].message).toMatch(/not text/);
  });

  it('formats an error as file:line:col pointer: message (hint)', () => {
    expect(
      formatScenarioError({
        file: 'scenarios/x.yaml',
        line: 14,
        col: 7,
        pointer: '/actors/2/speedMps',
        message: 'expected a number or a distribution',
        hint: 'did you mean "speedMps"?',
      }),
    ).toBe('scenarios/x.yaml:14:7 /actors/2/speedMps: expected a number or a distribution (did you mean "speedMps"?)');
    expect(formatScenarioError({ file: 'a.yaml', line: 1, col: 1, pointer: '', message: 'file is empty' })).toBe('a.yaml:1:1: file is empty');
  });

  it('parses the minimal fixture', () => {
    expect(parseScenarioText(MINIMAL_LINES.join('\n'), 'x.yaml').errors).toEqual([]);
  });
});

describe('parseScenarioText error cap', () => {
  it('reports at most MAX_YAML_ERRORS syntax errors and says how many more there are', () => {
    const text = Array.from({ length: 40 }, (_, i) => `k${i}: [unclosed, : x }`).join('\n');
    const r = parseScenarioText(text, 'x.yaml');
    expect(r.errors.length).toBe(MAX_YAML_ERRORS + 1);
    expect(r.errors.filter((e) => /^\d+ more YAML errors not shown$/.test(e.message))).toHaveLength(1);
  });
});
