import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CloudEventHeader, decodeEvent, DeployCommandSchema, ModelDeployedSchema, ModelRegisteredSchema, Topic } from '@mlops/contracts';
import { PermanentError, type ConsumedMessage } from '@mlops/kafka';
import { selectBackend } from '@mlops/model';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { createModelRegistry } from '@mlops/registry';
import { KafkaRuntime, registryConfigFromEnv, SERVICE_CONFIG } from '@mlops/service-runtime';
import { ChampionTable } from '../champions/champion-table';
import { DecidedKeys } from '../champions/decided-keys';
import { rebuildDeploymentState } from '../champions/rebuild-deployment-state';
import type { DeploymentConfig } from '../config/deployment-config.schema';
import { DeploymentProcessor } from '../decisions/deployment.processor';
import { DeploymentMetrics } from '../metrics/deployment.metrics';
import { DeploymentPublisher } from '../publishing/deployment.publisher';

/**
 * Wires deployment to Kafka. One consumer group reads `models.registered` and `deploy.commands`
 * one message at a time, so one model never deploys twice at once; a second consumer (its own
 * group: broadcast) follows `models.deployed` to keep the champion table current when another
 * instance publishes. Before they start: the tfjs backend is selected and the state is read back.
 */
@Injectable()
export class DeploymentConsumer implements OnModuleInit {
  private readonly table = new ChampionTable();
  private readonly decided = new DecidedKeys();
  private readonly processor: DeploymentProcessor;

  constructor(
    private readonly runtime: KafkaRuntime,
    publisher: DeploymentPublisher,
    private readonly metrics: DeploymentMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: DeploymentConfig,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {
    this.processor = new DeploymentProcessor({
      registry: createModelRegistry(registryConfigFromEnv(config, logger)),
      table: this.table,
      decided: this.decided,
      publishDeployed: async (event, eventId) => {
        const position = await publisher.deployed(event, eventId);
        metrics.championSet(event.model, event.version);
        return position;
      },
      publishRejected: (event, eventId) => publisher.rejected(event, eventId),
      settings: {
        policy: { mode: config.DEPLOYMENT_POLICY, margin: config.DEPLOYMENT_MIN_IMPROVEMENT },
        manualApproval: config.DEPLOYMENT_MANUAL_APPROVAL,
        pinnedModels: new Set(config.DEPLOYMENT_PINNED_MODELS),
        commandMaxAgeMs: config.DEPLOYMENT_COMMAND_MAX_AGE_MS,
        workDir: config.DEPLOYMENT_WORK_DIR,
      },
      logger,
      onDecision: (model, outcome, gates) => metrics.decision(model, outcome, gates),
    });
  }

  onModuleInit(): void {
    this.runtime.registerConsumer({
      groupId: `${this.config.DEPLOYMENT_GROUP_ID}.champions.${randomBytes(6).toString('hex')}`,
      ephemeral: true,
      topics: [this.runtime.topic(Topic.ModelsDeployed)],
      fromBeginning: true,
      handle: async (message) => this.follow(message),
    });
    this.runtime.registerConsumer({
      groupId: this.config.DEPLOYMENT_GROUP_ID,
      topics: [this.runtime.topic(Topic.ModelsRegistered), this.runtime.topic(Topic.DeployCommands)],
      fromBeginning: true,
      prepare: () => this.prepare(),
      handle: async (message) => this.decide(message),
    });
  }

  private async decide(message: ConsumedMessage): Promise<void> {
    if (message.topic === this.runtime.topic(Topic.ModelsRegistered)) {
      const decoded = decodeEvent(ModelRegisteredSchema, message.value);
      if (!decoded.ok) throw new PermanentError(`invalid ModelRegistered: ${decoded.reason}`);
      await this.processor.onRegistered(decoded.value);
    } else {
      const decoded = decodeEvent(DeployCommandSchema, message.value);
      if (!decoded.ok) throw new PermanentError(`invalid DeployCommand: ${decoded.reason}`);
      await this.processor.onCommand(decoded.value);
    }
  }

  private follow(message: ConsumedMessage): void {
    const decoded = decodeEvent(ModelDeployedSchema, message.value);
    if (!decoded.ok) return;
    if (this.table.apply(decoded.value, { eventId: message.headers[CloudEventHeader.Id]?.toString(), offset: message.offset })) {
      this.metrics.championSet(decoded.value.model, decoded.value.version);
    }
  }

  private async prepare(): Promise<void> {
    await selectBackend(this.config.TFJS_BACKEND, { logger: this.logger });
    const workDir = this.config.DEPLOYMENT_WORK_DIR;
    for (const name of (await readdir(workDir).catch(() => [] as string[])).filter((n) => n.startsWith('candidate-'))) {
      await rm(path.join(workDir, name), { recursive: true, force: true });
    }
    await rebuildDeploymentState(this.table, this.decided, {
      kafka: this.runtime.kafka,
      groupId: this.config.DEPLOYMENT_GROUP_ID,
      topic: (t) => this.runtime.topic(t),
      logger: this.logger,
    });
  }
}
