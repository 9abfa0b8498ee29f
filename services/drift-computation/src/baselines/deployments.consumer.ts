import { randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { decodeEvent, ModelDeployedSchema } from '@mlops/contracts';
import { PermanentError } from '@mlops/kafka';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { KafkaRuntime } from '@mlops/service-runtime';
import { DriftContext } from '../drift-context';
import { DriftMetrics } from '../metrics/drift.metrics';

/**
 * Follows the compacted `models.deployed` topic from its start with a group of its own
 * (broadcast: every instance learns every deployment) and loads each new champion's baseline,
 * so windows of a newly deployed version compare against its own training profile.
 */
@Injectable()
export class DeploymentsConsumer implements OnModuleInit {
  constructor(
    private readonly runtime: KafkaRuntime,
    private readonly context: DriftContext,
    private readonly metrics: DriftMetrics,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {}

  onModuleInit(): void {
    this.runtime.registerConsumer({
      groupId: `${this.context.config.DRIFT_GROUP_ID}.deployments.${randomBytes(6).toString('hex')}`,
      ephemeral: true,
      topics: [this.context.topics.deployed],
      fromBeginning: true,
      handle: async (message) => {
        const decoded = decodeEvent(ModelDeployedSchema, message.value);
        if (!decoded.ok) throw new PermanentError(`invalid ModelDeployed: ${decoded.reason}`);
        const { model, version } = decoded.value;
        this.metrics.versionDeployed(model, version);
        if (this.context.deployments.set(model, version)) {
          const baseline = await this.context.baselines.get(model, version);
          this.logger.info('deployed version followed', { model, version, baseline: baseline.ok ? 'loaded' : baseline.reason, offset: message.offset });
        }
      },
    });
  }
}
