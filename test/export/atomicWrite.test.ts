import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicFileStream, isTempName, linkFileAtomic, removeStaleTemps, writeFileAtomic, writeTemp } from '../../src/export/atomicWrite.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadsynth-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('writes the content and leaves no temp file', () => {
    const target = join(dir, 'a.txt');
    writeFileAtomic(target, 'first\n');
    writeFileAtomic(target, new Uint8Array([104, 105]));
    expect(readFileSync(target, 'utf8')).toBe('hi');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('keeps the previous file intact when a write stops before the rename (simulated crash)', () => {
    const target = join(dir, 'label.txt');
    writeFileAtomic(target, 'old content\n');
    const tmp = writeTemp(target, 'new content that never got renamed\n');
    expect(readFileSync(target, 'utf8')).toBe('old content\n');
    expect(readFileSync(tmp, 'utf8')).toContain('never got renamed');
    expect(isTempName(tmp.slice(dir.length + 1))).toBe(true);
  });

  it('removes temp files an interrupted run left behind, and nothing else', () => {
    const target = join(dir, 'x.json');
    writeFileAtomic(target, '{}');
    writeTemp(target, '{"half":');
    writeFileSync(join(dir, '.hidden-user-file'), 'keep');
    expect(removeStaleTemps(dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['.hidden-user-file', 'x.json']);
  });

  it('a stream appears only on commit, and abort keeps the previous file', () => {
    const target = join(dir, 'big.jsonl');
    writeFileAtomic(target, 'previous\n');
    const s = new AtomicFileStream(target);
    s.write('line 1\n');
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    s.abort();
    expect(readdirSync(dir)).toEqual(['big.jsonl']);
    const t = new AtomicFileStream(target);
    t.write('line 1\n');
    t.write('line 2\n');
    t.commit();
    expect(readFileSync(target, 'utf8')).toBe('line 1\nline 2\n');
    expect(() => t.write('late')).toThrow(/after commit/);
  });

  it('links a file to a second name with the same bytes', () => {
    const src = join(dir, 'src.png');
    const bytes = new Uint8Array([1, 2, 3, 4]);
    writeFileAtomic(src, bytes);
    linkFileAtomic(src, join(dir, 'dst.png'), bytes);
    expect(new Uint8Array(readFileSync(join(dir, 'dst.png')))).toEqual(bytes);
    expect(statSync(src).nlink).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['dst.png', 'src.png']);
  });
});
