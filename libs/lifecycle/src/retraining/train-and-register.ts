import type { DataWindow, ModelRegistered, ModelRejected } from '@mlops/contracts';
import type { TabularModel, TrainingExample } from '@mlops/model';
import type { StructuredLogger } from '@mlops/observability';
import type { KafkaOffsetRange, ModelRegistry, ModelVersion } from '@mlops/registry';
import { checkTrainingSet } from './check-training-set';
import { compareWithChampion } from './compare-with-champion';
import { evaluateOnHoldout } from './evaluate-on-holdout';
import { loadChampion, type LoadedChampion } from './load-champion';
import { defaultPrimaryMetric } from './metric-direction';
import { modelRegisteredEvent, modelRejectedEvent } from './model-events';
import { registerChallenger } from './register-challenger';
import { resolveTask } from './resolve-task';
import type { RetrainSettings } from './retrain-settings';
import { RetrainRejection } from './retrain-rejection';
import { splitHoldout } from './split-holdout';
import { trainChallenger } from './train-challenger';
import { trainingParams, trainingTags, type TrainingTrigger } from './training-record';

export type RetrainStage = 'champion' | 'train' | 'evaluate' | 'register';

export interface TrainAndRegisterInput {
  model: string;
  /** Labeled rows, oldest first: the most recent slice is held out. */
  examples: readonly TrainingExample[];
  /**
   * Rows of the original training data to mix in (see sampleRows): they join the training part
   * only, never the held-out slice, which stays the most recent data.
   */
  baseExamples?: readonly TrainingExample[];
  requestId: string;
  dataWindow: DataWindow;
  trigger: TrainingTrigger;
  /** The RetrainRequest's reason and report, recorded as tags. */
  reason?: string;
  reportRef?: string;
  kafkaOffsets?: KafkaOffsetRange[];
  /** Requests answered by this training too (coalesced while it waited). */
  coalescedRequestIds?: readonly string[];
  /** Who trained it (tag `trainer`): `retraining` in the service, `cli` for `mlops train`. */
  trainer?: string;
  settings: RetrainSettings;
}

export interface TrainAndRegisterDeps {
  registry: ModelRegistry;
  /** Scratch folder for downloads and saves; each run uses and removes its own subfolder. */
  workDir: string;
  logger: StructuredLogger;
  now?: () => Date;
  /** Duration of each stage, for metrics and benchmarks. */
  onStage?: (stage: RetrainStage, seconds: number) => void;
}

export type RetrainOutcome =
  | { kind: 'registered'; event: ModelRegistered; version: ModelVersion }
  | { kind: 'rejected'; event: ModelRejected };

/**
 * The training flow shared by the retraining service and `mlops train`: checks the rows, loads
 * the champion, trains a challenger on the older rows, evaluates both on the most recent slice,
 * registers the challenger whatever the comparison says (metrics, params, baseline profile,
 * lineage) and returns its ModelRegistered; or, when the data is unusable or training or
 * evaluation fails, the ModelRejected saying why. Publishing is the caller's job. An unavailable
 * registry is thrown (RegistryUnavailableError, retriable).
 */
export async function trainAndRegister(input: TrainAndRegisterInput, deps: TrainAndRegisterDeps): Promise<RetrainOutcome> {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ model: input.model, requestId: input.requestId });
  const window = `[${input.dataWindow.from}, ${input.dataWindow.to})`;
  const reject = (error: RetrainRejection): RetrainOutcome => {
    log.warn('retraining rejected', { reason: error.reason, detail: error.detail });
    const event = modelRejectedEvent({ model: input.model, requestId: input.requestId, reason: error.reason, detail: error.detail }, now());
    return { kind: 'rejected', event };
  };
  const timed = async <T>(stage: RetrainStage, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      deps.onStage?.(stage, (performance.now() - started) / 1000);
    }
  };

  if (input.examples.length < input.settings.minRows) {
    const detail = `${input.examples.length} labeled row(s) in ${window}; at least ${input.settings.minRows} are needed`;
    return reject(new RetrainRejection('insufficient_data', detail));
  }

  let champion: LoadedChampion | undefined;
  let challenger: TabularModel | undefined;
  try {
    champion = await timed('champion', () => loadChampion(deps.registry, input.model, deps.workDir, log));
    const labels = input.examples.map((e) => e.label);
    const base = input.baseExamples ?? [];
    const plan = resolveTask(labels, featureNames([...base, ...input.examples]), {
      champion: champion?.model && { task: champion.model.task, classes: champion.model.classes, schema: champion.model.schema },
      categoricalFeatures: input.settings.categoricalFeatures,
    });
    const split = splitHoldout(input.examples, input.settings.holdoutFraction);
    const { holdout } = split;
    const train = [...base, ...split.train];
    const check = checkTrainingSet({ task: plan.task, labels, trainLabels: train.map((e) => e.label), minRows: input.settings.minRows, window });
    if (!check.ok) throw new RetrainRejection('insufficient_data', check.detail);

    log.info('training challenger', { rows: input.examples.length, baseRows: base.length, trainRows: train.length, holdoutRows: holdout.length, task: plan.task, championVersion: champion?.version.version });
    const trained = await timed('train', () => trainChallenger({ rows: train, plan, settings: input.settings, dataWindow: input.dataWindow, champion: champion?.model, logger: log }));
    challenger = trained;
    const evaluation = await timed('evaluate', () => evaluateOnHoldout(holdout, trained, champion?.model));
    const primaryMetric = input.settings.primaryMetric ?? defaultPrimaryMetric(plan.task);
    let comparison;
    try {
      comparison = compareWithChampion({
        primaryMetric,
        challengerMetrics: evaluation.challenger,
        champion: champion && { version: champion.version.version, metrics: evaluation.champion },
        minImprovement: input.settings.minImprovement,
      });
    } catch (error) {
      throw new RetrainRejection('evaluation_failed', (error as Error).message);
    }
    const version = await timed('register', () =>
      registerChallenger(
        {
          model: input.model,
          challenger: trained,
          metrics: evaluation.challenger,
          comparison,
          lineage: {
            ...(champion && { parentVersion: champion.version.version }),
            requestId: input.requestId,
            dataWindow: input.dataWindow,
            ...(input.kafkaOffsets && input.kafkaOffsets.length > 0 && { kafkaOffsets: input.kafkaOffsets }),
          },
          params: trainingParams(trained, { rows: input.examples.length, baseRows: base.length, trainRows: train.length, evaluation, primaryMetric, settings: input.settings }),
          tags: trainingTags(input, champion?.problem ?? evaluation.championProblem),
          description: `challenger for request ${input.requestId} (${input.trigger}), trained on ${train.length} rows of ${window}`,
        },
        { registry: deps.registry, workDir: deps.workDir, logger: log },
      ),
    );
    log.info('challenger registered', { version: version.version, primaryMetric, challenger: comparison.challenger, champion: comparison.champion, outperformsChampion: comparison.outperformsChampion });
    return { kind: 'registered', version, event: modelRegisteredEvent(version, comparison, now()) };
  } catch (error) {
    if (error instanceof RetrainRejection) return reject(error);
    throw error;
  } finally {
    challenger?.dispose();
    champion?.model?.dispose();
  }
}

/** Every feature name in the rows (a feature may be absent from some rows' keys). */
function featureNames(examples: readonly TrainingExample[]): string[] {
  const names = new Set<string>();
  for (const e of examples) for (const name of Object.keys(e.features)) names.add(name);
  return [...names];
}
