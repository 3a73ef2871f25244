/**
 * A small, safe expression language for `requires` and `"=expr"` values.
 *
 * It is parsed by hand into a tree and evaluated by walking that tree: nothing is ever handed
 * to `eval` or `Function`, and variables are looked up only among the caller's own keys, so
 * names such as `constructor`, `__proto__` or `process` are plain unknown variables.
 *
 * Grammar (lowest precedence first):
 *   expr     := or ('?' expr ':' expr)?
 *   or       := and (('or' | '||') and)*
 *   and      := not (('and' | '&&') not)*
 *   not      := ('not' | '!') not | compare
 *   compare  := additive (('<' | '<=' | '>' | '>=' | '==' | '!=') additive)?
 *   additive := term (('+' | '-') term)*
 *   term     := unary (('*' | '/' | '%') unary)*
 *   unary    := '-' unary | primary
 *   primary  := number | string | 'true' | 'false' | name | name '(' args ')' | '(' expr ')'
 *
 * `not` / `!` bind looser than comparisons (as in Python): `!a == b` means `!(a == b)`.
 * Values are strictly typed: `and`, `or`, `not` and `?:` want booleans, arithmetic wants numbers
 * (`+` also joins two strings), `==` / `!=` want two values of the same type.
 * Columns are 1-based positions in the expression text.
 */

/** Longest accepted expression [characters]. */
export const MAX_EXPRESSION_LENGTH = 1000;
/** Deepest accepted nesting of sub-expressions. */
export const MAX_EXPRESSION_DEPTH = 64;

export type ExprValue = number | string | boolean;

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=';

export type Expr =
  | { type: 'literal'; value: ExprValue; col: number }
  | { type: 'var'; name: string; col: number }
  | { type: 'neg'; arg: Expr; col: number }
  | { type: 'not'; arg: Expr; col: number }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr; col: number }
  | { type: 'and' | 'or'; left: Expr; right: Expr; col: number }
  | { type: 'cond'; test: Expr; then: Expr; else: Expr; col: number }
  | { type: 'call'; name: FunctionName; args: Expr[]; col: number };

export type ParseResult = { ok: true; expr: Expr } | { ok: false; message: string; col: number };

/** Function name -> [min args, max args]. */
const FUNCTIONS = {
  min: [1, 64],
  max: [1, 64],
  abs: [1, 1],
  sqrt: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 1],
  clamp: [3, 3],
} as const satisfies Record<string, readonly [number, number]>;

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

const KEYWORDS = new Set(['true', 'false', 'and', 'or', 'not']);

export type EvaluationErrorKind = 'unknown-variable' | 'type-mismatch' | 'non-finite';

/** Raised by `evaluateExpression`; `col` points at the offending part of the expression. */
export class EvaluationError extends Error {
  constructor(
    readonly kind: EvaluationErrorKind,
    message: string,
    readonly col: number,
    /** For unknown-variable: the name. */
    readonly variable?: string,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

// ---------------------------------------------------------------- tokens

type Token =
  | { kind: 'num'; value: number; col: number }
  | { kind: 'str'; value: string; col: number }
  | { kind: 'name'; value: string; col: number }
  | { kind: 'op'; value: string; col: number }
  | { kind: 'end'; col: number };

class SyntaxFault {
  constructor(
    readonly message: string,
    readonly col: number,
  ) {}
}

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '<', '>', '+', '-', '*', '/', '%', '!', '(', ')', ',', '?', ':'];

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const col = i + 1;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i, i + 400));
      if (!m) throw new SyntaxFault(`unexpected '${c}'`, col);
      const value = Number(m[0]);
      if (!Number.isFinite(value)) throw new SyntaxFault(`number ${m[0]} is too large`, col);
      tokens.push({ kind: 'num', value, col });
      i += m[0].length;
      if (i < src.length && /[A-Za-z_]/.test(src[i])) throw new SyntaxFault(`unexpected '${src[i]}' after a number`, i + 1);
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      tokens.push({ kind: 'name', value: m[0], col });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new SyntaxFault('unterminated string', col);
        const d = src[j];
        if (d === c) break;
        if (d === '\\' && j + 1 < src.length) {
          value += src[j + 1];
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      tokens.push({ kind: 'str', value, col });
      i = j + 1;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new SyntaxFault(`unexpected '${c}'`, col);
    tokens.push({ kind: 'op', value: op, col });
    i += op.length;
  }
  tokens.push({ kind: 'end', col: src.length + 1 });
  return tokens;
}

