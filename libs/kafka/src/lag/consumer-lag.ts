import type { Admin } from 'kafkajs';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Messages on the partition not yet committed by the group (end offset − committed offset). */
  lag: number;
}

/**
 * Lag of `groupId` on `topics`. A partition the group never committed on counts from the
 * partition's low watermark, i.e. everything still retained is lag.
 */
export async function fetchConsumerLag(admin: Admin, groupId: string, topics: string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  const result: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends) {
      const offset = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      result.push({ topic, partition: end.partition, lag: lagOf(end.low, end.high, offset) });
    }
  }
  return result;
}

/** Pure: the lag for one partition from its watermarks and the committed offset ('-1' for none). */
export function lagOf(low: string, high: string, committed: string): number {
  const start = Number(committed) < 0 ? Number(low) : Math.max(Number(committed), Number(low));
  return Math.max(0, Number(high) - start);
}
