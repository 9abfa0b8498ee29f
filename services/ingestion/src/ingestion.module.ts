import { Module } from '@nestjs/common';
import { IngestionConsumer } from './ingestion.consumer';
import { IngestionMetrics } from './metrics/ingestion.metrics';

/**
 * The ingestion service: validates prediction and label events from `predictions.raw` and
 * `labels.raw`, deduplicates by eventId, joins labels to predictions, and writes `predictions`,
 * `predictions.labeled` and, for bad input, `dlq`. Kafka, health and /metrics come from the
 * shared service runtime.
 */
@Module({ providers: [IngestionMetrics, IngestionConsumer] })
export class IngestionModule {}
