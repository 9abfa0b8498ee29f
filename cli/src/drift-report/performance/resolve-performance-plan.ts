import type { Label } from '@mlops/drift-stats';
import { UsageError } from '../errors';
import type { ColumnMapping } from '../schema/column-mapping.schema';
import type { PlannedColumn } from '../schema/column-plan';
import type { ColumnTally } from '../schema/column-tally';
import type { PerformancePlan, Task } from './performance.types';

/** Integer targets with at most this many distinct values are class labels. */
const MAX_CLASSES_FOR_NUMBERS = 5;

/**
 * How to measure performance, or null without both a target and a prediction. The task is the
 * mapping's, else classification for text and boolean targets and for integer targets with at
 * most 5 distinct values (in the first rows), else regression.
 */
export function resolvePerformancePlan(columns: readonly PlannedColumn[], mapping: ColumnMapping, targetTally: ColumnTally | undefined): PerformancePlan | null {
  const targetColumn = columns.findIndex((c) => c.role === 'label');
  const predictionColumn = columns.findIndex((c) => c.role === 'prediction');
  if (targetColumn < 0 || predictionColumn < 0) return null;
  const target = columns[targetColumn];
  const prediction = columns[predictionColumn];
  const task: Task = mapping.task ?? defaultTask(target, targetTally);
  if (task === 'regression' && (target.type !== 'numerical' || prediction.type !== 'numerical')) {
    const odd = target.type !== 'numerical' ? target : prediction;
    throw new UsageError(`regression needs a numerical target and prediction, but ${JSON.stringify(odd.name)} is ${odd.type}`);
  }
  const labelsAsText = target.type !== prediction.type;
  const positiveLabel: Label = mapping.positiveLabel ?? defaultPositive(target, labelsAsText);
  return { task, targetColumn, predictionColumn, labelsAsText, positiveLabel };
}

/** 1 for numbers and booleans (read as 1/0); as text, "true" for a boolean target, else "1". */
function defaultPositive(target: PlannedColumn, labelsAsText: boolean): Label {
  if (labelsAsText) return target.type === 'boolean' ? 'true' : '1';
  return target.type === 'categorical' ? '1' : 1;
}

function defaultTask(target: PlannedColumn, tally: ColumnTally | undefined): Task {
  if (target.type !== 'numerical') return 'classification';
  const integerLabels = tally !== undefined && tally.integersOnly && tally.distinctNumbers.size <= MAX_CLASSES_FOR_NUMBERS;
  return integerLabels ? 'classification' : 'regression';
}
