import { UsageError } from '../../drift-report/errors';
import type { ReferenceDataOptions } from './reference-baseline';
import type { OutputOptions } from '../flags/common-flags';
import { FlagReader } from '../flags/flag-reader';

/** `mlops baseline` after its flags were checked. */
export interface BaselineOptions extends ReferenceDataOptions {
  readonly model: string;
  readonly requestId: string;
  /** Make the version champion (gates, alias, ModelDeployed), so the drift service follows it. */
  readonly deploy: boolean;
  readonly output: OutputOptions;
}

/** Checks `mlops baseline`'s flags; every problem is listed in one UsageError (exit code 2). */
export function parseBaselineFlags(flags: Readonly<Record<string, unknown>>, newRequestId: () => string): BaselineOptions {
  const read = new FlagReader(flags);
  const reference = read.string('reference') ?? '';
  const task = read.string('task');
  if (task !== undefined && task !== 'classification' && task !== 'regression') read.problems.push(`--task: expected classification or regression, got ${JSON.stringify(task)}`);
  const options: BaselineOptions = {
    reference,
    model: read.model(),
    target: read.string('target'),
    prediction: read.string('prediction'),
    score: read.string('score'),
    ...(task === 'classification' || task === 'regression' ? { task } : {}),
    ignore: read.list('ignore'),
    categorical: read.list('categorical'),
    timeColumn: read.string('timeColumn'),
    dataWindow: read.dataWindow(),
    requestId: read.requestId('--request-id', 'requestId', newRequestId()),
    seed: read.number('--seed', 'seed', { min: 0, max: 4_294_967_295, integer: true }) ?? 0,
    file: read.dataFile(),
    deploy: read.bool('deploy'),
    output: read.output(),
  };
  if (options.score !== undefined && options.prediction === undefined) read.problems.push('--score needs --prediction (the score is the probability behind the predicted class)');
  if (options.timeColumn !== undefined && options.dataWindow !== undefined) read.problems.push('--time-column and --data-window exclude each other: the time column gives the window');
  read.done();
  if (reference === '') throw new UsageError('--reference: required');
  return options;
}
