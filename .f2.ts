import { parseDocument } from 'yaml';
import { parseScenarioText } from './src/scenario/parse.js';
import { checkScenario } from './src/scenario/load.js';
import { VALID_YAML } from './test/scenario/fixtures.js';
for (const [name, f] of [['yaml.parseDocument', () => parseDocument(VALID_YAML).toJS()], ['parseScenarioText', () => parseScenarioText(VALID_YAML, 'x')], ['checkScenario', () => checkScenario(VALID_YAML, 'x')]] as const) {
  f();
  const c0 = process.cpuUsage();
  for (let i = 0; i < 500; i++) f();
  const c = process.cpuUsage(c0);
  console.log(name, ((c.user + c.system) / 1000 / 500).toFixed(2), 'ms cpu each');
}
