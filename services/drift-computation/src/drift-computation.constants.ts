import { Topic } from '@mlops/contracts';

export const SERVICE_NAME = 'drift-computation';
export const DEFAULT_HTTP_PORT = 3003;
/** CloudEvents source of the events this service writes. */
export const DRIFT_SOURCE = '/mlops/drift-computation';

/** What this service reads and writes (see docs/architecture.md); bootstrapped at start when missing. */
export const DRIFT_COMPUTATION_TOPICS = [Topic.Predictions, Topic.PredictionsLabeled, Topic.ModelsDeployed, Topic.DriftReports, Topic.RetrainRequests] as const;

/**
 * The service's internal topic: partial window profiles from the instances that own source
 * partitions to the instance that evaluates the model (keyed by model). Internal like a Kafka
 * Streams repartition topic, it belongs to one deployment (consumer group), so two deployments
 * with different window settings never read each other's partials:
 * `<KAFKA_TOPIC_PREFIX><DRIFT_GROUP_ID>.partials`.
 */
export function driftPartialsTopic(topicPrefix: string, groupId: string): string {
  return `${topicPrefix}${groupId}.partials`;
}
