import { PartitionerArgs, Partitioners } from 'kafkajs';
import { KeyCachingPartitioner } from './key-caching-partitioner';

const metadata = (count: number, leaderless: number[] = []) =>
  Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: leaderless.includes(partitionId) ? -1 : 1, partitionErrorCode: 0, replicas: [1], isr: [1] }));
const args = (message: PartitionerArgs['message'], count: number): PartitionerArgs => ({ topic: 't', partitionMetadata: metadata(count), message });

describe('KeyCachingPartitioner', () => {
  it('places every string key where Kafka\'s default (murmur2) partitioner does, for several partition counts, also past its memory limit', () => {
    const cached = KeyCachingPartitioner();
    const reference = Partitioners.DefaultPartitioner();
    for (const count of [1, 3, 4, 12, 4]) {
      for (let i = 0; i < 6_000; i++) {
        const key = i % 3 === 0 ? `model-${i % 7}` : `evt-${i}-é`;
        expect(cached(args({ key, value: 'v' }, count))).toBe(reference(args({ key, value: 'v' }, count)));
      }
    }
  });

  it('leaves explicit partitions, Buffer keys and keyless messages to the default partitioner', () => {
    const cached = KeyCachingPartitioner();
    const reference = Partitioners.DefaultPartitioner();
    expect(cached(args({ key: 'a', value: 'v', partition: 3 }, 4))).toBe(3);
    expect(cached(args({ key: Buffer.from('abc'), value: 'v' }, 7))).toBe(reference(args({ key: Buffer.from('abc'), value: 'v' }, 7)));
    // Keyless messages go round-robin over the partitions with a leader.
    const keyless = Array.from({ length: 8 }, () => cached({ topic: 't', partitionMetadata: metadata(4, [1]), message: { value: 'v' } }));
    expect(new Set(keyless)).toEqual(new Set([0, 2, 3]));
  });
});
