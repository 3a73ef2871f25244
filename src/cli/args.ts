/** Parsers for command-line values; each rejects bad input with a message saying what was expected. */
import { InvalidArgumentError, Option } from 'commander';
import { DESIGNS } from '../scenario/schema.js';

export function integerArg(min: number, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${text}"`);
    }
    return n;
  };
}

/** A comma-separated list of allowed names, without duplicates. */
export function listArg<T extends string>(allowed: readonly T[]): (text: string) => T[] {
  return (text) => {
    const items = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
    if (bad.length > 0 || items.length === 0) {
      throw new InvalidArgumentError(`expected a comma-separated list of ${allowed.join(', ')}, got "${text}"`);
    }
    return [...new Set(items)] as T[];
  };
}

/** --seed of the sampling commands (`sample`, `simulate`): any whole number, default 0. */
export function seedOption(): Option {
  return new Option('-s, --seed <seed>', 'random seed').argParser(integerArg(-Number.MAX_SAFE_INTEGER)).default(0);
}

/** --design of the sampling commands: the file's sweep.design unless given. */
export function designOption(): Option {
  return new Option('-d, --design <name>', 'sweep design (default: sweep.design in the file, else random)').choices(DESIGNS);
}
