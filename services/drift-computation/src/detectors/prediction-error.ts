import type { LabelValue } from '../events/monitored-event';
import type { ErrorKind } from './error-sequence';

/** Booleans read as 1/0, as drift-stats' metrics read labels, so `true` and `1` are one class. */
const asClass = (label: LabelValue): string | number => (typeof label === 'boolean' ? (label ? 1 : 0) : label);

/**
 * The error of one labeled prediction as the detectors see it: 1 when a classifier was wrong
 * (0 when right), the absolute error of a regression; NaN when it cannot be told.
 */
export function predictionError(kind: ErrorKind, label: LabelValue, predicted: LabelValue): number {
  if (kind === 'binary') return asClass(label) === asClass(predicted) ? 0 : 1;
  return Math.abs(Number(label) - Number(predicted));
}
