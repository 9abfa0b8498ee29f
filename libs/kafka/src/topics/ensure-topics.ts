import type { StructuredLogger } from '@mlops/observability';
import type { Admin, ITopicConfig } from 'kafkajs';

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Retention in ms; omitted keeps the broker default; -1 keeps forever. */
  retentionMs?: number;
  /** Log compaction keeps the last value per key (e.g. the deployed version per model). */
  compacted?: boolean;
  replicationFactor?: number;
}

export interface EnsureTopicsResult {
  created: string[];
  existing: string[];
}

export function toTopicConfig(spec: TopicSpec): ITopicConfig {
  if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
    throw new Error(`topic ${spec.name}: partitions must be a positive integer, got ${spec.partitions}`);
  }
  const configEntries: { name: string; value: string }[] = [];
  if (spec.compacted) configEntries.push({ name: 'cleanup.policy', value: 'compact' });
  if (spec.retentionMs !== undefined) configEntries.push({ name: 'retention.ms', value: String(spec.retentionMs) });
  return {
    topic: spec.name,
    numPartitions: spec.partitions,
    replicationFactor: spec.replicationFactor ?? -1,
    configEntries,
  };
}

/**
 * Creates the topics that are missing and leaves existing ones untouched (their partition count
 * is logged when it differs from the spec: shrinking is impossible and growing re-keys data).
 */
export async function ensureTopics(admin: Admin, specs: TopicSpec[], logger: StructuredLogger): Promise<EnsureTopicsResult> {
  const existingNames = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existingNames.has(s.name));
  const present = specs.filter((s) => existingNames.has(s.name));
  if (missing.length > 0) {
    await admin.createTopics({ topics: missing.map(toTopicConfig), waitForLeaders: true });
    logger.info('created topics', { topics: missing.map((s) => s.name) });
  }
  if (present.length > 0) {
    const metadata = await admin.fetchTopicMetadata({ topics: present.map((s) => s.name) });
    for (const topic of metadata.topics) {
      const spec = present.find((s) => s.name === topic.name);
      if (spec && topic.partitions.length !== spec.partitions) {
        logger.warn('existing topic has a different partition count than configured; left as is', {
          topic: topic.name,
          partitions: topic.partitions.length,
          configured: spec.partitions,
        });
      }
    }
  }
  return { created: missing.map((s) => s.name), existing: present.map((s) => s.name) };
}
