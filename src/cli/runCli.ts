/**
 * Runs the program and turns user errors into a message and exit code 2, without a stack.
 * Anything else is a bug and keeps its stack.
 */
import type { Command } from 'commander';

/** An error the user can fix: its message says what, where and how. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Makes commander throw instead of exiting, so usage errors exit with 2. Call it before
 * subcommands are added: they copy the setting when they are created.
 */
export function prepareProgram(program: Command): Command {
  return program.exitOverride();
}

/** stdout was closed by its reader (`roadsynth sample ... | head`); the command stops writing. */
export class OutputClosedError extends Error {
  constructor() {
    super('stdout closed by its reader');
    this.name = 'OutputClosedError';
  }
}

/**
 * Writes a line to stdout, or throws OutputClosedError once the reader has gone. Writes to a
 * pipe are synchronous on Linux and an EPIPE only marks the stream as errored (the 'error' event
 * comes later), so a command printing in a loop checks after each line instead of running to
 * its end for nobody.
 */
export function writeLine(line: string): void {
  if (process.stdout.errored) throw new OutputClosedError();
  process.stdout.write(line + '\n');
  if (process.stdout.errored) throw new OutputClosedError();
}

/**
 * `roadsynth sample ... | head` closes stdout early; that is the reader's choice, not an error,
 * so end quietly instead of printing a stack.
 */
function endQuietlyOnClosedPipe(): void {
  process.stdout.once('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

export async function runCli(program: Command, argv: string[]): Promise<void> {
  endQuietlyOnClosedPipe();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
      // commander already printed its message (help, version or a usage error).
      process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
      return;
    }
    if (err instanceof OutputClosedError) return;
    if (err instanceof UserError) {
      process.stderr.write(err.message.endsWith('\n') ? err.message : err.message + '\n');
      process.exitCode = err.exitCode;
      return;
    }
    throw err;
  }
}
