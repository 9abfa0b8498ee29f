import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Topic } from '@mlops/contracts';
import { randomBytes } from 'node:crypto';
import { BatchItemOutcome, ConsumedMessage, replayTopic, RetriableError } from '@mlops/kafka';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { createModelRegistry, type ModelRegistry } from '@mlops/registry';
import { KafkaRuntime, registryConfigFromEnv, SERVICE_CONFIG } from '@mlops/service-runtime';
import type { IngestionConfig } from './config/ingestion-config.schema';
import { processLabelChunk } from './handlers/labels-raw.processor';
import { ChunkResult, processPredictionChunk } from './handlers/predictions-raw.processor';
import { IngestionMetrics } from './metrics/ingestion.metrics';
import { FeatureSchemaCatalog } from './schemas/feature-schema-catalog';
import { loadDeployedSchema } from './schemas/load-deployed-schema';
import { IngestionState } from './state/ingestion-state';
import { rebuildIngestionState } from './state/rebuild-ingestion-state';

/**
 * Wires `predictions.raw` and `labels.raw` to their processors in one consumer group. Each
 * chunk's outputs go out in one request before its offsets are committed; if the send fails,
 * the chunk's state changes are undone and the chunk is retried, so nothing is lost and
 * nothing is emitted twice by this instance.
 */
@Injectable()
export class IngestionConsumer implements OnModuleInit {
  readonly state: IngestionState;
  readonly schemas = new FeatureSchemaCatalog();
  private readonly registry: ModelRegistry;

  constructor(
    private readonly runtime: KafkaRuntime,
    private readonly metrics: IngestionMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: IngestionConfig,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {
    this.registry = createModelRegistry(registryConfigFromEnv(config, logger));
    this.state = new IngestionState({
      dedupeHorizonMs: config.INGESTION_DEDUPE_HORIZON_MS,
      joinTtlMs: config.INGESTION_JOIN_TTL_MS,
      maxPending: config.INGESTION_MAX_PENDING,
    });
  }

  onModuleInit(): void {
    const predictionsRaw = this.runtime.topic(Topic.PredictionsRaw);
    const labelsRaw = this.runtime.topic(Topic.LabelsRaw);
    const deployed = this.runtime.topic(Topic.ModelsDeployed);
    const validate = this.config.INGESTION_VALIDATE_FEATURES === 'true';
    const schemas = validate ? (model: string) => this.schemas.get(model) : undefined;
    if (validate) {
      // Every instance follows every deployment (its own group): schemas are broadcast.
      this.runtime.registerConsumer({
        groupId: `${this.config.INGESTION_GROUP_ID}.schemas.${randomBytes(6).toString('hex')}`,
        ephemeral: true,
        topics: [deployed],
        fromBeginning: true,
        handle: (message) => loadDeployedSchema(message.value, this.registry, this.schemas),
      });
    }
    this.runtime.registerConsumer({
      groupId: this.config.INGESTION_GROUP_ID,
      topics: [predictionsRaw, labelsRaw],
      fromBeginning: true,
      maxChunkSize: this.config.INGESTION_MAX_CHUNK,
      partitionsConsumedConcurrently: this.config.INGESTION_CONCURRENCY,
      // Members share the partitions and this instance's state (see docs/architecture.md, "Ingestion's state").
      members: this.config.INGESTION_CONSUMERS,
      prepare: async () => {
        if (validate) await this.loadSchemas(deployed);
        await rebuildIngestionState(this.state, {
          kafka: this.runtime.kafka,
          groupId: this.config.INGESTION_GROUP_ID,
          topic: (t) => this.runtime.topic(t),
          logger: this.logger,
          now: Date.now(),
        });
      },
      handleBatch: (messages) =>
        this.handle(messages, messages[0].topic === labelsRaw ? processLabelChunk : (m, s, now) => processPredictionChunk(m, s, now, schemas)),
    });
  }

  /** Before consuming: the schema of every deployed model, so the first events are checked too. */
  private async loadSchemas(deployedTopic: string): Promise<void> {
    await replayTopic({
      kafka: this.runtime.kafka,
      topic: deployedTopic,
      from: 'earliest',
      logger: this.logger,
      handle: async (messages) => {
        for (const m of messages) {
          await loadDeployedSchema(m.value, this.registry, this.schemas).catch((error: Error) => {
            if (error instanceof RetriableError) throw error;
            this.logger.warn('deployment without a usable feature schema; its events are not schema-checked', { offset: m.offset, error: error.message });
          });
        }
      },
    });
  }

  private async handle(
    messages: ConsumedMessage[],
    process: (m: ConsumedMessage[], s: IngestionState, now: Date) => ChunkResult,
  ): Promise<BatchItemOutcome[]> {
    const now = new Date();
    const result = process(messages, this.state, now);
    if (result.outputs.length > 0) {
      try {
        await this.runtime.producer.sendBatch({
          topicMessages: groupByTopic(result.outputs, (t) => this.runtime.topic(t)),
        });
      } catch (error) {
        result.undo();
        throw new RetriableError(`cannot write ingestion output: ${(error as Error).message}`, { topic: messages[0].topic });
      }
    }
    this.metrics.recordChunk(messages[0].topic, result.counts);
    const expired = this.state.join.expire(now.getTime());
    this.state.predictionIds.expire(now.getTime());
    this.metrics.recordExpiry(expired.unlabeledPredictions, expired.orphanedLabels);
    this.metrics.setPending(this.state.join.pendingPredictions, this.state.join.pendingLabels);
    return result.outcomes;
  }
}

function groupByTopic(outputs: ChunkResult['outputs'], name: (t: Topic) => string) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const { topic, key, value, headers } of outputs) {
    const list = byTopic.get(name(topic)) ?? [];
    list.push({ key, value, headers });
    byTopic.set(name(topic), list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
