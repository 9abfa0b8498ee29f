import { Module } from '@nestjs/common';
import { DeploymentConsumer } from './consumers/deployment.consumer';
import { DeploymentMetrics } from './metrics/deployment.metrics';
import { DeploymentPublisher } from './publishing/deployment.publisher';

/**
 * The deployment service: gates each registered model (checksum, load, sanity, metric, optional
 * approval) and promotes it, or refuses it saying why; applies operators' promote, approve and
 * rollback commands. The champion is the registry's `champion` alias and the compacted
 * `models.deployed` topic. Kafka, health and /metrics come from the shared service runtime.
 */
@Module({ providers: [DeploymentMetrics, DeploymentPublisher, DeploymentConsumer] })
export class DeploymentModule {}
