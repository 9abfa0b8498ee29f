import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Topic } from '@mlops/contracts';
import { RetriableError } from '@mlops/kafka';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { KafkaRuntime, SERVICE_CONFIG } from '@mlops/service-runtime';
import type { InferenceConfig } from '../config/inference-config.schema';
import { InferenceMetrics } from '../metrics/inference.metrics';
import { ModelServerProvider } from '../serving/model-server.provider';
import { loadDeployedModels } from '../deployments/load-deployed-models';
import { processInferenceChunk } from './process-inference-chunk';

/**
 * `inference.requests` → batched predictions → `predictions.raw`, one produce request per
 * chunk, offsets committed after it (on a timer, off the fetch path, so a request's latency holds
 * no commit round trip); the group scales out across instances by partition.
 */
@Injectable()
export class InferenceRequestsConsumer implements OnModuleInit {
  constructor(
    private readonly runtime: KafkaRuntime,
    private readonly models: ModelServerProvider,
    private readonly metrics: InferenceMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: InferenceConfig,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {}

  onModuleInit(): void {
    const output = this.runtime.topic(Topic.PredictionsRaw);
    this.runtime.registerConsumer({
      groupId: this.config.INFERENCE_GROUP_ID,
      topics: [this.runtime.topic(Topic.InferenceRequests)],
      fromBeginning: true,
      maxChunkSize: this.config.INFERENCE_MAX_CHUNK,
      // Every deployed model loaded first: then a request for a model with no version is known
      // to be one (rejected), not one whose deployment has not been read yet.
      prepare: () =>
        loadDeployedModels({ kafka: this.runtime.kafka, topic: this.runtime.topic(Topic.ModelsDeployed), server: this.models.server, logger: this.logger }),
      partitionsConsumedConcurrently: this.config.INFERENCE_CONCURRENCY,
      commitIntervalMs: this.config.INFERENCE_COMMIT_INTERVAL_MS,
      handleBatch: async (messages) => {
        const result = await processInferenceChunk(messages, this.models.server, {
          now: () => new Date(),
          batchSize: this.config.INFERENCE_MAX_BATCH,
        });
        if (result.records.length > 0) {
          try {
            await this.runtime.producer.send({ topic: output, messages: result.records });
          } catch (error) {
            throw new RetriableError(`cannot write predictions: ${(error as Error).message}`, { topic: output });
          }
        }
        for (const b of result.batches) this.metrics.served(b.model, b.version, b.rows, b.computeSeconds, b.queueSeconds);
        for (const r of result.rejected) this.metrics.rejected(r.model, r.version, r.count);
        return result.outcomes;
      },
    });
  }
}
