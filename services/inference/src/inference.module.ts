import { Module } from '@nestjs/common';

/**
 * The inference service: serves the champion model over Kafka and HTTP and hot-swaps on deployment.
 * Kafka, health (/health/live, /health/ready) and /metrics come from the shared service runtime.
 */
@Module({})
export class InferenceModule {}
