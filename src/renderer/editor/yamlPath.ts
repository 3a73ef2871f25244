/**
 * Where the cursor is in a YAML document, worked out from indentation alone so it also works on
 * the half-typed text a user is editing: the chain of mapping keys and list items above the
 * cursor, and whether the cursor is at a key or after `key:` (at a value). Flow style
 * (`{ a: 1 }`) is not looked into.
 */

/** A path segment for "an element of a list". */
export const ITEM = '[]';

export interface CursorPlace {
  /** Keys and ITEMs from the document root to the mapping the cursor is in. */
  path: string[];
  /** 'key': typing a key; 'value': after `key: `. */
  at: 'key' | 'value';
  /** The key whose value is being typed (at === 'value'). */
  key?: string;
  /** The word being typed and its start (0-based offset in the document). */
  word: string;
  wordFrom: number;
}

interface LineShape {
  /** Columns of the `- ` list markers, outermost first. */
  dashCols: number[];
  /** Column where the content starts (after indentation and markers). */
  contentCol: number;
  content: string;
}

function shape(line: string): LineShape {
  let i = 0;
  while (line[i] === ' ') i++;
  const dashCols: number[] = [];
  while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
    dashCols.push(i);
    i += 1;
    while (line[i] === ' ') i++;
  }
  return { dashCols, contentCol: i, content: line.slice(i) };
}

const KEY = /^("([^"]*)"|'([^']*)'|[^\s#:"'{}[\],-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;

/** The mapping key a line's content starts with, if any. */
function keyOf(content: string): { key: string; end: number } | undefined {
  const m = KEY.exec(content);
  return m ? { key: (m[2] ?? m[3] ?? m[1]).trim(), end: m[0].length } : undefined;
}

/** True when a key line opens a block below it (nothing but a comment after the colon). */
function opensBlock(content: string, keyEnd: number): boolean {
  return /^\s*(#.*)?$/.test(content.slice(keyEnd));
}

export function cursorPlace(doc: string, offset: number): CursorPlace {
  const lineStart = doc.lastIndexOf('\n', offset - 1) + 1;
  const before = doc.slice(lineStart, offset);
  const word = /[\w$.-]*$/.exec(before)?.[0] ?? '';
  const own = shape(before);
  const k = keyOf(own.content);
  const atValue = k !== undefined && own.contentCol + k.end < before.length;

  const path: string[] = own.dashCols.map(() => ITEM);
  let col = own.dashCols.length > 0 ? own.dashCols[0] : own.contentCol;
  let afterItem = own.dashCols.length > 0;
  const lines = doc.slice(0, lineStart).split('\n');
  lines.pop();
  for (let i = lines.length - 1; i >= 0 && (col > 0 || afterItem); i--) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const s = shape(line);
    if (afterItem && s.dashCols[0] === col) continue; // an earlier item of the same list
    const lineCol = s.dashCols.length > 0 ? s.dashCols[0] : s.contentCol;
    if (s.contentCol < col || (afterItem && s.contentCol === col && s.dashCols.length === 0)) {
      const key = keyOf(s.content);
      if (key === undefined || !opensBlock(s.content, key.end)) continue;
      path.unshift(key.key);
      path.unshift(...s.dashCols.map(() => ITEM));
      col = lineCol;
      afterItem = s.dashCols.length > 0;
      continue;
    }
    const inner = s.dashCols.filter((c) => c < col);
    if (inner.length > 0) {
      // A sibling key in the same list item (`- a: 1` above `  b: 2`).
      path.unshift(...inner.map(() => ITEM));
      col = inner[0];
      afterItem = true;
    }
  }
  return { path, at: atValue ? 'value' : 'key', key: atValue ? k.key : undefined, word, wordFrom: offset - word.length };
}
