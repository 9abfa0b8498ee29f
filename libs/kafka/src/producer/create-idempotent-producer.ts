import { Kafka, Producer } from 'kafkajs';
import { KeyCachingPartitioner } from './key-caching-partitioner';

/**
 * A producer with idempotence on: the broker drops duplicates caused by the producer's own
 * retries, and one in-flight request per connection keeps per-partition order. Messages are
 * keyed by the caller (e.g. by model) and partitioned with Kafka's default murmur2 partitioner,
 * so Java and librdkafka producers place the same key on the same partition (each string key's
 * partition is remembered: see KeyCachingPartitioner).
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: KeyCachingPartitioner,
    allowAutoTopicCreation: false,
  });
}
