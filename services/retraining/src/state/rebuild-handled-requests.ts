import { decodeEvent, ModelRegisteredSchema, ModelRejectedSchema, Topic } from '@mlops/contracts';
import { replayTopic } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';
import type { HandledRequests } from './handled-requests';

export interface RebuildDeps {
  kafka: Kafka;
  topic: (topic: Topic) => string;
  logger: StructuredLogger;
  now: number;
  horizonMs: number;
}

/**
 * Every request answered within the horizon, read back from the answers themselves: the
 * lineage of each ModelRegistered and the requestId of each ModelRejected. No state of our own
 * is written anywhere; Kafka holds it.
 */
export async function rebuildHandledRequests(handled: HandledRequests, deps: RebuildDeps): Promise<void> {
  const from = { timestampMs: deps.now - deps.horizonMs };
  let registered = 0;
  let rejected = 0;
  await replayTopic({
    kafka: deps.kafka,
    topic: deps.topic(Topic.ModelsRegistered),
    from,
    logger: deps.logger,
    handle: (messages) => {
      for (const m of messages) {
        const decoded = decodeEvent(ModelRegisteredSchema, m.value);
        if (!decoded.ok) continue;
        handled.add(decoded.value.lineage.requestId, Number(m.timestamp));
        registered++;
      }
    },
  });
  await replayTopic({
    kafka: deps.kafka,
    topic: deps.topic(Topic.ModelsRejected),
    from,
    logger: deps.logger,
    handle: (messages) => {
      for (const m of messages) {
        const decoded = decodeEvent(ModelRejectedSchema, m.value);
        if (!decoded.ok) continue;
        handled.add(decoded.value.requestId, Number(m.timestamp));
        rejected++;
      }
    },
  });
  deps.logger.info('handled retrain requests rebuilt', { registered, rejected, requests: handled.size });
}
