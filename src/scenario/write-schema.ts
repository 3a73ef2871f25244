/** Writes the grammar's JSON Schema to scenarios/scenario.schema.json for editors. */
import { writeFileSync } from 'node:fs';
import { scenarioSchema } from './schema.js';

const target = new URL('../../scenarios/scenario.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(scenarioSchema, null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
