import { METRIC_NAME_PATTERN } from '@mlops/contracts';
import { UsageError } from '../../drift-report/errors';
import type { ReferenceDataOptions } from '../baseline/reference-baseline';
import type { OutputOptions } from '../flags/common-flags';
import { FlagReader } from '../flags/flag-reader';

/** `mlops register --artifact`: a version trained elsewhere, stored as a new registry version. */
export interface ArtifactRegistration extends ReferenceDataOptions {
  readonly kind: 'artifact';
  readonly model: string;
  readonly artifact: string;
  /** `--metric name=value`: measured by the team's pipeline; they win over those computed from the reference. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly primaryMetric?: string;
  /** The champion's value of the primary metric on the same evaluation data, for the metric gate. */
  readonly championMetric?: number;
  readonly minImprovement: number;
  readonly requestId: string;
  /** Whether --request-id named the RetrainRequest this version answers. */
  readonly answersRequest: boolean;
  readonly publish: boolean;
  readonly output: OutputOptions;
}

/** `mlops register --from-event`: a ModelRegistered for a version already in the registry, checked and published. */
export interface EventRegistration {
  readonly kind: 'event';
  readonly model?: string;
  readonly eventFile: string;
  readonly publish: boolean;
  readonly output: OutputOptions;
}

export type RegisterOptions = ArtifactRegistration | EventRegistration;

/** Checks `mlops register`'s flags; every problem is listed in one UsageError (exit code 2). */
export function parseRegisterFlags(flags: Readonly<Record<string, unknown>>, newRequestId: () => string): RegisterOptions {
  const read = new FlagReader(flags);
  const artifact = read.string('artifact');
  const eventFile = read.string('fromEvent');
  const publish = flags['publish'] !== false;
  if ((artifact === undefined) === (eventFile === undefined)) {
    throw new UsageError('give exactly one of --artifact <dir> (a new version trained elsewhere) and --from-event <file> (a ModelRegistered for a version already registered)');
  }
  if (eventFile !== undefined) {
    const model = read.string('model') === undefined ? undefined : read.model();
    const unused = ['reference', 'metric', 'target', 'prediction', 'championMetric', 'requestId'].filter((k) => flags[k] !== undefined);
    if (unused.length > 0) read.problems.push(`--from-event takes everything from the event; drop ${unused.map(flagOf).join(', ')}`);
    read.done();
    return { kind: 'event', ...(model !== undefined && { model }), eventFile, publish, output: read.output() };
  }
  const model = read.model();
  const reference = read.string('reference');
  if (reference === undefined) read.problems.push('--reference: required with --artifact (the data the version was trained or validated on: its baseline profile)');
  const task = read.string('task');
  if (task !== undefined && task !== 'classification' && task !== 'regression') read.problems.push(`--task: expected classification or regression, got ${JSON.stringify(task)}`);
  const primaryMetric = read.string('primaryMetric');
  if (primaryMetric !== undefined && !METRIC_NAME_PATTERN.test(primaryMetric)) read.problems.push(`--primary-metric: expected a metric name such as accuracy, got ${JSON.stringify(primaryMetric)}`);
  const givenId = read.string('requestId');
  const options: ArtifactRegistration = {
    kind: 'artifact',
    model,
    artifact: artifact as string,
    reference: reference ?? '',
    target: read.string('target'),
    prediction: read.string('prediction'),
    score: read.string('score'),
    ...(task === 'classification' || task === 'regression' ? { task } : {}),
    ignore: read.list('ignore'),
    categorical: read.list('categorical'),
    timeColumn: read.string('timeColumn'),
    dataWindow: read.dataWindow(),
    metrics: parseMetrics(read),
    ...(primaryMetric !== undefined && { primaryMetric }),
    championMetric: read.number('--champion-metric', 'championMetric'),
    minImprovement: read.number('--min-improvement', 'minImprovement', { min: 0 }) ?? 0,
    requestId: read.requestId('--request-id', 'requestId', newRequestId()),
    answersRequest: givenId !== undefined,
    seed: read.number('--seed', 'seed', { min: 0, max: 4_294_967_295, integer: true }) ?? 0,
    file: read.dataFile(),
    publish,
    output: read.output(),
  };
  if (options.score !== undefined && options.prediction === undefined) read.problems.push('--score needs --prediction');
  if (options.timeColumn !== undefined && options.dataWindow !== undefined) read.problems.push('--time-column and --data-window exclude each other: the time column gives the window');
  read.done();
  return options;
}

/** `--metric accuracy=0.93` (repeatable, or comma-separated). */
function parseMetrics(read: FlagReader): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const item of read.list('metric')) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? '' : item.slice(0, eq).trim();
    const value = eq < 0 ? Number.NaN : Number(item.slice(eq + 1));
    if (!METRIC_NAME_PATTERN.test(name) || item.slice(eq + 1).trim() === '' || !Number.isFinite(value)) {
      read.problems.push(`--metric: expected NAME=VALUE with a finite value, e.g. accuracy=0.93, got ${JSON.stringify(item)}`);
      continue;
    }
    metrics[name] = value;
  }
  return metrics;
}

function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
