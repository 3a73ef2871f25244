/** How labels treat objects that are barely seen. */
export interface LabelOptions {
  /** Objects with fewer visible pixels are flagged lowVisibility. */
  minVisiblePixels: number;
  /** Objects with a smaller visible fraction (1 - occlusion) are flagged lowVisibility. */
  minVisibleFraction: number;
  /** Objects whose outline stands out less (contrast.ts: share of outline samples) are flagged lowVisibility. */
  minContrast: number;
  /** Drop flagged objects instead of keeping them (only when asked explicitly). */
  dropLowVisibility: boolean;
}

export const DEFAULT_LABEL_OPTIONS: Readonly<LabelOptions> = {
  minVisiblePixels: 20,
  minVisibleFraction: 0.1,
  minContrast: 0.1,
  dropLowVisibility: false,
};
