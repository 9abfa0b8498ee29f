import type { LabelValue, TrainingExample } from '@mlops/model';
import { ModelDataError } from '../errors';
import type { DataTable, TableValue } from './data-table';
import type { ColumnRoles } from './resolve-roles';

/** Integer labels with at most this many distinct values are classes (the retraining rule). */
const MAX_NUMERIC_CLASSES = 10;

export type TaskKind = 'classification' | 'regression';

/** Classification for text or boolean labels and for a few distinct integers; otherwise regression. */
export function inferTaskKind(labels: readonly LabelValue[]): TaskKind {
  const numeric = labels.length > 0 && labels.every((l) => typeof l === 'number');
  if (!numeric) return 'classification';
  const distinct = new Set(labels);
  return labels.every((l) => Number.isInteger(l)) && distinct.size <= MAX_NUMERIC_CLASSES ? 'classification' : 'regression';
}

/** Distinct labels, canonical order (numbers ascending, then text, false before true), as the model sorts classes. */
export function distinctLabels(labels: readonly LabelValue[]): LabelValue[] {
  const seen = new Map<string, LabelValue>();
  for (const l of labels) seen.set(`${typeof l}:${String(l)}`, l);
  const rank = (l: LabelValue) => (typeof l === 'number' ? 0 : typeof l === 'string' ? 1 : 2);
  return [...seen.values()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export interface TrainingRows {
  /** Rows with a target value, in time order when a time column was given, else in file order. */
  readonly examples: TrainingExample[];
  /** Rows left out because their target is missing. */
  readonly unlabeled: number;
}

/**
 * The rows `trainAndRegister` trains on: the feature columns as a record per row (missing values
 * as null) and the target as the label. Rows without a target value are left out and counted.
 * With event times, rows are sorted oldest first, so the held-out slice is the newest data.
 */
export function trainingRows(table: DataTable, roles: ColumnRoles, times?: readonly number[]): TrainingRows {
  if (roles.target === undefined) throw new Error('trainingRows needs a target column');
  const target = roles.target;
  const names = roles.features.map((i) => table.columns[i].name);
  let order = table.rows.map((_, i) => i);
  if (times) order = order.sort((a, b) => times[a] - times[b] || a - b);
  const examples: TrainingExample[] = [];
  let unlabeled = 0;
  for (const r of order) {
    const row = table.rows[r];
    const label = row[target];
    if (label === null) {
      unlabeled++;
      continue;
    }
    const features: Record<string, TableValue> = {};
    roles.features.forEach((c, k) => (features[names[k]] = row[c]));
    examples.push({ features, label });
  }
  return { examples, unlabeled };
}

/**
 * What `trainAndRegister` would reject, said in the CLI's terms before any training: no labeled
 * row, or a classification target with a single class. The message names the column and file.
 */
export function checkTrainable(table: DataTable, targetName: string, rows: TrainingRows, minRows: number): void {
  const { examples } = rows;
  const where = `--target ${JSON.stringify(targetName)} in ${table.file}`;
  if (examples.length === 0) throw new ModelDataError(`${where}: every value is missing; there is nothing to train on`);
  if (examples.length < minRows) throw new ModelDataError(`${where}: ${examples.length} labeled row(s); at least ${minRows} are needed (--min-rows)`);
  const labels = examples.map((e) => e.label);
  if (inferTaskKind(labels) === 'classification') {
    const classes = distinctLabels(labels);
    if (classes.length < 2) throw new ModelDataError(`${where}: every one of the ${labels.length} labels is ${JSON.stringify(classes[0])}; a single class cannot train a classifier`);
  }
}
