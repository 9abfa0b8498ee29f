import { decodeEvent, ModelDeployedSchema } from '@mlops/contracts';
import { isRetriable, replayTopic } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';
import type { ModelServer } from '../serving/model-server';

/**
 * Before requests are served: the latest deployment of every model on the compacted
 * `models.deployed` topic, loaded. Requests for a model with no deployed version can then be
 * rejected at once instead of holding up their chunk. A registry outage throws (retriable), so
 * the caller retries start-up; a version that cannot load is logged and skipped, as at run time.
 */
export async function loadDeployedModels(deps: { kafka: Kafka; topic: string; server: ModelServer; logger: StructuredLogger }): Promise<void> {
  const latest = new Map<string, Buffer | null>();
  await replayTopic({
    kafka: deps.kafka,
    topic: deps.topic,
    from: 'earliest',
    logger: deps.logger,
    handle: (messages) => {
      for (const m of messages) if (m.key) latest.set(m.key.toString(), m.value);
    },
  });
  for (const [model, value] of latest) {
    const decoded = decodeEvent(ModelDeployedSchema, value);
    if (!decoded.ok) {
      deps.logger.warn('invalid ModelDeployed on the compacted topic; skipped at start-up', { model, reason: decoded.reason });
      continue;
    }
    try {
      await deps.server.deploy(decoded.value);
    } catch (error) {
      if (isRetriable(error)) throw error;
      deps.logger.warn('deployed version could not be loaded at start-up', { model, version: decoded.value.version, error: (error as Error).message });
    }
  }
}
