/**
 * Readback buffers kept from frame to frame: each frame reads back three full-frame RGBA images
 * (11 MB at 1280x720) and hands them to the encoder workers, which give them back with the PNGs.
 * Allocating them anew each frame cost the page's thread the zeroing and page faults, and its
 * garbage collector the freeing.
 */
export class PixelPool {
  private readonly free: Uint8Array[] = [];

  /** @param kept  buffers kept at most; more are left to the garbage collector */
  constructor(private readonly kept = 8) {}

  /** A buffer of `bytes` bytes, with anything in it. */
  take(bytes: number): Uint8Array {
    const i = this.free.findIndex((b) => b.length === bytes);
    return i >= 0 ? this.free.splice(i, 1)[0]! : new Uint8Array(bytes);
  }

  /** Forgets every buffer kept (when the frame size changes). */
  clear(): void {
    this.free.length = 0;
  }

  /** Hands a buffer back; the caller must not use it afterwards. */
  give(buffer: Uint8Array): void {
    if (buffer.byteLength === 0) return; // transferred away: nothing to keep
    this.free.push(buffer);
    if (this.free.length > this.kept) this.free.shift();
  }
}
