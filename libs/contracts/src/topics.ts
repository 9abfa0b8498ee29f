import { z } from 'zod';
import { InvalidTopicPrefixError } from './errors/invalid-topic-prefix.error';

/**
 * Every Kafka topic of the pipeline. These names are public surface: external producers write
 * to `predictions.raw` and `labels.raw`, operators to `deploy.commands`, and the data already on
 * a broker lives under them. Renaming one needs a migration note (how to move or mirror the
 * existing data, and which release reads which name) — never just an edit here.
 */
export const Topic = {
  PredictionsRaw: 'predictions.raw',
  LabelsRaw: 'labels.raw',
  Predictions: 'predictions',
  PredictionsLabeled: 'predictions.labeled',
  InferenceRequests: 'inference.requests',
  DriftReports: 'drift.reports',
  RetrainRequests: 'retrain.requests',
  ModelsRegistered: 'models.registered',
  ModelsRejected: 'models.rejected',
  ModelsDeployed: 'models.deployed',
  DeployCommands: 'deploy.commands',
  DeadLetter: 'dlq',
} as const;
export type Topic = (typeof Topic)[keyof typeof Topic];
export const ALL_TOPICS: readonly Topic[] = Object.values(Topic);

/** Kafka's own rule for topic names. */
export const TOPIC_NAME_PATTERN = /^[a-zA-Z0-9._-]+$/;
export const MAX_TOPIC_NAME_LENGTH = 249;
/** Long enough that every prefixed topic stays within Kafka's 249 characters. */
export const MAX_TOPIC_PREFIX_LENGTH = MAX_TOPIC_NAME_LENGTH - Math.max(...ALL_TOPICS.map((t) => t.length));

/**
 * A topic prefix, for use in service configuration schemas so that a bad value stops the
 * service at startup. Empty means no prefix. The prefix is prepended verbatim: include the
 * separator yourself (`staging.` gives `staging.predictions`).
 */
export const TopicPrefixSchema = z
  .string()
  .max(MAX_TOPIC_PREFIX_LENGTH)
  .regex(/^[a-zA-Z0-9._-]*$/, 'may contain only letters, digits, ".", "_" and "-"');

/** Validates a prefix and throws InvalidTopicPrefixError naming the rule it breaks. */
export function assertTopicPrefix(prefix: string): void {
  if (prefix.length > MAX_TOPIC_PREFIX_LENGTH) {
    throw new InvalidTopicPrefixError(prefix, `longer than ${MAX_TOPIC_PREFIX_LENGTH} characters`);
  }
  if (prefix !== '' && !TOPIC_NAME_PATTERN.test(prefix)) {
    throw new InvalidTopicPrefixError(prefix, 'may contain only letters, digits, ".", "_" and "-"');
  }
}

/** The name to use on the broker: `prefix + topic`, validated. */
export function topicName(topic: Topic, prefix = ''): string {
  assertTopicPrefix(prefix);
  return `${prefix}${topic}`;
}

/** Defaults used when topics are created; the broker keeps whatever already exists. */
export interface TopicSpec {
  partitions: number;
  /** Retention in milliseconds; -1 keeps records forever. */
  retentionMs: number;
  /** Compacted topics keep the latest record per key instead of expiring by time. */
  compacted: boolean;
  /** What the message key is, which decides ordering and partitioning. */
  key: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Per-topic defaults for bootstrap. Data-plane topics get more partitions (they scale out);
 * control-plane topics are keyed by model, so one model's events stay in order.
 * `predictions.labeled` keeps 30 days because retraining reads its training window from it.
 * `models.deployed` is compacted and kept forever: it is the table of current champions.
 */
export const TOPIC_SPECS: Readonly<Record<Topic, TopicSpec>> = {
  [Topic.PredictionsRaw]: { partitions: 6, retentionMs: 7 * DAY_MS, compacted: false, key: 'entityId, else eventId' },
  [Topic.LabelsRaw]: { partitions: 6, retentionMs: 7 * DAY_MS, compacted: false, key: 'entityId, else eventId' },
  [Topic.Predictions]: { partitions: 6, retentionMs: 7 * DAY_MS, compacted: false, key: 'entityId, else eventId' },
  [Topic.PredictionsLabeled]: { partitions: 6, retentionMs: 30 * DAY_MS, compacted: false, key: 'entityId, else eventId' },
  [Topic.InferenceRequests]: { partitions: 6, retentionMs: 1 * DAY_MS, compacted: false, key: 'requestId' },
  [Topic.DriftReports]: { partitions: 3, retentionMs: 30 * DAY_MS, compacted: false, key: 'model' },
  [Topic.RetrainRequests]: { partitions: 3, retentionMs: 30 * DAY_MS, compacted: false, key: 'model' },
  [Topic.ModelsRegistered]: { partitions: 3, retentionMs: 90 * DAY_MS, compacted: false, key: 'model' },
  [Topic.ModelsRejected]: { partitions: 3, retentionMs: 30 * DAY_MS, compacted: false, key: 'model' },
  [Topic.ModelsDeployed]: { partitions: 3, retentionMs: -1, compacted: true, key: 'model' },
  [Topic.DeployCommands]: { partitions: 3, retentionMs: 30 * DAY_MS, compacted: false, key: 'model' },
  [Topic.DeadLetter]: { partitions: 3, retentionMs: 30 * DAY_MS, compacted: false, key: 'the original key' },
};

/** Broker config entries for a topic (`cleanup.policy`, `retention.ms`), as kafkajs expects them. */
export function topicConfigEntries(topic: Topic): { name: string; value: string }[] {
  const spec = TOPIC_SPECS[topic];
  return [
    { name: 'cleanup.policy', value: spec.compacted ? 'compact' : 'delete' },
    { name: 'retention.ms', value: String(spec.retentionMs) },
  ];
}
