import type { LabelValue, Task } from '@mlops/model';

export type TrainingSetCheck = { ok: true } | { ok: false; detail: string };

/**
 * Whether the rows can train and evaluate a challenger: enough of them, and for classification
 * at least two classes overall and in the training part (the older rows). The detail is what
 * the ModelRejected event says.
 */
export function checkTrainingSet(input: {
  task: Task;
  labels: readonly LabelValue[];
  trainLabels: readonly LabelValue[];
  minRows: number;
  window: string;
}): TrainingSetCheck {
  const { labels, minRows } = input;
  if (labels.length < minRows) {
    return { ok: false, detail: `${labels.length} labeled row(s) in ${input.window}; at least ${minRows} are needed` };
  }
  if (input.task === 'regression') return { ok: true };
  const classes = distinct(labels);
  if (classes.length < 2) return { ok: false, detail: `every one of the ${labels.length} labels in ${input.window} is ${JSON.stringify(classes[0])}: a single class cannot train a classifier` };
  const trainClasses = distinct(input.trainLabels);
  if (trainClasses.length < 2) {
    return { ok: false, detail: `the training rows (before the held-out slice) have a single class ${JSON.stringify(trainClasses[0])}` };
  }
  return { ok: true };
}

function distinct(labels: readonly LabelValue[]): LabelValue[] {
  const seen = new Map<string, LabelValue>();
  for (const label of labels) seen.set(`${typeof label}:${String(label)}`, label);
  return [...seen.values()];
}
