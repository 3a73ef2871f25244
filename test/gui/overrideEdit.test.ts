/** "Write this override into the file": the text edit replaces the distribution and nothing else. */
import { describe, expect, it } from 'vitest';
import { applyEdit, overrideEdit, spell } from '../../src/renderer/editor/overrideEdit.js';

const YAML = `# top
parameters:
  a: { uniform: [0.5, 1.5] }      # comment a
  b:
    uniform: [1, 2]   # inner
  # between
  c: { choice: [adult, elderly], weights: [0.6, 0.4] }
actors:
  - id: x
    speedMps: { normal: { mean: 3, sd: 1 } }  # s
after: 1
`;

function written(text: string, pointer: string, value: number | string | boolean): string {
  const edit = overrideEdit(text, pointer, value);
  if (typeof edit === 'string') throw new Error(edit);
  return applyEdit(text, edit);
}

describe('overrideEdit', () => {
  it('replaces a flow distribution in place, keeping the comment after it and every other line', () => {
    const out = written(YAML, '/parameters/a', 0.8123456789);
    expect(out).toBe(YAML.replace('{ uniform: [0.5, 1.5] }', '0.812346'));
  });

  it('puts a block distribution on its key line', () => {
    expect(written(YAML, '/parameters/b', 1.5)).toBe(YAML.replace('b:\n    uniform: [1, 2]   # inner', 'b: 1.5'));
  });

  it('writes into lists and nested places', () => {
    expect(written(YAML, '/actors/0/speedMps', 3.3)).toBe(YAML.replace('{ normal: { mean: 3, sd: 1 } }', '3.3'));
  });

  it('quotes strings YAML would read as something else, and everything in JSON', () => {
    expect(written(YAML, '/parameters/c', 'elderly')).toContain('  c: elderly\n');
    expect(written(YAML, '/parameters/c', 'yes')).toContain('  c: "yes"\n');
    const json = '{\n  "parameters": { "a": { "uniform": [1, 2] } },\n  "x": 1\n}\n';
    expect(written(json, '/parameters/a', 'abc')).toBe('{\n  "parameters": { "a": "abc" },\n  "x": 1\n}\n');
    expect(spell(true, false)).toBe('true');
  });

  it('says why when the pointer is not in the text or the text does not parse', () => {
    expect(overrideEdit(YAML, '/parameters/zzz', 1)).toMatch(/not in the file/);
    expect(overrideEdit('a: [1, 2\nb: {', '/a', 1)).toMatch(/does not parse/);
  });
});
