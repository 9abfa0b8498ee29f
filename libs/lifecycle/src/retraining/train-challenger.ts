import type { DataWindow } from '@mlops/contracts';
import { ModelError, trainTabularModel, type TabularModel, type TrainingExample, type TrainOptions } from '@mlops/model';
import type { StructuredLogger } from '@mlops/observability';
import type { TaskPlan } from './resolve-task';
import type { RetrainSettings } from './retrain-settings';
import { RetrainRejection } from './retrain-rejection';

/**
 * Trains the challenger on the older rows. Network settings start from the champion's (same
 * architecture, so the comparison is about the data) and are overridden by the configured ones.
 * A problem with the data or a diverging loss is a `training_failed` rejection.
 */
export async function trainChallenger(input: {
  rows: readonly TrainingExample[];
  plan: TaskPlan;
  settings: RetrainSettings;
  dataWindow: DataWindow;
  champion?: TabularModel;
  logger: StructuredLogger;
}): Promise<TabularModel> {
  const inherited = input.champion?.metadata.training.options;
  const options: TrainOptions = {
    ...(inherited && {
      hiddenUnits: inherited.hiddenUnits,
      activation: inherited.activation,
      learningRate: inherited.learningRate,
      batchSize: inherited.batchSize,
      maxEpochs: inherited.maxEpochs,
      patience: inherited.patience,
      minDelta: inherited.minDelta,
      validationFraction: inherited.validationFraction,
      minCategoryCount: inherited.minCategoryCount,
      maxCategories: inherited.maxCategories,
    }),
    ...input.settings.training,
    task: input.plan.task,
    ...(input.plan.positiveLabel !== undefined && { positiveLabel: input.plan.positiveLabel }),
    features: input.plan.features,
    seed: input.settings.seed,
    dataWindow: input.dataWindow,
    logger: input.logger,
  };
  try {
    return await trainTabularModel(input.rows, options);
  } catch (error) {
    if (error instanceof ModelError) throw new RetrainRejection('training_failed', `training failed: ${error.message}`, { cause: error });
    throw error;
  }
}
