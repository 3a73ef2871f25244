/**
 * Resolution that follows the frame rate while the preview moves (playing, orbiting): when a
 * busy machine drops continuous drawing below 18 frames per second, the viewport draws fewer
 * pixels (75 %, then 50 % per side) and the browser scales them up; when the frame rate would
 * stay above 22 at the next level up, it goes back. Idle frames (a single redraw after a
 * pause) say nothing about the rate and are not counted.
 */

/** Resolution levels, as rendered pixels per css pixel along each side. */
export const RESOLUTION_LEVELS = [1, 0.75, 0.5] as const;

/** Frame rate below which the level steps down [frames/s]. */
const MIN_FPS = 18;
/** Frame rate the next level up must keep (estimated from its pixel count) to step up [frames/s]. */
const UP_FPS = 22;
/** Frames drawn in a row needed before a decision. */
const WINDOW = 16;
/** A gap longer than this ends a run of continuous drawing [ms]. */
export const IDLE_GAP_MS = 250;

export class AdaptiveResolution {
  private level = 0;
  private lastMs = -Infinity;
  private readonly intervals: number[] = [];

  /** Current scale (1 = full resolution). */
  get scale(): number {
    return RESOLUTION_LEVELS[this.level] as number;
  }

  /** Back to full resolution, forgetting the history (new scene, new resolution setting). */
  reset(): void {
    this.level = 0;
    this.lastMs = -Infinity;
    this.intervals.length = 0;
  }

  /** Records a drawn frame at `nowMs`; returns true when the scale changed. */
  record(nowMs: number): boolean {
    const gap = nowMs - this.lastMs;
    this.lastMs = nowMs;
    if (gap > IDLE_GAP_MS) {
      this.intervals.length = 0;
      return false;
    }
    this.intervals.push(gap);
    if (this.intervals.length < WINDOW) return false;
    const sorted = [...this.intervals].sort((a, b) => a - b);
    const medianMs = sorted[sorted.length >> 1] as number;
    this.intervals.length = 0;
    if (1000 / medianMs < MIN_FPS && this.level < RESOLUTION_LEVELS.length - 1) {
      this.level++;
      return true;
    }
    if (this.level > 0) {
      // Frame time grows about with the pixel count.
      const up = (RESOLUTION_LEVELS[this.level - 1] as number) / this.scale;
      if (1000 / (medianMs * up * up) > UP_FPS) {
        this.level--;
        return true;
      }
    }
    return false;
  }
}
