import { TOPIC_SPECS, topicName } from '@mlops/contracts';
import { ensureTopics, type EnsureTopicsResult } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Admin } from 'kafkajs';
import { targetTopics, type SimulationTarget } from '../output/to-kafka-message';

/**
 * Creates the target's topics when missing, with the contracts' partition count and retention,
 * exactly as the services would: the producer never auto-creates topics, so a simulation
 * started before the pipeline would otherwise fail on its first send.
 */
export function ensureSimulationTopics(
  admin: Admin,
  target: SimulationTarget,
  topicPrefix: string,
  logger: StructuredLogger,
): Promise<EnsureTopicsResult> {
  return ensureTopics(
    admin,
    targetTopics(target).map((topic) => ({
      name: topicName(topic, topicPrefix),
      partitions: TOPIC_SPECS[topic].partitions,
      retentionMs: TOPIC_SPECS[topic].retentionMs,
      compacted: TOPIC_SPECS[topic].compacted,
    })),
    logger,
  );
}
