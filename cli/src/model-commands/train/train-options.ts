import type { DataWindow } from '@mlops/contracts';
import { DEFAULT_RETRAIN_SETTINGS, type PromotionPolicy, type RetrainSettings, type TrainingOverrides } from '@mlops/lifecycle';
import { UsageError } from '../../drift-report/errors';
import type { DataFileOptions, OutputOptions } from '../flags/common-flags';
import { FlagReader } from '../flags/flag-reader';
import { DEFAULT_TARGET } from './train-defaults';

/** `mlops train` after its flags were checked. */
export interface TrainOptions {
  readonly data: string;
  readonly model: string;
  readonly target: string;
  readonly ignore: readonly string[];
  readonly timeColumn?: string;
  readonly dataWindow?: DataWindow;
  readonly requestId: string;
  readonly file: DataFileOptions;
  /** What the retraining service reads from RETRAINING_*: here from flags, same defaults. */
  readonly settings: RetrainSettings;
  /** Run the gates and promote (CLI decides) … */
  readonly deploy: boolean;
  /** … or publish ModelRegistered and let the deployment service decide. */
  readonly publish: boolean;
  readonly policy: PromotionPolicy;
  readonly output: OutputOptions;
}

/** Checks `mlops train`'s flags; every problem is listed in one UsageError (exit code 2). */
export function parseTrainFlags(flags: Readonly<Record<string, unknown>>, newRequestId: () => string): TrainOptions {
  const read = new FlagReader(flags);
  const data = read.string('data') ?? '';
  const model = read.model();
  const hidden = read.string('hiddenUnits');
  if (hidden !== undefined && !/^\d+(,\d+)*$/.test(hidden)) read.problems.push(`--hidden-units: expected layer sizes such as 64,32, got ${JSON.stringify(hidden)}`);
  const training: TrainingOverrides = {
    ...(hidden !== undefined && /^\d+(,\d+)*$/.test(hidden) && { hiddenUnits: hidden.split(',').map(Number) }),
    ...optional('maxEpochs', read.number('--max-epochs', 'maxEpochs', { min: 1, max: 10_000, integer: true })),
    ...optional('learningRate', read.number('--learning-rate', 'learningRate', { min: 0, max: 1, exclusiveMin: true })),
    ...optional('batchSize', read.number('--batch-size', 'batchSize', { min: 1, max: 65_536, integer: true })),
  };
  const primaryMetric = read.string('primaryMetric');
  if (primaryMetric !== undefined && !/^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/.test(primaryMetric)) read.problems.push(`--primary-metric: expected a metric name such as accuracy or rmse, got ${JSON.stringify(primaryMetric)}`);
  const settings: RetrainSettings = {
    ...DEFAULT_RETRAIN_SETTINGS,
    minRows: read.number('--min-rows', 'minRows', { min: 2, integer: true }) ?? DEFAULT_RETRAIN_SETTINGS.minRows,
    holdoutFraction: read.number('--holdout-fraction', 'holdoutFraction', { min: 0, max: 0.9, exclusiveMin: true }) ?? DEFAULT_RETRAIN_SETTINGS.holdoutFraction,
    minImprovement: read.number('--min-improvement', 'minImprovement', { min: 0 }) ?? DEFAULT_RETRAIN_SETTINGS.minImprovement,
    seed: read.number('--seed', 'seed', { min: 0, max: 4_294_967_295, integer: true }) ?? DEFAULT_RETRAIN_SETTINGS.seed,
    ...(primaryMetric !== undefined && { primaryMetric }),
    training,
    categoricalFeatures: read.list('categorical'),
  };
  const policyMode = read.string('policy') ?? 'better';
  if (policyMode !== 'better' && policyMode !== 'not_worse') read.problems.push(`--policy: expected better or not_worse, got ${JSON.stringify(policyMode)}`);
  const options: TrainOptions = {
    data,
    model,
    target: read.string('target') ?? DEFAULT_TARGET,
    ignore: read.list('ignore'),
    timeColumn: read.string('timeColumn'),
    dataWindow: read.dataWindow(),
    requestId: read.requestId('--request-id', 'requestId', newRequestId()),
    file: read.dataFile(),
    settings,
    deploy: read.bool('deploy'),
    publish: read.bool('publish'),
    policy: { mode: policyMode === 'not_worse' ? 'not_worse' : 'better', margin: settings.minImprovement },
    output: read.output(),
  };
  if (options.deploy && options.publish) read.problems.push('--deploy and --publish exclude each other: --deploy runs the gates here, --publish leaves them to the deployment service');
  if (options.timeColumn !== undefined && options.dataWindow !== undefined) read.problems.push('--time-column and --data-window exclude each other: the time column gives the window');
  read.done();
  if (data === '') throw new UsageError('--data: required');
  return options;
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
