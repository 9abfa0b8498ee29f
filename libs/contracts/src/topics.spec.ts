import { InvalidTopicPrefixError } from './errors/invalid-topic-prefix.error';
import {
  ALL_TOPICS,
  MAX_TOPIC_NAME_LENGTH,
  MAX_TOPIC_PREFIX_LENGTH,
  TOPIC_SPECS,
  Topic,
  TopicPrefixSchema,
  topicConfigEntries,
  topicName,
} from './topics';

describe('topics', () => {
  it('lists exactly the topics of the public surface', () => {
    expect([...ALL_TOPICS].sort()).toEqual(
      [
        'predictions.raw',
        'labels.raw',
        'predictions',
        'predictions.labeled',
        'inference.requests',
        'drift.reports',
        'retrain.requests',
        'models.registered',
        'models.rejected',
        'models.deployed',
        'deploy.commands',
        'dlq',
      ].sort(),
    );
  });

  it('prepends the prefix verbatim', () => {
    expect(topicName(Topic.PredictionsRaw)).toBe('predictions.raw');
    expect(topicName(Topic.PredictionsRaw, 'staging.')).toBe('staging.predictions.raw');
    expect(topicName(Topic.DeadLetter, 'test-3f9a_')).toBe('test-3f9a_dlq');
  });

  it.each(['has space ', 'slash/', 'ümlaut', 'colon:'])('rejects the illegal prefix %j', (prefix) => {
    expect(() => topicName(Topic.Predictions, prefix)).toThrow(InvalidTopicPrefixError);
    expect(TopicPrefixSchema.safeParse(prefix).success).toBe(false);
  });

  it('keeps every prefixed name within 249 characters', () => {
    const longest = 'p'.repeat(MAX_TOPIC_PREFIX_LENGTH);
    for (const topic of ALL_TOPICS) expect(topicName(topic, longest).length).toBeLessThanOrEqual(MAX_TOPIC_NAME_LENGTH);
    expect(topicName(Topic.PredictionsLabeled, longest)).toHaveLength(MAX_TOPIC_NAME_LENGTH);
    expect(() => topicName(Topic.Predictions, `${longest}p`)).toThrow(`longer than ${MAX_TOPIC_PREFIX_LENGTH} characters`);
    expect(TopicPrefixSchema.safeParse(`${longest}p`).success).toBe(false);
    expect(TopicPrefixSchema.safeParse('').success).toBe(true);
  });

  it('has a bootstrap spec for every topic', () => {
    expect(Object.keys(TOPIC_SPECS).sort()).toEqual([...ALL_TOPICS].sort());
    for (const spec of Object.values(TOPIC_SPECS)) {
      expect(Number.isInteger(spec.partitions) && spec.partitions >= 1).toBe(true);
      expect(spec.retentionMs === -1 || spec.retentionMs > 0).toBe(true);
    }
  });

  it('compacts models.deployed only, keeping it forever', () => {
    const compacted = ALL_TOPICS.filter((t) => TOPIC_SPECS[t].compacted);
    expect(compacted).toEqual([Topic.ModelsDeployed]);
    expect(topicConfigEntries(Topic.ModelsDeployed)).toEqual([
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'retention.ms', value: '-1' },
    ]);
    expect(topicConfigEntries(Topic.Predictions)).toEqual([
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'retention.ms', value: String(7 * 24 * 3600 * 1000) },
    ]);
  });
});