// ---------------------------------------------------------------- parser

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const e = this.expr();
    const t = this.peek();
    if (t.kind !== 'end') throw new SyntaxFault(`unexpected ${describe(t)}`, t.col);
    return e;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.value);
  }

  private isWord(...words: string[]): boolean {
    const t = this.peek();
    return t.kind === 'name' && words.includes(t.value);
  }

  private expect(op: string): void {
    const t = this.peek();
    if (t.kind !== 'op' || t.value !== op) throw new SyntaxFault(`expected '${op}' but found ${describe(t)}`, t.col);
    this.pos++;
  }

  /** Counts nesting so hostile input cannot overflow the stack. */
  private nest<T>(col: number, f: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw new SyntaxFault(`expression nested deeper than ${MAX_EXPRESSION_DEPTH} levels`, col);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private expr(): Expr {
    return this.nest(this.peek().col, () => {
      const test = this.or();
      if (!this.isOp('?')) return test;
      const col = this.next().col;
      const then = this.expr();
      this.expect(':');
      const otherwise = this.expr();
      return { type: 'cond', test, then, else: otherwise, col };
    });
  }

  private or(): Expr {
    return this.logical('or', '||', () => this.and());
  }

  private and(): Expr {
    return this.logical('and', '&&', () => this.not());
  }

  /** A left-associative chain of `and` or `or`, written as the word or as its symbol. */
  private logical(type: 'and' | 'or', symbol: string, operand: () => Expr): Expr {
    let left = operand();
    while (this.isOp(symbol) || this.isWord(type)) {
      const col = this.next().col;
      left = { type, left, right: operand(), col };
    }
    return left;
  }

  private not(): Expr {
    if (this.isOp('!') || this.isWord('not')) {
      const col = this.next().col;
      return this.nest(col, () => ({ type: 'not', arg: this.not(), col }));
    }
    return this.compare();
  }

  private compare(): Expr {
    const left = this.additive();
    if (!this.isOp('<', '<=', '>', '>=', '==', '!=')) return left;
    const t = this.next() as Extract<Token, { kind: 'op' }>;
    const right = this.additive();
    if (this.isOp('<', '<=', '>', '>=', '==', '!=')) {
      throw new SyntaxFault('comparisons cannot be chained; join them with "and"', this.peek().col);
    }
    return { type: 'binary', op: t.value as BinaryOp, left, right, col: t.col };
  }

  private additive(): Expr {
    return this.arithmetic(['+', '-'], () => this.term());
  }

  private term(): Expr {
    return this.arithmetic(['*', '/', '%'], () => this.unary());
  }

  /** A left-associative chain of arithmetic operators of one precedence level. */
  private arithmetic(ops: readonly BinaryOp[], operand: () => Expr): Expr {
    let left = operand();
    while (this.isOp(...ops)) {
      const t = this.next() as Extract<Token, { kind: 'op' }>;
      left = { type: 'binary', op: t.value as BinaryOp, left, right: operand(), col: t.col };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      const col = this.next().col;
      return this.nest(col, () => ({ type: 'neg', arg: this.unary(), col }));
    }
    if (this.isOp('+')) {
      // A leading plus is harmless and common in hand-written numbers ("+2").
      this.next();
      return this.unary();
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'num':
      case 'str':
        return { type: 'literal', value: t.value, col: t.col };
      case 'name': {
        if (t.value === 'true' || t.value === 'false') return { type: 'literal', value: t.value === 'true', col: t.col };
        if (KEYWORDS.has(t.value)) throw new SyntaxFault(`unexpected '${t.value}'`, t.col);
        if (this.isOp('(')) return this.call(t.value, t.col);
        return { type: 'var', name: t.value, col: t.col };
      }
      case 'op':
        if (t.value === '(') {
          const inner = this.nest(t.col, () => this.expr());
          this.expect(')');
          return inner;
        }
        throw new SyntaxFault(`unexpected '${t.value}'`, t.col);
      case 'end':
        throw new SyntaxFault('unexpected end of expression', t.col);
    }
  }

  private call(name: string, col: number): Expr {
    if (!Object.hasOwn(FUNCTIONS, name)) {
      throw new SyntaxFault(`unknown function '${name}', expected one of ${FUNCTION_NAMES.join(', ')}`, col);
    }
    const fn = name as FunctionName;
    this.expect('(');
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        args.push(this.nest(col, () => this.expr()));
        if (!this.isOp(',')) break;
        this.next();
      }
    }
    this.expect(')');
    const [lo, hi] = FUNCTIONS[fn];
    if (args.length < lo || args.length > hi) {
      const want = lo === hi ? `${lo}` : `${lo} to ${hi}`;
      throw new SyntaxFault(`${fn}() takes ${want} argument${hi === 1 ? '' : 's'}, got ${args.length}`, col);
    }
    return { type: 'call', name: fn, args, col };
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'end':
      return 'end of expression';
    case 'num':
      return `number ${t.value}`;
    case 'str':
      return `string "${t.value}"`;
    default:
      return `'${t.value}'`;
  }
}

