import { waitFor } from '@mlops/testing';
import type { IHeaders, Kafka } from 'kafkajs';

export interface ReadMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: IHeaders;
}

/**
 * Reads topics from the beginning with a fresh consumer group until `expected` messages have
 * arrived, then keeps listening a moment longer so that extra messages would be seen too.
 */
export async function readTopics(kafka: Kafka, topics: string[], groupId: string, expected: number): Promise<ReadMessage[]> {
  const seen: ReadMessage[] = [];
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        seen.push({ topic, key: message.key?.toString() ?? '', value: message.value ?? Buffer.alloc(0), headers: message.headers ?? {} });
      },
    });
    await waitFor(() => seen.length >= expected, `${expected} messages on ${topics.join(', ')} (have ${seen.length})`, { timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await consumer.disconnect();
  }
  return seen;
}
