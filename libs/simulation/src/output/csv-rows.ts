import type { FeatureValue } from '@mlops/contracts';
import type { FeatureSpec } from '../generators/tabular-generator';
import type { PredictionRecord } from '../stream/simulation-record';

/** Name of the ground-truth column. */
export const LABEL_COLUMN = 'label';
/** Optional columns that place a row in the stream; off by default so a training or drift CSV holds only features and label. */
export const META_COLUMNS = ['eventId', 'timestamp', 'phase', 'prediction'] as const;

export interface CsvLayoutOptions {
  /** Add eventId, timestamp, phase and prediction in front of the features. */
  meta?: boolean;
}

export type CsvCell = FeatureValue | undefined;

/** The header row: [meta columns], every feature in generator order, then the label. */
export function csvColumns(features: readonly FeatureSpec[], options: CsvLayoutOptions = {}): string[] {
  return [...(options.meta ? META_COLUMNS : []), ...features.map((f) => f.name), LABEL_COLUMN];
}

/**
 * One prediction as a CSV row in the order of `csvColumns`. Missing values stay null (an empty
 * cell). The label is the ground truth, present whether or not the stream ever sends it.
 */
export function toCsvRow(record: PredictionRecord, features: readonly FeatureSpec[], options: CsvLayoutOptions = {}): CsvCell[] {
  const meta: CsvCell[] = options.meta
    ? [record.event.eventId, record.event.timestamp, record.phase, predictedLabel(record.event.prediction)]
    : [];
  return [...meta, ...features.map((f) => record.event.features[f.name] ?? null), record.truth.label];
}

function predictedLabel(prediction: PredictionRecord['event']['prediction']): FeatureValue {
  return typeof prediction === 'object' ? prediction.label : prediction;
}
