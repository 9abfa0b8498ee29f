import type { DriftReport } from '@mlops/contracts';

/** One entry of DriftReport.performance.metrics. */
export type MetricComparison = NonNullable<DriftReport['performance']>['metrics'][number];
