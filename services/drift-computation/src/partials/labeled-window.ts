import { RegressionStats } from '@mlops/drift-stats';
import type { Baseline } from '../baselines/baseline';
import { ErrorSequence } from '../detectors/error-sequence';
import { predictionError } from '../detectors/prediction-error';
import type { LabelValue, MonitoredLabeledPrediction } from '../events/monitored-event';
import { addLabeled, createPerformanceStats, PerformanceStats } from './performance-stats';

/** What a source partition keeps per window of labeled predictions: the metrics and the error stream. */
export interface LabeledWindow {
  readonly performance: PerformanceStats;
  readonly errors: ErrorSequence;
}

/** The accumulator matching the baseline's task; null when the baseline has no prediction column. */
export function createLabeledWindow(baseline: Baseline, positiveLabel: LabelValue | undefined, errorCapacity: number): LabeledWindow | null {
  const performance = createPerformanceStats(baseline, positiveLabel);
  if (performance === null) return null;
  return { performance, errors: new ErrorSequence(performance instanceof RegressionStats ? 'real' : 'binary', errorCapacity) };
}

export function addLabeledEvent(window: LabeledWindow, event: MonitoredLabeledPrediction, positiveLabel: LabelValue | undefined): void {
  addLabeled(window.performance, event, positiveLabel);
  window.errors.add(predictionError(window.errors.kind, event.label, event.predicted));
}