/** Parses an expression; never throws. */
export function parseExpression(src: string): ParseResult {
  if (typeof src !== 'string') return { ok: false, message: 'expression must be a string', col: 1 };
  if (src.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, message: `expression longer than ${MAX_EXPRESSION_LENGTH} characters`, col: MAX_EXPRESSION_LENGTH + 1 };
  }
  if (src.trim() === '') return { ok: false, message: 'empty expression', col: 1 };
  try {
    return { ok: true, expr: new Parser(tokenize(src)).parse() };
  } catch (err) {
    if (err instanceof SyntaxFault) return { ok: false, message: err.message, col: err.col };
    throw err;
  }
}

// ---------------------------------------------------------------- evaluation

function typeName(v: ExprValue): string {
  return typeof v === 'number' ? 'a number' : typeof v === 'string' ? 'a string' : 'a boolean';
}

function wantNumber(v: ExprValue, what: string, col: number): number {
  if (typeof v !== 'number') throw new EvaluationError('type-mismatch', `${what} needs a number, got ${typeName(v)}`, col);
  return v;
}

function wantBoolean(v: ExprValue, what: string, col: number): boolean {
  if (typeof v !== 'boolean') throw new EvaluationError('type-mismatch', `${what} needs a boolean, got ${typeName(v)}`, col);
  return v;
}

function finite(v: number, what: string, col: number): number {
  if (!Number.isFinite(v)) throw new EvaluationError('non-finite', `${what} gives a non-finite result`, col);
  return v;
}

/**
 * Evaluates a parsed expression with the given variables.
 * @throws EvaluationError on an unknown variable, a type mismatch or a non-finite result.
 */
