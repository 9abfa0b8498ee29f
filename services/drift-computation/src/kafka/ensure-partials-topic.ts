import { ensureTopics } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';

/** Creates the internal partials topic when missing (runService bootstraps only the public topics). */
export async function ensurePartialsTopic(kafka: Kafka, topic: { name: string; partitions: number; retentionMs: number }, logger: StructuredLogger): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [{ name: topic.name, partitions: topic.partitions, retentionMs: topic.retentionMs }], logger);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
