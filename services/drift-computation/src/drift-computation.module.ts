import { Module } from '@nestjs/common';
import { DeploymentsConsumer } from './baselines/deployments.consumer';
import { DriftContext } from './drift-context';
import { WindowEvaluatorConsumer } from './merge/window-evaluator.consumer';
import { DriftMetrics } from './metrics/drift.metrics';
import { SourcePartialsConsumer } from './partials/source-partials.consumer';
import { ReportHistoryProvider } from './reports/report-history.provider';
import { ReportsController } from './reports/reports.controller';

/**
 * The drift-computation service, in two stages joined by the internal partials topic (`<prefix><group>.partials`):
 * SourcePartialsConsumer profiles the partitions of `predictions` and `predictions.labeled` it
 * owns into windows and publishes each closed window's partial profile; WindowEvaluatorConsumer
 * merges a window's partials from every partition, evaluates it against the deployed version's
 * baseline (from `models.deployed` and the registry), publishes the DriftReport and applies the
 * retrain policy. Kafka, health and /metrics come from the shared service runtime.
 */
@Module({
  controllers: [ReportsController],
  providers: [DriftContext, DriftMetrics, DeploymentsConsumer, SourcePartialsConsumer, ReportHistoryProvider, WindowEvaluatorConsumer],
})
export class DriftComputationModule {}