export function evaluateExpression(expr: Expr, vars: Record<string, ExprValue>): ExprValue {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'var': {
      // Own keys only: never reach Object.prototype.
      if (!Object.hasOwn(vars, expr.name)) {
        throw new EvaluationError('unknown-variable', `unknown variable '${expr.name}'`, expr.col, expr.name);
      }
      const v = vars[expr.name];
      if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') {
        throw new EvaluationError('type-mismatch', `variable '${expr.name}' has no usable value`, expr.col);
      }
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw new EvaluationError('non-finite', `variable '${expr.name}' is not finite`, expr.col);
      }
      return v;
    }
    case 'neg':
      return -wantNumber(evaluateExpression(expr.arg, vars), "'-'", expr.col);
    case 'not':
      return !wantBoolean(evaluateExpression(expr.arg, vars), "'not'", expr.col);
    case 'and':
      return wantBoolean(evaluateExpression(expr.left, vars), "'and'", expr.col) && wantBoolean(evaluateExpression(expr.right, vars), "'and'", expr.col);
    case 'or':
      return wantBoolean(evaluateExpression(expr.left, vars), "'or'", expr.col) || wantBoolean(evaluateExpression(expr.right, vars), "'or'", expr.col);
    case 'cond':
      return wantBoolean(evaluateExpression(expr.test, vars), "'?:'", expr.col) ? evaluateExpression(expr.then, vars) : evaluateExpression(expr.else, vars);
    case 'binary':
      return binary(expr.op, evaluateExpression(expr.left, vars), evaluateExpression(expr.right, vars), expr.col);
    case 'call':
      return call(
        expr.name,
        expr.args.map((a) => evaluateExpression(a, vars)),
        expr.col,
      );
  }
}

function binary(op: BinaryOp, a: ExprValue, b: ExprValue, col: number): ExprValue {
  const what = `'${op}'`;
  if (op === '==' || op === '!=') {
    if (typeof a !== typeof b) {
      throw new EvaluationError('type-mismatch', `${what} compares ${typeName(a)} with ${typeName(b)}`, col);
    }
    return op === '==' ? a === b : a !== b;
  }
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (typeof a === 'string' && typeof b === 'string') return compare(op, a, b);
    return compare(op, wantNumber(a, what, col), wantNumber(b, what, col));
  }
  const x = wantNumber(a, what, col);
  const y = wantNumber(b, what, col);
  switch (op) {
    case '+':
      return finite(x + y, what, col);
    case '-':
      return finite(x - y, what, col);
    case '*':
      return finite(x * y, what, col);
    case '/':
      return finite(x / y, what, col);
    case '%':
      return finite(x % y, what, col);
  }
}

function compare<T extends number | string>(op: '<' | '<=' | '>' | '>=', a: T, b: T): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

function call(name: FunctionName, args: ExprValue[], col: number): number {
  const what = `${name}()`;
  const nums = args.map((a) => wantNumber(a, what, col));
  switch (name) {
    case 'min':
      return Math.min(...nums);
    case 'max':
      return Math.max(...nums);
    case 'abs':
      return Math.abs(nums[0]);
    case 'sqrt':
      return finite(Math.sqrt(nums[0]), what, col);
    case 'floor':
      return Math.floor(nums[0]);
    case 'ceil':
      return Math.ceil(nums[0]);
    case 'round':
      return Math.round(nums[0]);
    case 'clamp': {
      const [x, lo, hi] = nums;
      if (lo > hi) throw new EvaluationError('type-mismatch', `clamp() needs low <= high, got ${lo} > ${hi}`, col);
      return Math.min(hi, Math.max(lo, x));
    }
  }
}

/** Variables of an expression with the column of each use (for error positions). */
export function variableUses(expr: Expr): { name: string; col: number }[] {
  const uses: { name: string; col: number }[] = [];
  const visit = (e: Expr): void => {
    if (e.type === 'var') uses.push({ name: e.name, col: e.col });
    else if (e.type === 'neg' || e.type === 'not') visit(e.arg);
    else if (e.type === 'and' || e.type === 'or' || e.type === 'binary') {
      visit(e.left);
      visit(e.right);
    } else if (e.type === 'cond') {
      visit(e.test);
      visit(e.then);
      visit(e.else);
    } else if (e.type === 'call') e.args.forEach(visit);
  };
  visit(expr);
  return uses;
}

/** Names of the variables an expression reads, each once, in order of first use. */
export function freeVariables(expr: Expr): string[] {
  return [...new Set(variableUses(expr).map((u) => u.name))];
}
