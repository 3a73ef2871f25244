/**
 * roadsynth command line. Each subcommand lives in ./commands/<name>.ts and exports
 * `register(program)`; this file only assembles them.
 */
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { PACKAGE_VERSION } from '../dataset/packageRoot.js';
import { prepareProgram, runCli } from './runCli.js';

const program = prepareProgram(new Command())
  .name('roadsynth')
  .description('Synthetic, labeled camera data of rare driving situations.')
  .version(PACKAGE_VERSION)
  .showHelpAfterError('(add --help for usage)')
  .addHelpText(
    'after',
    `
Examples:
  roadsynth validate scenarios/*.yaml
  roadsynth sample scenarios/01-pedestrian-behind-van.yaml --count 10 --design sobol --json
  roadsynth simulate scenarios/03-lead-vehicle-emergency-brake.yaml --index 4 --json
  roadsynth run scenarios/01-pedestrian-behind-van.yaml --out out/ped --count 20 --frames 30
  roadsynth run scenarios/01-pedestrian-behind-van.yaml --out out/shard-0 --count 1000 --shard 0/8
  roadsynth merge out/shard-* --out out/all && roadsynth report out/all
  roadsynth studio scenarios`,
  );

await registerCommands(program, process.argv.slice(2));

await runCli(program, process.argv);
