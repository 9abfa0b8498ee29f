import { profileFromJSON, ReferenceProfile } from '@mlops/drift-stats';
import { BASELINE_PREDICTION_COLUMN, BASELINE_SCORE_COLUMN } from '@mlops/model';

/** The reference of one model version: its training profile and the metrics measured at training. */
export interface Baseline {
  readonly model: string;
  readonly version: string;
  readonly reference: ReferenceProfile;
  /** Validation metrics recorded with the version in the registry (`accuracy`, `f1`, `rmse`, …). */
  readonly metrics: Readonly<Record<string, number>>;
  /** From the prediction column: numerical → regression, categorical/boolean → classification. */
  readonly task: 'classification' | 'regression' | null;
  /** The baseline profiles a score column (binary classifiers): fill it from the prediction's score. */
  readonly hasScore: boolean;
  /** Input features of the baseline, in schema order. */
  readonly features: readonly string[];
}

/** A baseline profile that cannot serve as a reference (not a reference profile, unreadable). */
export class InvalidBaselineError extends Error {
  constructor(model: string, version: string, reason: string) {
    super(`baseline of ${model} version ${version}: ${reason}`);
    this.name = 'InvalidBaselineError';
  }
}

/** Builds a Baseline from the registry's stored profile JSON and the version's metrics. */
export function toBaseline(model: string, version: string, profileJson: unknown, metrics: Readonly<Record<string, number>>): Baseline {
  let profile;
  try {
    profile = profileFromJSON(profileJson);
  } catch (error) {
    throw new InvalidBaselineError(model, version, (error as Error).message);
  }
  if (!(profile instanceof ReferenceProfile)) throw new InvalidBaselineError(model, version, 'is a window profile, not a reference profile');
  const specs = profile.specs;
  const prediction = specs.find((s) => s.name === BASELINE_PREDICTION_COLUMN);
  return {
    model,
    version,
    reference: profile,
    metrics: { ...metrics },
    task: prediction === undefined ? null : prediction.type === 'numerical' ? 'regression' : 'classification',
    hasScore: specs.some((s) => s.name === BASELINE_SCORE_COLUMN),
    features: specs.filter((s) => s.role === 'feature').map((s) => s.name),
  };
}
