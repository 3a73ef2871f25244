/** Every scenario shipped in scenarios/ must pass validation. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../src/scenario/errors.js';
import { checkScenario } from '../../src/scenario/load.js';

const root = new URL('../../scenarios/', import.meta.url);
const files = [
  ...readdirSync(root).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'scenario.schema.json'),
  ...readdirSync(new URL('templates/', root))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => `templates/${f}`),
];

describe('scenario catalog', () => {
  it('has scenario files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('scenarios/%s validates', (file) => {
    const { errors } = checkScenario(readFileSync(new URL(file, root), 'utf8'), `scenarios/${file}`);
    expect(errors.map(formatScenarioError)).toEqual([]);
  });
});
