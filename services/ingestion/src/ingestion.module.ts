import { Module } from '@nestjs/common';

/**
 * The ingestion service: validates prediction and label events, deduplicates, joins labels, dead-letters bad input.
 * Kafka, health (/health/live, /health/ready) and /metrics come from the shared service runtime.
 */
@Module({})
export class IngestionModule {}
