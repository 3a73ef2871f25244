/**
 * Strings that stand for other values: "$name" refers to a named parameter, "=expr" computes
 * a value from named parameters. Everything else is a plain string.
 */
import { didYouMean } from '../scenario/errors.js';
import { parseExpression, type Expr } from '../scenario/expression.js';
import { SamplingError } from './errors.js';

export type StringMeaning = { kind: 'text' } | { kind: 'ref'; name: string } | { kind: 'expr'; source: string };

const REF = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;

/** What a string value in a spec means (the grammar's `reference` pattern). */
export function classifyString(text: string): StringMeaning {
  const ref = REF.exec(text);
  if (ref) return { kind: 'ref', name: ref[1] };
  if (text.length > 1 && text.startsWith('=')) return { kind: 'expr', source: text.slice(1) };
  return { kind: 'text' };
}

/** Parses an expression or throws a SamplingError pointing at the column. */
export function compileExpression(source: string, pointer: string): Expr {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new SamplingError(`in "${source}" at column ${parsed.col}: ${parsed.message}`, pointer);
  return parsed.expr;
}

/** Checks that a "$name" names a declared parameter. */
export function checkParameterName(name: string, declared: readonly string[], pointer: string): void {
  if (declared.includes(name)) return;
  const hint = didYouMean(name, declared);
  throw new SamplingError(`"$${name}" refers to no parameter; declare "${name}" under parameters${hint ? ` (${hint})` : ''}`, pointer);
}
