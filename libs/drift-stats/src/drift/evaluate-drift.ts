import { InvalidParameterError } from '../errors';
import { assertSameSchema, DatasetProfile } from '../profile/dataset-profile';
import type { FeatureProfile } from '../profile/feature-profile';
import { defaultMethod } from '../selection/default-method';
import { getStatTest } from '../stat-tests/registry';
import type { StatTestOptions } from '../stat-tests/stat-test.types';
import type { ColumnDriftResult, DatasetDriftSummary, DriftEvaluationOptions } from './drift-evaluation.types';
import type { DriftEvaluation } from './drift-evaluation.types';

export const DEFAULT_DATASET_DRIFT_SHARE = 0.1;

/**
 * Drift of a current profile (usually a window) against a reference: every column tested with
 * its configured or default method, the share of drifted input features against the dataset
 * threshold, and prediction and label drift reported apart.
 *
 * Schemas must match (same features, types and bin edges; memory parameters may differ):
 * otherwise SchemaMismatchError names the first offending feature.
 */
export function evaluateDrift(reference: DatasetProfile, current: DatasetProfile, options: DriftEvaluationOptions = {}): DriftEvaluation {
  assertSameSchema(reference, current, false);
  const shareThreshold = options.datasetDriftShare ?? DEFAULT_DATASET_DRIFT_SHARE;
  if (!(shareThreshold >= 0 && shareThreshold <= 1)) {
    throw new InvalidParameterError('datasetDriftShare', shareThreshold, 'a share in [0, 1]');
  }
  for (const name of Object.keys(options.columns ?? {})) {
    reference.feature(name); // throws SchemaMismatchError naming an unknown column
  }
  const columns = reference.features().map((ref) => evaluateColumn(ref, current.feature(ref.name), options));
  const features = columns.filter((c) => c.role === 'feature');
  const evaluated = features.filter((c) => !c.insufficientData);
  const driftedCount = evaluated.filter((c) => c.drifted).length;
  const share = evaluated.length === 0 ? 0 : driftedCount / evaluated.length;
  const datasetDrift: DatasetDriftSummary = {
    share,
    threshold: shareThreshold,
    drifted: share > shareThreshold,
    driftedCount,
    evaluatedCount: evaluated.length,
    skippedCount: features.length - evaluated.length,
  };
  return {
    columns,
    datasetDrift,
    predictionDrift: columns.find((c) => c.role === 'prediction') ?? null,
    labelDrift: columns.find((c) => c.role === 'label') ?? null,
  };
}

function evaluateColumn(ref: FeatureProfile, cur: FeatureProfile, options: DriftEvaluationOptions): ColumnDriftResult {
  const name = ref.name;
  const configured = options.columns?.[name] ?? {};
  const refCount = ref.summary().count;
  const fallback = defaultMethod(ref.spec, refCount, { effectAware: options.effectAware });
  const method = configured.method ?? fallback.method;
  const test = getStatTest(method, name);
  const sameAsDefault = method === fallback.method;
  const minEffect = configured.minEffect === null ? undefined : (configured.minEffect ?? (sameAsDefault ? fallback.minEffect : undefined));
  const threshold = configured.threshold ?? (sameAsDefault ? fallback.threshold : undefined);
  const testOptions: StatTestOptions = {
    feature: name,
    ...(minEffect !== undefined ? { minEffect } : {}),
    ...(configured.decideOn !== undefined ? { decideOn: configured.decideOn } : {}),
  };
  const result = test.run(ref, cur, threshold, testOptions);
  const s = cur.summary();
  const total = s.count + s.missing + s.invalid;
  return {
    name,
    type: ref.spec.type,
    role: ref.spec.role,
    ...result,
    referenceCount: refCount,
    currentCount: s.count,
    currentMissingShare: total === 0 ? 0 : (s.missing + s.invalid) / total,
  };
}
