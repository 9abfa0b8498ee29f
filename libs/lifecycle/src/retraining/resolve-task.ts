import type { FeatureDefinition, LabelValue, Task } from '@mlops/model';

/** The champion's shape, when there is one: a challenger keeps its task, classes and feature types. */
export interface ChampionShape {
  readonly task: Task;
  readonly classes?: readonly LabelValue[];
  readonly schema: readonly FeatureDefinition[];
}

export interface TaskPlan {
  readonly task: Task;
  /** Binary: the class whose probability is the score (the champion's, so scores stay comparable). */
  readonly positiveLabel?: LabelValue;
  /** Declared feature types; features not listed are inferred from the rows. */
  readonly features: readonly FeatureDefinition[];
}

/** Integer labels with at most this many distinct values are classes, not a quantity. */
const MAX_NUMERIC_CLASSES = 10;

/**
 * Decides what to train. With a champion: its task, positive class and feature types (for the
 * features the rows still have). Without: classification for string or boolean labels and for a
 * few distinct integers, otherwise regression; binary with two classes, multiclass with more.
 */
export function resolveTask(
  labels: readonly LabelValue[],
  featureNames: readonly string[],
  options: { champion?: ChampionShape; categoricalFeatures?: readonly string[] } = {},
): TaskPlan {
  const present = new Set(featureNames);
  const { champion } = options;
  if (champion) {
    return {
      task: champion.task,
      ...(champion.task === 'binary' && champion.classes?.length === 2 && { positiveLabel: champion.classes[1] }),
      features: champion.schema.filter((f) => present.has(f.name)),
    };
  }
  const features = (options.categoricalFeatures ?? []).filter((name) => present.has(name)).map((name) => ({ name, type: 'categorical' as const }));
  const distinct = new Set(labels.map((l) => `${typeof l}:${String(l)}`));
  const numeric = labels.length > 0 && labels.every((l) => typeof l === 'number');
  const fewIntegers = labels.every((l) => Number.isInteger(l)) && distinct.size <= MAX_NUMERIC_CLASSES;
  if (numeric && !fewIntegers) return { task: 'regression', features };
  return { task: distinct.size > 2 ? 'multiclass' : 'binary', features };
}
