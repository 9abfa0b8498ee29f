import { ICustomPartitioner, PartitionerArgs, Partitioners } from 'kafkajs';

/** Distinct keys remembered per partition count before the memory starts over. */
const MAX_KEYS = 4_096;

/**
 * Kafka's default partitioner (murmur2 of the key modulo the partition count: the partition Java
 * and librdkafka producers choose) with the answer per string key remembered. kafkajs computes
 * murmur2 with 64-bit `Long` objects for every message; our producers key by model name, a
 * handful of keys, so a send of 500 messages hashed the same few strings 500 times. Messages with
 * an explicit partition, a Buffer key or no key go to the default partitioner unchanged.
 */
export const KeyCachingPartitioner: ICustomPartitioner = () => {
  const partitioner = Partitioners.DefaultPartitioner();
  const byPartitionCount = new Map<number, Map<string, number>>();
  return (args: PartitionerArgs) => {
    const { message, partitionMetadata } = args;
    if (message.partition !== undefined && message.partition !== null) return partitioner(args);
    const key = message.key;
    if (typeof key !== 'string') return partitioner(args);
    let known = byPartitionCount.get(partitionMetadata.length);
    if (known === undefined) byPartitionCount.set(partitionMetadata.length, (known = new Map()));
    let partition = known.get(key);
    if (partition === undefined) {
      partition = partitioner(args);
      if (known.size >= MAX_KEYS) known.clear();
      known.set(key, partition);
    }
    return partition;
  };
};
