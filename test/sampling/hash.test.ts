import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../src/sampling/hash.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":1,"z":0}]},"b":1}');
  });

  it('writes numbers in their shortest round-trip form', () => {
    expect(canonicalJson([0.1 + 0.2, 1e21, 1.5e-7, -0, 100])).toBe('[0.30000000000000004,1e+21,1.5e-7,0,100]');
  });

  it('escapes strings and keys exactly as JSON does', () => {
    for (const text of ['plain', 'a "quoted" \\ word', 'line\nbreak\t', 'ünï', '\u0001', 'a/b#c:d']) {
      expect(canonicalJson({ [text]: text })).toBe(`{${JSON.stringify(text)}:${JSON.stringify(text)}}`);
    }
  });

  it('leaves out undefined properties', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('rejects values JSON cannot hold', () => {
    expect(() => canonicalJson({ a: [1, { b: NaN }] })).toThrow('canonicalJson: NaN at "/a/1/b" is not a finite number');
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/no JSON form/);
  });
});

describe('content hash', () => {
  it('is the sha256 of the canonical text', () => {
    expect(contentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  it('does not depend on key order', () => {
    expect(contentHash({ a: 1, b: [2, 3] })).toBe(contentHash({ b: [2, 3], a: 1 }));
  });

  it('changes when a value changes', () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 1.0000000001 }));
  });
});
