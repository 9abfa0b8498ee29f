import { Module } from '@nestjs/common';

/**
 * The drift-computation service: windows the validated streams, computes drift and applies the retrain policy.
 * Kafka, health (/health/live, /health/ready) and /metrics come from the shared service runtime.
 */
@Module({})
export class DriftComputationModule {}
