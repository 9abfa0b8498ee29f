import { Module } from '@nestjs/common';

/**
 * The retraining service: trains and evaluates challengers on recent labeled data and registers them.
 * Kafka, health (/health/live, /health/ready) and /metrics come from the shared service runtime.
 */
@Module({})
export class RetrainingModule {}
