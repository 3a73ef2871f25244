/** How labels treat objects that are barely seen. */
export interface LabelOptions {
  /** Objects with fewer visible pixels are flagged lowVisibility. */
  minVisiblePixels: number;
  /** Objects with a smaller visible fraction (1 - occlusion) are flagged lowVisibility. */
  minVisibleFraction: number;
  /**
   * Objects whose share of distinguishable pixels (contrast.ts) is smaller are flagged
   * lowVisibility; so are objects with fewer than minVisiblePixels distinguishable pixels.
   */
  minContrast: number;
  /** Drop flagged objects instead of keeping them (only when asked explicitly). */
  dropLowVisibility: boolean;
}

export const DEFAULT_LABEL_OPTIONS: Readonly<LabelOptions> = {
  minVisiblePixels: 20,
  minVisibleFraction: 0.1,
  minContrast: 0.05,
  dropLowVisibility: false,
};
