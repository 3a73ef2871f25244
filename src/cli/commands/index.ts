/**
 * The list of subcommands, each loaded only when it runs: `roadsynth validate` does not load
 * three.js or the browser host. Add a row here when adding a command; its module exports
 * `register(program)`.
 */
import type { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

export interface CommandEntry {
  name: string;
  /** One line for `roadsynth --help`; the module's own description says the rest. */
  summary: string;
  load(): Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', summary: 'Check scenario files: syntax, grammar, references and expressions.', load: () => import('./validate.js') },
  { name: 'sample', summary: 'Draw instances of a scenario with a sweep design and print them.', load: () => import('./sample.js') },
  { name: 'simulate', summary: 'Simulate one instance and print its events and criticality metrics.', load: () => import('./simulate.js') },
  { name: 'search', summary: 'Search the declared distributions for critical instances (physics only).', load: () => import('./search.js') },
  { name: 'run', summary: 'Render a labeled dataset (KITTI, COCO, YOLO) from a scenario.', load: () => import('./run.js') },
  { name: 'studio', summary: 'Open the scenario editor with a live 3D preview in your browser.', load: () => import('./studio.js') },
  { name: 'merge', summary: 'Join the output folders of a sharded sweep into one dataset.', load: () => import('./merge.js') },
  { name: 'report', summary: 'Write a self-contained report.html on a dataset.', load: () => import('./report.js') },
];

/** The command an argument list names (`roadsynth help run` names run), or undefined. */
export function commandNamed(args: readonly string[]): CommandEntry | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}

/**
 * Registers the command the arguments name, loading only its module; with none (top-level
 * help, a typo) every command is listed by its summary so help and "did you mean" still work.
 */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const named = commandNamed(args);
  if (named) {
    (await named.load()).register(program);
    program.commands.find((c) => c.name() === named.name)?.summary(named.summary);
    return;
  }
  for (const c of COMMANDS) program.command(c.name).summary(c.summary).description(c.summary);
}
