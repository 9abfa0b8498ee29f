import { ReferenceProfile, type FeatureSchema } from '@mlops/drift-stats';
import type { FeatureDefinition } from '../schema/feature-schema';
import type { TabularPrediction } from '../target/decode-outputs';
import type { LabelValue, TargetEncoding } from '../target/target-encoding';

/**
 * The baseline of a model: a @mlops/drift-stats ReferenceProfile of its training rows, with
 * the model's own prediction and the true label as extra columns. Drift computation profiles
 * each production window with the same schema (build its rows with `baselineRow`), so data,
 * prediction and concept drift are all measured against what the model was trained on.
 */
export const BASELINE_PREDICTION_COLUMN = '__prediction__';
/** Binary classification only: the positive-class probability, the richer signal for prediction drift. */
export const BASELINE_SCORE_COLUMN = '__score__';
export const BASELINE_LABEL_COLUMN = '__label__';
export const BASELINE_COLUMNS: readonly string[] = [BASELINE_PREDICTION_COLUMN, BASELINE_SCORE_COLUMN, BASELINE_LABEL_COLUMN];

/** The drift-stats schema of a model's baseline: its features, then prediction (and score), then label. */
export function baselineSchema(features: readonly FeatureDefinition[], target: TargetEncoding): FeatureSchema[] {
  const outcome: FeatureSchema['type'] =
    target.task === 'regression' ? 'numerical' : typeof target.classes[0] === 'boolean' ? 'boolean' : 'categorical';
  return [
    ...features.map((f): FeatureSchema => ({ name: f.name, type: f.type, role: 'feature' })),
    { name: BASELINE_PREDICTION_COLUMN, type: outcome, role: 'prediction' },
    ...(target.task === 'binary' ? [{ name: BASELINE_SCORE_COLUMN, type: 'numerical', role: 'prediction' } as const] : []),
    { name: BASELINE_LABEL_COLUMN, type: outcome, role: 'label' },
  ];
}

/**
 * One profile row from a prediction and (when it has arrived) its label. A missing label is
 * `null`, which the profile counts as missing.
 */
export function baselineRow(
  features: Readonly<Record<string, unknown>>,
  prediction: TabularPrediction,
  label: LabelValue | null,
): Record<string, unknown> {
  const row: Record<string, unknown> = { ...features, [BASELINE_LABEL_COLUMN]: label };
  if (typeof prediction === 'number') row[BASELINE_PREDICTION_COLUMN] = prediction;
  else {
    // The score column exists in binary baselines only; a profile ignores columns it lacks.
    row[BASELINE_PREDICTION_COLUMN] = prediction.label;
    row[BASELINE_SCORE_COLUMN] = prediction.score;
  }
  return row;
}

/** Profiles the training rows with the model's predictions and their labels. */
export function buildBaselineProfile(
  features: readonly Readonly<Record<string, unknown>>[],
  predictions: readonly TabularPrediction[],
  labels: readonly LabelValue[],
  schema: readonly FeatureDefinition[],
  target: TargetEncoding,
  seed: number,
): ReferenceProfile {
  // Columns rather than rows: the same profile without a merged object per training row.
  const columns: Record<string, unknown[]> = {};
  for (const f of schema) columns[f.name] = features.map((r) => r[f.name]);
  columns[BASELINE_PREDICTION_COLUMN] = predictions.map((p) => (typeof p === 'number' ? p : p.label));
  if (target.task === 'binary') columns[BASELINE_SCORE_COLUMN] = predictions.map((p) => (typeof p === 'number' ? p : p.score));
  columns[BASELINE_LABEL_COLUMN] = [...labels];
  return ReferenceProfile.fromColumns(columns, baselineSchema(schema, target), { seed });
}
