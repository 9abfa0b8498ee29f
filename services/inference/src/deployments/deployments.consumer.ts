import { randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { decodeEvent, ModelDeployedSchema, Topic } from '@mlops/contracts';
import { PermanentError, RETRY_UNTIL_DONE } from '@mlops/kafka';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { KafkaRuntime, SERVICE_CONFIG } from '@mlops/service-runtime';
import type { InferenceConfig } from '../config/inference-config.schema';
import { ModelServerProvider } from '../serving/model-server.provider';

/**
 * Follows the compacted `models.deployed` topic from its start with a consumer group of its own
 * (every instance sees every deployment: broadcast, not a shared group), and hot-swaps each
 * model to its latest deployed version.
 */
@Injectable()
export class DeploymentsConsumer implements OnModuleInit {
  constructor(
    private readonly runtime: KafkaRuntime,
    private readonly models: ModelServerProvider,
    @Inject(SERVICE_CONFIG) private readonly config: InferenceConfig,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {}

  onModuleInit(): void {
    this.runtime.registerConsumer({
      groupId: `${this.config.INFERENCE_GROUP_ID}.deployments.${randomBytes(6).toString('hex')}`,
      ephemeral: true,
      topics: [this.runtime.topic(Topic.ModelsDeployed)],
      fromBeginning: true,
      // A deployment is never dropped because the registry is briefly down: retried until it loads.
      retry: RETRY_UNTIL_DONE,
      handle: async (message) => {
        const decoded = decodeEvent(ModelDeployedSchema, message.value);
        if (!decoded.ok) throw new PermanentError(`invalid ModelDeployed: ${decoded.reason}`);
        const outcome = await this.models.server.deploy(decoded.value);
        this.logger.info('deployment event handled', { model: decoded.value.model, version: decoded.value.version, outcome, offset: message.offset });
      },
    });
  }
}
