import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Topic } from '@mlops/contracts';
import { RETRY_UNTIL_DONE } from '@mlops/kafka';
import { selectBackend } from '@mlops/model';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { createModelRegistry } from '@mlops/registry';
import { KafkaRuntime, registryConfigFromEnv, SERVICE_CONFIG } from '@mlops/service-runtime';
import type { RetrainingConfig } from '../config/retraining-config.schema';
import { readTrainingWindow } from '../data/read-training-window';
import { RetrainingMetrics } from '../metrics/retraining.metrics';
import { RetrainingPublisher } from '../publishing/retraining.publisher';
import { HandledRequests } from '../state/handled-requests';
import { rebuildHandledRequests } from '../state/rebuild-handled-requests';
import { RetrainRequestProcessor } from './retrain-request.processor';
import { retrainSettingsFrom } from './retrain-settings.from-config';

/**
 * Wires `retrain.requests` to the processor. Before the consumer starts: the tfjs backend is
 * selected, leftovers of a crashed run are removed from the work folder, and the requestIds
 * already answered are read back from `models.registered` and `models.rejected`.
 */
@Injectable()
export class RetrainRequestsConsumer implements OnModuleInit {
  private readonly handled: HandledRequests;
  private readonly processor: RetrainRequestProcessor;

  constructor(
    private readonly runtime: KafkaRuntime,
    publisher: RetrainingPublisher,
    metrics: RetrainingMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: RetrainingConfig,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {
    this.handled = new HandledRequests(config.RETRAINING_HANDLED_HORIZON_MS);
    this.processor = new RetrainRequestProcessor({
      registry: createModelRegistry(registryConfigFromEnv(config, logger)),
      readWindow: (model, window) =>
        readTrainingWindow({
          kafka: runtime.kafka,
          topic: runtime.topic(Topic.PredictionsLabeled),
          model,
          window,
          slackMs: config.RETRAINING_READ_SLACK_MS,
          maxRows: config.RETRAINING_MAX_ROWS,
          logger,
        }),
      publish: (outcome) => publisher.publish(outcome),
      handled: this.handled,
      externalModels: new Set(config.RETRAINING_EXTERNAL_MODELS),
      settings: retrainSettingsFrom(config),
      mixRatio: config.RETRAINING_MIX_RATIO,
      workDir: config.RETRAINING_WORK_DIR,
      logger,
      observer: metrics,
    });
  }

  onModuleInit(): void {
    this.runtime.registerConsumer({
      groupId: this.config.RETRAINING_GROUP_ID,
      topics: [this.runtime.topic(Topic.RetrainRequests)],
      fromBeginning: true,
      sessionTimeoutMs: this.config.RETRAINING_SESSION_TIMEOUT_MS,
      maxChunkSize: this.config.RETRAINING_MAX_CHUNK,
      // A registry outage is waited out, never turned into a dead letter: the request is retried
      // with back-off until the registry answers (a half-registered version is found and reused).
      retry: RETRY_UNTIL_DONE,
      prepare: () => this.prepare(),
      handleBatch: async (messages) => {
        const outcomes = await this.processor.handleChunk(messages);
        this.handled.expire(Date.now());
        return outcomes;
      },
    });
  }

  private async prepare(): Promise<void> {
    await selectBackend(this.config.TFJS_BACKEND, { logger: this.logger });
    await removeLeftovers(this.config.RETRAINING_WORK_DIR);
    await rebuildHandledRequests(this.handled, {
      kafka: this.runtime.kafka,
      topic: (t) => this.runtime.topic(t),
      logger: this.logger,
      now: Date.now(),
      horizonMs: this.config.RETRAINING_HANDLED_HORIZON_MS,
    });
  }
}

/** Only the folders this service creates (`champion-…`, `challenger-…` and their staging copies). */
async function removeLeftovers(workDir: string): Promise<void> {
  const entries = await readdir(workDir).catch(() => [] as string[]);
  for (const name of entries.filter((n) => /^\.?(champion|challenger)-/.test(n))) {
    await rm(path.join(workDir, name), { recursive: true, force: true });
  }
}
