import { Module } from '@nestjs/common';

/**
 * The deployment service: gates registered models and promotes or rolls back the champion.
 * Kafka, health (/health/live, /health/ready) and /metrics come from the shared service runtime.
 */
@Module({})
export class DeploymentModule {}
