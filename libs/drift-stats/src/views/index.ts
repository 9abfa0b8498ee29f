export type { FeatureView, NumericalView, CategoricalView, Histogram, ViewSource } from './feature-view';
export { OTHER_CATEGORY } from './feature-view';
export { toView, toNumericalView, numericalViewFromArray, categoricalViewFromArray } from './to-view';
export type { StatInput } from './to-view';
export { sortedNumericalView } from './sorted-numerical-view';
export type { SortedNumericalColumn } from './sorted-numerical-view';
export { alignCounts, histogramOf, proportions, smoothedProportions, ZERO_BIN_PROPORTION } from './binning';
export type { AlignedCounts } from './binning';
export { toViewPair } from './view-pair';
