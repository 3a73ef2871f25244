/**
 * PNG writing with the browser's native deflate (CompressionStream), which runs off the main
 * thread: the page can draw the next pass while the previous one compresses. Falls back to
 * fast-png where CompressionStream is missing. Only what the id and depth passes need:
 * grey or RGB, 8 or 16 bits, no filter, no interlace.
 */
import { encode } from 'fast-png';

export interface RawImage {
  widthPx: number;
  heightPx: number;
  channels: 1 | 3;
  bitDepth: 8 | 16;
  /** Samples, rows top-down; 16-bit samples in a Uint16Array. */
  data: Uint8Array | Uint16Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return crc;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, (crc32(out.subarray(4, 8 + body.length)) ^ 0xffffffff) >>> 0);
  return out;
}

/** Scanlines with a leading filter byte (0 = none); 16-bit samples big-endian as PNG wants. */
function scanlines(img: RawImage): Uint8Array {
  const rowBytes = img.widthPx * img.channels * (img.bitDepth / 8);
  const out = new Uint8Array((rowBytes + 1) * img.heightPx);
  if (img.bitDepth === 8) {
    const src = img.data as Uint8Array;
    for (let y = 0; y < img.heightPx; y++) out.set(src.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  } else {
    const src = img.data as Uint16Array;
    const perRow = img.widthPx * img.channels;
    for (let y = 0; y < img.heightPx; y++) {
      let o = y * (rowBytes + 1) + 1;
      for (let i = y * perRow, end = i + perRow; i < end; i++, o += 2) {
        out[o] = src[i] >> 8;
        out[o + 1] = src[i] & 0xff;
      }
    }
  }
  return out;
}

export async function writePng(img: RawImage): Promise<Uint8Array> {
  if (typeof CompressionStream === 'undefined') {
    return encode({ width: img.widthPx, height: img.heightPx, data: img.data, channels: img.channels, depth: img.bitDepth });
  }
  // 'deflate' is the zlib format (RFC 1950), which is what IDAT holds.
  const stream = new Blob([scanlines(img) as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  const idat = new Uint8Array(await new Response(stream).arrayBuffer());
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, img.widthPx);
  v.setUint32(4, img.heightPx);
  ihdr[8] = img.bitDepth;
  ihdr[9] = img.channels === 1 ? 0 : 2; // colour type: grey or RGB
  const parts = [Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
