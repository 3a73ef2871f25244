/**
 * Every file generated from the grammar, as text: `npm run schema` (src/cli/write-schema.ts) writes
 * them and test/scenario/generated.test.ts fails when one on disk differs.
 */
import { scenarioSchema } from '../schema.js';
import { grammarDocText } from './docsText.js';
import { typesText } from './typesText.js';

export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  text: string;
}

/** @param read the current text of a file (docs/grammar.md keeps its hand-written prose). */
export function generatedFiles(read: (path: string) => string): GeneratedFile[] {
  return [
    { path: 'scenarios/scenario.schema.json', text: `${JSON.stringify(scenarioSchema, null, 2)}\n` },
    { path: 'src/scenario/types.generated.ts', text: typesText() },
    { path: 'docs/grammar.md', text: grammarDocText(read('docs/grammar.md')) },
  ];
}
