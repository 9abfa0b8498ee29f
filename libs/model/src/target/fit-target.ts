import { MAX_CLASSES, MAX_LABEL_LENGTH } from '@mlops/contracts';
import { EmptyTrainingSetError, InvalidLabelError, InvalidModelOptionError, InvalidTrainingDataError, SingleClassError } from '../errors';
import { describeValue } from '../schema/describe-value';
import { labelKey, LabelValue, Task, TargetEncoding } from './target-encoding';

/**
 * Learns the target encoding. Classification labels must all have one type (numbers, strings
 * or booleans), with at least two classes; binary needs exactly two. Classes are sorted
 * (numbers ascending, strings by code unit, false before true), and in binary the second one
 * is positive unless `positiveLabel` names the other. Regression labels must be finite numbers;
 * their mean and std are taken from `trainRows` only.
 */
export function fitTarget(
  labels: readonly unknown[],
  task: Task,
  options: { positiveLabel?: LabelValue; trainRows?: readonly number[] } = {},
): TargetEncoding {
  if (labels.length === 0) throw new EmptyTrainingSetError();
  if (task !== 'binary' && options.positiveLabel !== undefined) throw new InvalidModelOptionError('positiveLabel', 'applies to task "binary" only');
  if (task === 'regression') return fitRegression(labels, options.trainRows);

  const first = typeof labels.find((l) => l !== null && l !== undefined);
  const byKey = new Map<string, LabelValue>();
  labels.forEach((label, row) => {
    const value = readClassLabel(label, row);
    if (typeof value !== first) throw new InvalidLabelError(`is ${describeValue(value)} but the first label is a ${first}; use one label type`, row);
    byKey.set(labelKey(value), value);
  });
  const classes = [...byKey.values()].sort(compareLabels);
  if (classes.length === 1) throw new SingleClassError(String(classes[0]));
  if (classes.length > MAX_CLASSES) throw new InvalidTrainingDataError(`the labels have ${classes.length} classes; at most ${MAX_CLASSES} are allowed`);
  if (task === 'binary' && classes.length !== 2) {
    throw new InvalidTrainingDataError(`task "binary" needs exactly 2 classes, the labels have ${classes.length}; use "multiclass"`);
  }
  if (task === 'binary' && options.positiveLabel !== undefined) {
    const positive = classes.findIndex((c) => labelKey(c) === labelKey(options.positiveLabel as LabelValue));
    if (positive === -1) throw new InvalidModelOptionError('positiveLabel', `must be one of the labels (${classes.map(String).join(', ')})`);
    if (positive === 0) classes.reverse();
  }
  return { task, classes };
}

function readClassLabel(label: unknown, row: number): LabelValue {
  if (typeof label === 'string') {
    if (label.length === 0 || label.length > MAX_LABEL_LENGTH) throw new InvalidLabelError(`must have 1 to ${MAX_LABEL_LENGTH} characters`, row);
    return label;
  }
  if (typeof label === 'number' && Number.isFinite(label)) return label;
  if (typeof label === 'boolean') return label;
  throw new InvalidLabelError(`must be a string, a finite number or a boolean, got ${describeValue(label)}`, row);
}

function fitRegression(labels: readonly unknown[], trainRows?: readonly number[]): TargetEncoding {
  labels.forEach((label, row) => {
    if (typeof label !== 'number' || !Number.isFinite(label)) {
      throw new InvalidLabelError(`must be a finite number for regression, got ${describeValue(label)}`, row);
    }
  });
  const rows = trainRows ?? labels.map((_, i) => i);
  let mean = 0;
  let m2 = 0;
  rows.forEach((r, i) => {
    const y = labels[r] as number;
    const d = y - mean;
    mean += d / (i + 1);
    m2 += d * (y - mean);
  });
  const std = rows.length > 0 ? Math.sqrt(m2 / rows.length) : 0;
  return { task: 'regression', mean, std: std > 0 && Number.isFinite(std) ? std : 1 };
}

export function compareLabels(a: LabelValue, b: LabelValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
