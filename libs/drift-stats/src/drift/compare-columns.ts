import { columnLength } from '../profile/dataset-profile';
import type { Columns, FeatureSchema } from '../profile/feature-schema';
import { inferSchema } from '../profile/infer-schema';
import { ReferenceProfile, ReferenceProfileOptions } from '../profile/reference-profile';
import { WindowProfile } from '../profile/window-profile';
import type { DriftEvaluation, DriftEvaluationOptions } from './drift-evaluation.types';
import { evaluateDrift } from './evaluate-drift';

export interface CompareColumnsOptions extends DriftEvaluationOptions {
  /** Schema of both datasets; inferred from the reference columns when absent. */
  readonly schema?: readonly FeatureSchema[];
  readonly profile?: Omit<ReferenceProfileOptions, 'sampleSize'>;
}

/**
 * Drift between two in-memory datasets (e.g. two CSV files): both sides are profiled keeping
 * every value, so every test runs exactly (no sketch approximation).
 */
export function compareColumns(reference: Columns, current: Columns, options: CompareColumnsOptions = {}): DriftEvaluation {
  const schema = options.schema ?? inferSchema(reference);
  const refRows = columnLength(reference);
  const curRows = columnLength(current);
  const ref = ReferenceProfile.fromColumns(reference, schema, { ...options.profile, sampleSize: Math.max(refRows, 1) });
  const window = WindowProfile.forReference(ref, { sampleSize: Math.max(curRows, 1), seed: options.profile?.seed });
  window.updateColumns(current);
  return evaluateDrift(ref, window, options);
}
