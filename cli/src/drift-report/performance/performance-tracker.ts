import { ClassificationStats, RegressionStats } from '@mlops/drift-stats';
import type { PlannedColumn } from '../schema/column-plan';
import type { BatchValues, ColumnBatch } from '../profile/column-batch';
import type { PerformanceMetrics, PerformancePlan } from './performance.types';

/**
 * Model performance over one file, batch by batch, with drift-stats' mergeable accumulators
 * (exact sums, confusion matrix): memory does not grow with the file.
 */
export class PerformanceTracker {
  private readonly classification: ClassificationStats | null;
  private readonly regression: RegressionStats | null;

  constructor(
    private readonly plan: PerformancePlan,
    private readonly columns: readonly PlannedColumn[],
  ) {
    this.classification = plan.task === 'classification' ? new ClassificationStats({ positiveLabel: plan.positiveLabel }) : null;
    this.regression = plan.task === 'regression' ? new RegressionStats() : null;
  }

  add(batch: ColumnBatch): void {
    const target = batch.column(this.plan.targetColumn);
    const prediction = batch.column(this.plan.predictionColumn);
    if (this.regression !== null) {
      this.regression.updateMany(target as Float64Array, prediction as Float64Array);
      return;
    }
    if (this.plan.labelsAsText) {
      this.classification?.updateMany(this.asText(target, this.plan.targetColumn), this.asText(prediction, this.plan.predictionColumn));
    } else {
      this.classification?.updateMany(target, prediction);
    }
  }

  result(): PerformanceMetrics {
    if (this.regression !== null) return { task: 'regression', metrics: this.regression.compute() };
    return { task: 'classification', metrics: (this.classification as ClassificationStats).compute() };
  }

  private asText(values: BatchValues, column: number): (string | null)[] {
    if (!(values instanceof Float64Array)) return values as (string | null)[];
    const boolean = this.columns[column].type === 'boolean';
    return Array.from(values, (x) => (Number.isNaN(x) ? null : boolean ? (x === 1 ? 'true' : 'false') : String(x)));
  }
}
