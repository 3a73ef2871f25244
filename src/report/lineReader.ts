/** Reads a text file line by line in fixed-size chunks, so a manifest of any length takes constant memory. */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/** Calls `visit` with each non-empty line (without its newline) and its 1-based number. */
export function forEachLine(path: string, visit: (line: string, lineNo: number) => void): void {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(CHUNK_BYTES);
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let lineNo = 0;
  const emit = (line: string): void => {
    lineNo += 1;
    if (line.trim() !== '') visit(line, lineNo);
  };
  try {
    for (let n = readSync(fd, buf, 0, CHUNK_BYTES, null); n > 0; n = readSync(fd, buf, 0, CHUNK_BYTES, null)) {
      const parts = (rest + decoder.decode(buf.subarray(0, n), { stream: true })).split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) emit(p);
    }
    rest += decoder.decode();
    if (rest !== '') emit(rest);
  } finally {
    closeSync(fd);
  }
}
