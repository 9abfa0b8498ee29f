import { toTopicConfig } from './ensure-topics';

describe('toTopicConfig', () => {
  it('maps compaction and retention to topic configs', () => {
    expect(toTopicConfig({ name: 'models.deployed', partitions: 1, compacted: true, retentionMs: -1 })).toEqual({
      topic: 'models.deployed',
      numPartitions: 1,
      replicationFactor: -1,
      configEntries: [
        { name: 'cleanup.policy', value: 'compact' },
        { name: 'retention.ms', value: '-1' },
      ],
    });
  });

  it('rejects a partition count that is not a positive integer', () => {
    expect(() => toTopicConfig({ name: 't', partitions: 0 })).toThrow('topic t: partitions must be a positive integer, got 0');
  });
});
