/** A class label or a regression target, as LabelEvent and PredictionEvent carry them. */
export type LabelValue = string | number | boolean;

export const TASKS = ['binary', 'multiclass', 'regression'] as const;
/** binary: one sigmoid output; multiclass: softmax over the classes; regression: one linear output. */
export type Task = (typeof TASKS)[number];

/**
 * What the model learned about its target, saved in `preprocessing.json`.
 * Binary: `classes[1]` is the positive class, whose probability is the sigmoid output.
 * Multiclass: output i is the probability of `classes[i]`.
 */
export interface ClassificationTarget {
  readonly task: 'binary' | 'multiclass';
  readonly classes: readonly LabelValue[];
}

/** Regression: the network predicts (y − mean) / std, and predictions are mapped back. */
export interface RegressionTarget {
  readonly task: 'regression';
  readonly mean: number;
  readonly std: number;
}

export type TargetEncoding = ClassificationTarget | RegressionTarget;

/** Number of network outputs. */
export function outputUnits(target: TargetEncoding): number {
  return target.task === 'multiclass' ? target.classes.length : 1;
}

/** Map key of a label: `1` and `"1"` are different classes. */
export function labelKey(label: LabelValue): string {
  return `${typeof label}:${String(label)}`;
}
