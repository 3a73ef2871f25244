/**
 * Canonical JSON and content hashes. An instance's hash is its identity in manifests, so it
 * must not depend on key order or number formatting: keys are sorted by UTF-16 code units
 * (as in RFC 8785) and numbers are written in their shortest round-trip form.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** JSON text with sorted keys and no whitespace. Throws on values JSON cannot hold exactly. */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (err) {
    if (err instanceof Unwritable) throw new TypeError(`canonicalJson: ${err.what} at "${err.path.reverse().join('')}" ${err.why}`);
    throw err;
  }
}

/** A value with no exact JSON form; the path is collected while unwinding, so the fast path builds none. */
class Unwritable {
  readonly path: string[] = [];
  constructor(
    readonly what: string,
    readonly why: string,
  ) {}
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Unwritable(String(value), 'is not a finite number');
      // String() gives the shortest text that reads back to the same double; -0 becomes "0".
      return String(value);
    case 'string':
      return quote(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      throw new Unwritable(`a ${typeof value}`, 'has no JSON form');
  }
}

function writeArray(items: unknown[]): string {
  let out = '[';
  let i = 0;
  try {
    for (; i < items.length; i++) {
      if (i > 0) out += ',';
      out += items[i] === undefined ? 'null' : write(items[i]);
    }
  } catch (err) {
    throw addSegment(err, String(i));
  }
  return out + ']';
}

// Keys and strings that need no escaping are quoted directly; JSON.stringify handles the rest.
const PLAIN = /^[A-Za-z0-9_ .,:;#$+\-/]*$/;
const quote = (s: string): string => (PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));

function writeObject(obj: Record<string, unknown>): string {
  let out = '{';
  let first = true;
  let key = '';
  try {
    for (key of Object.keys(obj).sort()) {
      const v = obj[key];
      if (v === undefined) continue;
      out += `${first ? '' : ','}${quote(key)}:${write(v)}`;
      first = false;
    }
  } catch (err) {
    throw addSegment(err, key);
  }
  return out + '}';
}

function addSegment(err: unknown, segment: string): unknown {
  if (err instanceof Unwritable) err.path.push(`/${segment}`);
  return err;
}

/** sha256 of the canonical JSON of `value`, as 64 hex digits. */
export function contentHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}
