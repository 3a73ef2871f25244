import { describe, expect, it } from 'vitest';
import {
  EvaluationError,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  evaluateExpression,
  freeVariables,
  parseExpression,
  type Expr,
  type ExprValue,
} from '../../src/scenario/expression.js';

function parsed(src: string): Expr {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`parse failed: ${r.message} at ${r.col}`);
  return r.expr;
}

function run(src: string, vars: Record<string, ExprValue> = {}): ExprValue {
  return evaluateExpression(parsed(src), vars);
}

function evalError(src: string, vars: Record<string, ExprValue> = {}): EvaluationError {
  try {
    run(src, vars);
  } catch (err) {
    if (err instanceof EvaluationError) return err;
    throw err;
  }
  throw new Error(`expected ${src} to fail`);
}

describe('expression evaluation', () => {
  it('respects arithmetic precedence', () => {
    expect(run('1 + 2 * 3 - 4 / 2')).toBe(5);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('7 % 4')).toBe(3);
    expect(run('-2 * -3')).toBe(6);
    expect(run('--2')).toBe(2);
  });

  it('reads numbers in decimal and exponent forms', () => {
    expect(run('.5 + 1.25 + 2e2 + 1E-1')).toBeCloseTo(201.85);
  });

  it('reads variables', () => {
    expect(run('gapM + 2 * lengthM', { gapM: 10, lengthM: 4.5 })).toBe(19);
  });

  it('compares numbers and strings', () => {
    expect(run('a < b', { a: 1, b: 2 })).toBe(true);
    expect(run('a >= b', { a: 1, b: 2 })).toBe(false);
    expect(run('kind == "van"', { kind: 'van' })).toBe(true);
    expect(run("kind != 'van'", { kind: 'van' })).toBe(false);
    expect(run('1 <= 1 and 2 > 1')).toBe(true);
  });

  it('supports word and symbol boolean operators', () => {
    expect(run('true and not false')).toBe(true);
    expect(run('true && !false')).toBe(true);
    expect(run('false or true')).toBe(true);
    expect(run('false || false')).toBe(false);
  });

  it('lets not bind looser than a comparison', () => {
    expect(run('not 1 > 2')).toBe(true);
    expect(run('!a == b', { a: 1, b: 2 })).toBe(true);
  });

  it('short-circuits and/or so the other side is not evaluated', () => {
    expect(run('false and missing > 1')).toBe(false);
    expect(run('true or missing > 1')).toBe(true);
  });

  it('evaluates the ternary lazily and right-associatively', () => {
    expect(run('x > 0 ? 1 : x < 0 ? -1 : 0', { x: -5 })).toBe(-1);
    expect(run('true ? 1 : missing')).toBe(1);
  });

  it('calls the built-in functions', () => {
    expect(run('min(3, 1, 2)')).toBe(1);
    expect(run('max(3, 1, 2)')).toBe(3);
    expect(run('abs(-2.5)')).toBe(2.5);
    expect(run('sqrt(16)')).toBe(4);
    expect(run('floor(2.7) + ceil(2.1) + round(2.5)')).toBe(8);
    expect(run('clamp(12, 0, 10)')).toBe(10);
    expect(run('clamp(-1, 0, 10)')).toBe(0);
  });

  it('joins two strings with +', () => {
    expect(run('"a" + "b"')).toBe('ab');
  });
});

describe('expression errors', () => {
  it('reports an unknown variable with its name and column', () => {
    const e = evalError('1 + speed', {});
    expect(e.kind).toBe('unknown-variable');
    expect(e.variable).toBe('speed');
    expect(e.col).toBe(5);
  });

  it('treats constructor, __proto__ and process as unknown variables', () => {
    for (const name of ['constructor', '__proto__', 'process', 'toString', 'hasOwnProperty', 'globalThis']) {
      const e = evalError(name, {});
      expect(e.kind, name).toBe('unknown-variable');
    }
  });

  it('rejects property access and calls of arbitrary names', () => {
    expect(parseExpression('a.constructor').ok).toBe(false);
    const r = parseExpression('constructor("return process")');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/unknown function 'constructor'/);
    expect(parseExpression('a[0]').ok).toBe(false);
  });

  it('reports a type mismatch for arithmetic on a string', () => {
    expect(evalError('"a" * 2').kind).toBe('type-mismatch');
  });

  it('reports a type mismatch for and on a number', () => {
    expect(evalError('1 and true').kind).toBe('type-mismatch');
  });

  it('reports a type mismatch for == between different types', () => {
    expect(evalError('1 == "1"').kind).toBe('type-mismatch');
  });

  it('reports division by zero as non-finite', () => {
    const e = evalError('1 / (a - a)', { a: 3 });
    expect(e.kind).toBe('non-finite');
    expect(e.col).toBe(3);
  });

  it('reports sqrt of a negative number as non-finite', () => {
    expect(evalError('sqrt(-1)').kind).toBe('non-finite');
  });

  it('reports overflow as non-finite', () => {
    expect(evalError('1e300 * 1e300').kind).toBe('non-finite');
  });

  it('gives the column of a syntax error', () => {
    const r = parseExpression('a + * b');
    expect(r).toEqual({ ok: false, message: "unexpected '*'", col: 5 });
  });

  it('reports an unclosed parenthesis at the end', () => {
    const r = parseExpression('(a + b');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.col).toBe(7);
  });

  it('reports an unterminated string at its start', () => {
    const r = parseExpression('kind == "van');
    expect(r).toEqual({ ok: false, message: 'unterminated string', col: 9 });
  });

  it('rejects chained comparisons', () => {
    const r = parseExpression('1 < a < 3');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/cannot be chained/);
  });

  it('rejects a wrong argument count', () => {
    const r = parseExpression('clamp(1, 2)');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('clamp() takes 3 arguments, got 2');
  });

  it('rejects an empty expression', () => {
    expect(parseExpression('   ').ok).toBe(false);
  });

  it('rejects a literal too large to be finite', () => {
    const r = parseExpression('1e999');
    expect(r.ok).toBe(false);
  });

  it('rejects expressions over the length cap', () => {
    const r = parseExpression('1+'.repeat(MAX_EXPRESSION_LENGTH) + '1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/longer than/);
  });

  it('rejects nesting beyond the depth cap without overflowing the stack', () => {
    const deep = '('.repeat(MAX_EXPRESSION_DEPTH + 5) + '1' + ')'.repeat(MAX_EXPRESSION_DEPTH + 5);
    const r = parseExpression(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/nested deeper/);
    expect(parseExpression('-'.repeat(500) + '1').ok).toBe(false);
    expect(parseExpression('!'.repeat(500) + 'true').ok).toBe(false);
  });

  it('accepts nesting within the depth cap', () => {
    const ok = '('.repeat(20) + '1' + ')'.repeat(20);
    expect(run(ok)).toBe(1);
  });
});

describe('freeVariables', () => {
  it('lists each variable once in order of first use', () => {
    expect(freeVariables(parsed('b + a * max(b, c) > 0 ? d : -a'))).toEqual(['b', 'a', 'c', 'd']);
  });

  it('does not list function names or keywords', () => {
    expect(freeVariables(parsed('min(1, 2) > 0 and true'))).toEqual([]);
  });
});
