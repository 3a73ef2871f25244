/**
 * `npm run schema`: writes every file generated from the grammar (src/scenario/schema.ts): the
 * JSON Schema for editors, the instance types and the reference tables of docs/grammar.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedFiles } from '../scenario/codegen/generatedFiles.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
for (const file of generatedFiles(read)) {
  const unchanged = read(file.path) === file.text;
  if (!unchanged) writeFileSync(new URL(file.path, root), file.text);
  console.log(`${unchanged ? 'unchanged' : 'wrote'} ${file.path}`);
}
