import type { FeatureRecord } from '../schema/feature-schema';
import type { LabelValue } from '../target/target-encoding';

/** One labeled row, as the retraining service reads it from `predictions.labeled`. */
export interface TrainingExample {
  readonly features: FeatureRecord;
  readonly label: LabelValue;
}
