import { TOPIC_SPECS, Topic, topicName } from '@mlops/contracts';
import { ensureTopics } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Admin } from 'kafkajs';

/**
 * Every topic of the pipeline under `prefix`, one partition each (as `npm start` does: one
 * model, and ingestion keys `predictions` by model, so one partition carries the whole stream).
 */
export async function createPipelineTopics(admin: Admin, prefix: string, logger: StructuredLogger): Promise<(t: Topic) => string> {
  const name = (t: Topic) => topicName(t, prefix);
  await ensureTopics(
    admin,
    Object.values(Topic).map((t) => ({ name: name(t), partitions: 1, compacted: TOPIC_SPECS[t].compacted })),
    logger,
  );
  return name;
}
