/** The list of subcommands. Add a module here when adding a command. */
import type { Command } from 'commander';
import * as validate from './validate.js';
import * as sample from './sample.js';
import * as simulate from './simulate.js';
import * as run from './run.js';
import * as studio from './studio.js';
import * as merge from './merge.js';
import * as report from './report.js';
import * as search from './search.js';

export interface CommandModule {
  register(program: Command): void;
}

export const commandModules: CommandModule[] = [validate, sample, simulate, search, run, studio, merge, report];
