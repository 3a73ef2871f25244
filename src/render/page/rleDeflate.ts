/**
 * A zlib stream (RFC 1950) of `data` made of dynamic-Huffman deflate blocks (RFC 1951) whose only
 * matches are runs (distance 1), like zlib's Z_RLE strategy: no match search. On PNG rows of a
 * rendered frame after the Paeth filter, longer matches are rare (sensor noise, shading) and flat
 * areas become runs, so this compresses about as well as zlib's default level on unfiltered rows
 * at a fraction of the time (measured with Node's zlib on a 1280x720 frame of scenario 01: Z_RLE
 * on Paeth-filtered rows 871 KB in 27 ms; level 6 on unfiltered rows, what the page did before,
 * 1078 KB in 86 ms).
 */
export type RleDeflate = (data: Uint8Array, blockBytes?: number, scratch?: Uint8Array) => Uint8Array;

/**
 * Makes rleDeflate with its tables and helpers, built once: functions declared inside the
 * function a frame calls would be new closures each call, and V8 compiled them again each time
 * (~25 compiles a frame, measured with --trace-opt).
 *
 * Uses nothing from outside its body: the render page's encoder workers run its source text.
 */
export function rleDeflateScope(): RleDeflate {
  /** Literal/length alphabet: 256 byte values, end-of-block (256), length codes 257-285. */
  const SYMBOLS = 286;
  const END_OF_BLOCK = 256;
  /** Shortest run coded as a match (deflate allows 3; 4 made the catalog's frames smallest, measured). */
  const MIN_RUN = 4;
  const MAX_RUN = 258;
  // Length code and extra bits of each run length 3..258 (RFC 1951, 3.2.5).
  const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const lengthCode = new Uint16Array(MAX_RUN + 1);
  for (let c = 0; c < LENGTH_BASE.length; c++) {
    const top = c + 1 < LENGTH_BASE.length ? LENGTH_BASE[c + 1]! : MAX_RUN + 1;
    for (let len = LENGTH_BASE[c]!; len < top; len++) lengthCode[len] = c;
  }
  /**
   * How many bytes from i on equal data[i], up to `stop`. A function of its own, not a loop
   * inside the main loops: V8 compiles a long-running loop while it runs (on-stack replacement)
   * and throws that code away at every exit from a loop nested in it (measured with --trace-deopt).
   */
  function runLength(bytes: Uint8Array, i: number, stop: number): number {
    const v = bytes[i]!;
    let j = i + 1;
    while (j < stop && bytes[j] === v) j++;
    return j - i;
  }
  /** Order in which the code-length code's lengths are sent (RFC 1951, 3.2.7). */
  const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  /** Huffman code lengths of `freq` no longer than `limit` bits; symbols of frequency 0 get 0. */
  function codeLengths(freq: ArrayLike<number>, limit: number): Uint8Array {
    const n = freq.length;
    const lengths = new Uint8Array(n);
    for (let shift = 0; ; shift++) {
      // Halving the frequencies until the longest code fits flattens the tree (a standard fallback).
      const used: number[] = [];
      for (let s = 0; s < n; s++) if (freq[s]! > 0) used.push(s);
      if (used.length === 1) {
        lengths[used[0]!] = 1;
        return lengths;
      }
      const weight = used.map((s) => Math.max(1, freq[s]! >> shift));
      const order = used.map((_, i) => i).sort((a, b) => weight[a]! - weight[b]! || used[a]! - used[b]!);
      // Two-queue Huffman: leaves in ascending weight, merged nodes are created in ascending weight too.
      const parent = new Int32Array(2 * used.length - 1).fill(-1);
      const nodeWeight = new Float64Array(2 * used.length - 1);
      for (let i = 0; i < used.length; i++) nodeWeight[i] = weight[i]!;
      let leaf = 0;
      let merged = used.length;
      let next = used.length;
      const take = (): number => {
        if (leaf < order.length && (merged >= next || nodeWeight[order[leaf]!]! <= nodeWeight[merged]!)) return order[leaf++]!;
        return merged++;
      };
      while (next < 2 * used.length - 1) {
        const a = take();
        const b = take();
        nodeWeight[next] = nodeWeight[a]! + nodeWeight[b]!;
        parent[a] = next;
        parent[b] = next;
        next++;
      }
      let longest = 0;
      const depth = new Uint8Array(2 * used.length - 1);
      for (let node = next - 2; node >= 0; node--) depth[node] = depth[parent[node]!]! + 1;
      for (let i = 0; i < used.length; i++) longest = Math.max(longest, depth[i]!);
      if (longest <= limit) {
        for (let i = 0; i < used.length; i++) lengths[used[i]!] = depth[i]!;
        return lengths;
      }
    }
  }

  /** Canonical codes of `lengths`, bit-reversed for deflate's least-significant-bit-first order. */
  function canonicalCodes(lengths: Uint8Array): Uint16Array {
    const count = new Uint16Array(16);
    for (const l of lengths) count[l]!++;
    count[0] = 0;
    const nextCode = new Uint16Array(16);
    for (let bits = 1, code = 0; bits < 16; bits++) {
      code = (code + count[bits - 1]!) << 1;
      nextCode[bits] = code;
    }
    const codes = new Uint16Array(lengths.length);
    for (let s = 0; s < lengths.length; s++) {
      const l = lengths[s]!;
      if (l === 0) continue;
      let c = nextCode[l]!++;
      let r = 0;
      for (let i = 0; i < l; i++, c >>= 1) r = (r << 1) | (c & 1);
      codes[s] = r;
    }
    return codes;
  }

  /** The bit writer: output, next byte, bits waiting (least significant first) and their count. */
  interface BitWriter {
    out: Uint8Array;
    pos: number;
    buf: number;
    count: number;
  }

  function writeBits(w: BitWriter, value: number, n: number): void {
    w.buf |= value << w.count;
    w.count += n;
    while (w.count >= 8) {
      w.out[w.pos++] = w.buf & 0xff;
      w.buf >>>= 8;
      w.count -= 8;
    }
  }

  // Each block's two passes are functions of their own, not loops inside the block loop: V8
  // compiles a long-running loop while it runs (on-stack replacement) and throws that code away
  // at every exit from a loop nested in another (measured with --trace-deopt).

  /** Tokens of data[start, end) into `tokens` (a byte value, or 256 + a run length), their counts into `freq`; returns how many. */
  function tokenize(data: Uint8Array, start: number, end: number, tokens: Uint16Array, freq: Int32Array): number {
    let n = 0;
    let prev = start > 0 ? data[start - 1]! : -1;
    for (let i = start; i < end; ) {
      const v = data[i]!;
      // A byte unlike the one before starts no run: the common case in a noisy frame.
      if (v === prev) {
        const run = runLength(data, i, Math.min(end, i + MAX_RUN));
        if (run >= MIN_RUN) {
          tokens[n++] = 256 + run;
          freq[257 + lengthCode[run]!]!++;
          i += run;
          continue;
        }
      }
      tokens[n++] = v;
      freq[v]!++;
      prev = v;
      i++;
    }
    return n;
  }

  /**
   * Writes the first n tokens with the block's codes. `runBits`/`runCount`: every run length's
   * whole code (length symbol, its extra bits, distance code 0: the single 1-bit code of
   * distance 1) as one bit string, and its bit count.
   */
  function emitTokens(w: BitWriter, tokens: Uint16Array, n: number, codes: Uint16Array, lengths: Uint8Array, runBits: Uint32Array, runCount: Uint8Array): void {
    // The writer's state in locals in the hot loop. At most 15 + 5 + 1 bits a token on at most
    // 7 waiting: fits in 31 bits, so the signed shift is exact.
    const out = w.out;
    let buf = w.buf;
    let count = w.count;
    let at = w.pos;
    for (let t = 0; t < n; t++) {
      const token = tokens[t]!;
      if (token < 256) {
        buf |= codes[token]! << count;
        count += lengths[token]!;
      } else {
        buf |= runBits[token - 256]! << count;
        count += runCount[token - 256]!;
      }
      // Whole bytes out (at most 28 bits wait: 7 + 21), without a loop inside the loop.
      if (count >= 16) {
        out[at++] = buf & 0xff;
        out[at++] = (buf >> 8) & 0xff;
        buf >>= 16;
        count -= 16;
      }
      if (count >= 8) {
        out[at++] = buf & 0xff;
        buf >>= 8;
        count -= 8;
      }
    }
    w.buf = buf;
    w.count = count;
    w.pos = at;
  }

  /** Adler-32 of the data (sums reduced every 5552 bytes, as zlib does). */
  function adler32(data: Uint8Array): number {
    const sums = new Float64Array([1, 0]);
    for (let i = 0; i < data.length; i += 5552) adlerChunk(data, i, Math.min(data.length, i + 5552), sums);
    return ((sums[1]! << 16) | sums[0]!) >>> 0;
  }

  /** Adds data[i, end) to the Adler-32 sums, reduced at the end; a function a chunk: see runLength. */
  function adlerChunk(data: Uint8Array, i: number, end: number, sums: Float64Array): void {
    let s1 = sums[0]!;
    let s2 = sums[1]!;
    for (; i < end; i++) {
      s1 += data[i]!;
      s2 += s1;
    }
    sums[0] = s1 % 65521;
    sums[1] = s2 % 65521;
  }

  /**
   * @param scratch  where to write, when it is large enough: saves a frame's encoder allocating
   *   megabytes each time
   * @returns a view of the output buffer (`scratch`, or a new buffer with room for the worst
   *   case, which the caller can pass as `scratch` next time); valid until that buffer is reused
   */
  return function rleDeflate(data: Uint8Array, blockBytes = 1 << 17, scratch?: Uint8Array): Uint8Array {
    const blocks = Math.max(1, Math.ceil(data.length / blockBytes));
    // Room for the worst case: 15 bits a byte, block headers, zlib header and checksum.
    const room = Math.ceil((data.length * 15) / 8) + blocks * 300 + 16;
    const w: BitWriter = { out: scratch && scratch.length >= room ? scratch : new Uint8Array(room), pos: 0, buf: 0, count: 0 };
    // zlib header: deflate, 32 KB window, fastest-level hint; (0x78 * 256 + 0x01) % 31 === 0.
    w.out[w.pos++] = 0x78;
    w.out[w.pos++] = 0x01;
    const tokens = new Uint16Array(blockBytes);
    for (let b = 0; b < blocks; b++) {
      const start = b * blockBytes;
      const end = Math.min(data.length, start + blockBytes);
      const freq = new Int32Array(SYMBOLS);
      const n = tokenize(data, start, end, tokens, freq);
      let runs = 0;
      for (let c = 257; c < SYMBOLS; c++) runs += freq[c]!;
      freq[END_OF_BLOCK] = 1;
      const lengths = codeLengths(freq, 15);
      const codes = canonicalCodes(lengths);
      // The code lengths of both alphabets (286 literal/length codes, one distance code: distance
      // 1, 1 bit when there are runs), sent with the code-length code (symbols 0-15, no run-length symbols).
      const all = new Uint8Array(SYMBOLS + 1);
      all.set(lengths);
      all[SYMBOLS] = runs > 0 ? 1 : 0;
      const clFreq = new Uint32Array(19);
      for (const l of all) clFreq[l]!++;
      const clLengths = codeLengths(clFreq, 7);
      const clCodes = canonicalCodes(clLengths);
      let hclen = 19;
      while (hclen > 4 && clLengths[CL_ORDER[hclen - 1]!] === 0) hclen--;
      writeBits(w, end === data.length ? 1 : 0, 1); // BFINAL
      writeBits(w, 2, 2); // BTYPE: dynamic Huffman
      writeBits(w, SYMBOLS - 257, 5); // HLIT
      writeBits(w, 0, 5); // HDIST: one distance code
      writeBits(w, hclen - 4, 4);
      for (let i = 0; i < hclen; i++) writeBits(w, clLengths[CL_ORDER[i]!]!, 3);
      for (const l of all) writeBits(w, clCodes[l]!, clLengths[l]!);
      const runBits = new Uint32Array(MAX_RUN + 1);
      const runCount = new Uint8Array(MAX_RUN + 1);
      for (let run = MIN_RUN; run <= MAX_RUN; run++) {
        const c = lengthCode[run]!;
        const len = lengths[257 + c]!;
        runBits[run] = codes[257 + c]! | ((run - LENGTH_BASE[c]!) << len);
        runCount[run] = len + LENGTH_EXTRA[c]! + 1;
      }
      emitTokens(w, tokens, n, codes, lengths, runBits, runCount);
      writeBits(w, codes[END_OF_BLOCK]!, lengths[END_OF_BLOCK]!);
    }
    if (w.count > 0) w.out[w.pos++] = w.buf & 0xff;
    // Adler-32, big-endian.
    const adler = adler32(data);
    w.out[w.pos++] = adler >>> 24;
    w.out[w.pos++] = (adler >>> 16) & 0xff;
    w.out[w.pos++] = (adler >>> 8) & 0xff;
    w.out[w.pos++] = adler & 0xff;
    return w.out.subarray(0, w.pos);
  };
}

/** rleDeflate for callers in this process (tests, the page's fallback without workers). */
export const rleDeflate: RleDeflate = rleDeflateScope();
