import { Topic, TOPIC_SPECS, topicName } from '@mlops/contracts';
import type { TopicSpec } from '@mlops/kafka';

/**
 * Bootstrap specs for the topics a service touches, from the contract defaults, under the
 * configured prefix. `partitions` overrides every topic's default count (small local setups).
 */
export function topicSpecsFor(topics: readonly Topic[], prefix: string, partitions?: number): TopicSpec[] {
  return [...new Set(topics)].map((topic) => ({
    name: topicName(topic, prefix),
    partitions: partitions ?? TOPIC_SPECS[topic].partitions,
    retentionMs: TOPIC_SPECS[topic].retentionMs,
    compacted: TOPIC_SPECS[topic].compacted,
  }));
}
