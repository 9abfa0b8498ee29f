import type * as tf from '@tensorflow/tfjs';
import type { ReferenceProfile } from '@mlops/drift-stats';
import { computeMetrics } from '../evaluation/compute-metrics';
import type { Preprocessor, UnknownCategoryPolicy } from '../preprocessing/preprocessor';
import { DEFAULT_PREDICT_BATCH_SIZE, runNetwork } from '../prediction/run-network';
import type { FeatureDefinition } from '../schema/feature-schema';
import { decodeOutputs, TabularPrediction } from '../target/decode-outputs';
import { encodeTargets } from '../target/encode-target';
import type { LabelValue, TargetEncoding } from '../target/target-encoding';
import type { TrainingExample } from '../training/training-example';
import type { ModelMetadata, ModelMetrics } from './model-metadata';

export interface PredictOptions {
  /** Rows per network call (default DEFAULT_PREDICT_BATCH_SIZE). */
  readonly batchSize?: number;
  /** `bucket` (default) sends unseen categories to the unknown bucket; `error` refuses them. */
  readonly unknownCategories?: UnknownCategoryPolicy;
}

/**
 * A trained model: preprocessing, network, target encoding, metadata and baseline profile.
 * Created by `trainTabularModel` or `loadTabularModel`; holds tfjs tensors on the backend that
 * was active when it was created, so call `dispose()` when replacing it (hot swap).
 */
export class TabularModel {
  constructor(
    /** @internal the tfjs network; exposed for persistence and benchmarks. */
    readonly network: tf.LayersModel,
    readonly preprocessor: Preprocessor,
    readonly target: TargetEncoding,
    readonly metadata: ModelMetadata,
    readonly baseline: ReferenceProfile,
  ) {}

  get task(): TargetEncoding['task'] {
    return this.target.task;
  }

  get schema(): readonly FeatureDefinition[] {
    return this.preprocessor.schema;
  }

  /** Classification classes (binary: the second is positive); undefined for regression. */
  get classes(): readonly LabelValue[] | undefined {
    return this.target.task === 'regression' ? undefined : this.target.classes;
  }

  get metrics(): ModelMetrics {
    return this.metadata.metrics;
  }

  /** Throws the typed error a prediction of this record would raise; for validating at the edge. */
  validate(features: unknown, options: Pick<PredictOptions, 'unknownCategories'> = {}): void {
    this.preprocessor.check(features, options);
  }

  /**
   * Predictions for a batch of feature records, in order: `{ label, score, probabilities }` for
   * classification, a number for regression. Any record that does not fit the schema fails the
   * whole call with a typed error naming the feature and the row.
   */
  async predict(records: readonly unknown[], options: PredictOptions = {}): Promise<TabularPrediction[]> {
    return decodeOutputs(await this.predictOutputs(records, options), this.target);
  }

  /** Raw network outputs, row-major (1 per row, or one per class for multiclass). */
  async predictOutputs(records: readonly unknown[], options: PredictOptions = {}): Promise<Float32Array> {
    const input = this.preprocessor.transform(records, { unknownCategories: options.unknownCategories });
    return runNetwork(this.network, input, this.preprocessor.width, options.batchSize ?? DEFAULT_PREDICT_BATCH_SIZE);
  }

  /** Metrics on labeled rows (see computeMetrics); a label outside the model's classes is an error. */
  async evaluate(examples: readonly TrainingExample[], options: PredictOptions = {}): Promise<ModelMetrics> {
    const labels = examples.map((e) => e.label);
    // Encoding only checks the labels here: a class the model never saw fails before any work.
    encodeTargets(labels, this.target);
    const outputs = await this.predictOutputs(
      examples.map((e) => e.features),
      options,
    );
    return computeMetrics(outputs, labels, this.target);
  }

  /** Frees the network's tensors. The model cannot predict afterwards. */
  dispose(): void {
    this.network.dispose();
  }
}
