import type { TrainingOptionsInput } from '@mlops/model';

/** Network and optimiser settings that override the champion's (or the library defaults). */
export type TrainingOverrides = Partial<
  Pick<TrainingOptionsInput, 'hiddenUnits' | 'learningRate' | 'batchSize' | 'maxEpochs' | 'patience' | 'validationFraction'>
>;

/** How a challenger is trained, evaluated and compared; the service builds it from its config. */
export interface RetrainSettings {
  /** Fewer labeled rows than this is `insufficient_data`. */
  readonly minRows: number;
  /** Share of rows, the most recent in time, held out to evaluate challenger and champion. */
  readonly holdoutFraction: number;
  /** The metric of the comparison; default: `accuracy` for classification, `rmse` for regression. */
  readonly primaryMetric?: string;
  /** How much the challenger must beat the champion by for `outperformsChampion` (in metric units). */
  readonly minImprovement: number;
  readonly seed: number;
  readonly training: TrainingOverrides;
  /** Features to treat as categories when there is no champion to take the schema from. */
  readonly categoricalFeatures: readonly string[];
}

export const DEFAULT_RETRAIN_SETTINGS: RetrainSettings = {
  minRows: 200,
  holdoutFraction: 0.2,
  minImprovement: 0,
  seed: 0,
  training: {},
  categoricalFeatures: [],
};
