/** Series colours, the same in every chart, legend and table (colour-blind safe blue/orange pair). */
export const REFERENCE_COLOR = '#4c78a8';
export const CURRENT_COLOR = '#f58518';
export const METRIC_COLOR = '#54a24b';
export const THRESHOLD_COLOR = '#c5221f';
export const TEXT_COLOR = '#3c4043';
export const AXIS_COLOR = '#8a8f98';

export const SIDES = ['reference', 'current'] as const;
export type Side = (typeof SIDES)[number];
