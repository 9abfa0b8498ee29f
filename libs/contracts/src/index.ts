/**
 * @mlops/contracts: topic names, event schemas and CloudEvents headers — the only place a topic
 * name or an event shape is written. Pure: imports zod and node built-ins only.
 * Exports are listed by name so the public surface is reviewed when it changes.
 */

// Limits and topics
export {
  IDENTIFIER_PATTERN,
  MAX_CLASSES,
  MAX_CLOCK_SKEW_MS,
  MAX_EVENT_TIME_MS,
  MAX_FEATURE_NAME_LENGTH,
  MAX_FEATURE_STRING_LENGTH,
  MAX_FEATURES,
  MAX_ID_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_MESSAGE_BYTES,
  MAX_METRICS,
  MAX_MODEL_NAME_LENGTH,
  MAX_MODEL_VERSION_LENGTH,
  MAX_REASON_LENGTH,
  MAX_URI_LENGTH,
  METRIC_NAME_PATTERN,
  MIN_EVENT_TIME_MS,
  MIN_FEATURES,
  MODEL_NAME_PATTERN,
  MODEL_VERSION_PATTERN,
  SHA256_PATTERN,
} from './limits';
export {
  ALL_TOPICS,
  MAX_TOPIC_NAME_LENGTH,
  MAX_TOPIC_PREFIX_LENGTH,
  TOPIC_NAME_PATTERN,
  TOPIC_SPECS,
  Topic,
  TopicPrefixSchema,
  assertTopicPrefix,
  topicConfigEntries,
  topicName,
  type TopicSpec,
} from './topics';

// Shared building blocks
export { eventTimeSchema, type EventClock } from './event-time';
export { FeatureValueSchema, FeaturesSchema, type FeatureValue, type Features } from './features';
export {
  ArtifactRefSchema,
  DataWindowSchema,
  IdentifierSchema,
  LabelValueSchema,
  MetricNameSchema,
  ModelNameSchema,
  ModelVersionSchema,
  UtcDateTimeSchema,
  type ArtifactRef,
  type DataWindow,
} from './schema-primitives';

// Decoding and validation
export { decodeEvent, parseEvent, type DecodeFailureCode, type DecodeOptions, type DecodeResult } from './parse-event';
export { describeIssues, summarizeIssues, type EventIssue } from './event-issues';

// Headers
export type { KafkaHeaderValue, KafkaHeaders } from './kafka-headers';
export {
  CLOUDEVENTS_SPEC_VERSION,
  CloudEventHeader,
  JSON_CONTENT_TYPE,
  parseCloudEventHeaders,
  toCloudEventHeaders,
  type CloudEventAttributes,
  type CloudEventHeaderOptions,
} from './cloudevents';
export { HeaderValidationError } from './errors/header-validation.error';
export { InvalidTopicPrefixError } from './errors/invalid-topic-prefix.error';

// Events
export {
  PREDICTION_EVENT_SCHEMA_VERSION,
  PREDICTION_EVENT_TYPE,
  PredictionEventSchema,
  PredictionValueSchema,
  createPredictionEventDecoder,
  createPredictionEventSchema,
  parsePredictionEvent,
  type PredictionEvent,
  type PredictionEventInput,
  type PredictionValue,
} from './events/prediction-event.schema';
export {
  LABEL_EVENT_SCHEMA_VERSION,
  LABEL_EVENT_TYPE,
  LabelEventSchema,
  createLabelEventSchema,
  parseLabelEvent,
  type LabelEvent,
  type LabelEventInput,
} from './events/label-event.schema';
export {
  LABELED_PREDICTION_EVENT_SCHEMA_VERSION,
  LABELED_PREDICTION_EVENT_TYPE,
  LabeledPredictionEventSchema,
  type LabeledPredictionEvent,
} from './events/labeled-prediction-event.schema';
export {
  INFERENCE_REQUEST_SCHEMA_VERSION,
  INFERENCE_REQUEST_TYPE,
  InferenceRequestSchema,
  createInferenceRequestSchema,
  type InferenceRequest,
  type InferenceRequestInput,
} from './events/inference-request.schema';
export { DriftTypeSchema, classifyDriftType, type DriftSignals, type DriftType } from './events/drift-type';
export {
  DRIFT_REPORT_SCHEMA_VERSION,
  DRIFT_REPORT_TYPE,
  DriftReportSchema,
  FeatureDriftSchema,
  MetricComparisonSchema,
  PredictionDriftSchema,
  WindowKindSchema,
  type DriftReport,
  type FeatureDrift,
} from './events/drift-report.schema';
export {
  RETRAIN_REQUEST_SCHEMA_VERSION,
  RETRAIN_REQUEST_TYPE,
  RetrainReasonSchema,
  RetrainRequestSchema,
  type RetrainReason,
  type RetrainRequest,
} from './events/retrain-request.schema';
export {
  ChampionComparisonSchema,
  LineageSchema,
  MODEL_REGISTERED_SCHEMA_VERSION,
  MODEL_REGISTERED_TYPE,
  ModelRegisteredSchema,
  type ModelRegistered,
} from './events/model-registered.schema';
export {
  MODEL_REJECTED_SCHEMA_VERSION,
  MODEL_REJECTED_TYPE,
  ModelRejectedSchema,
  RejectionReasonSchema,
  type ModelRejected,
  type RejectionReason,
} from './events/model-rejected.schema';
export {
  MODEL_DEPLOYED_SCHEMA_VERSION,
  MODEL_DEPLOYED_TYPE,
  ModelDeployedSchema,
  type ModelDeployed,
} from './events/model-deployed.schema';
export {
  DEPLOY_COMMAND_SCHEMA_VERSION,
  DEPLOY_COMMAND_TYPE,
  DeployCommandSchema,
  type DeployCommand,
  type DeployCommandKind,
} from './events/deploy-command.schema';
export {
  DEAD_LETTER_ENVELOPE_SCHEMA_VERSION,
  DEAD_LETTER_ENVELOPE_TYPE,
  DeadLetterEnvelopeSchema,
  DeadLetterMetadataSchema,
  type DeadLetterEnvelope,
  type DeadLetterMetadata,
} from './events/dead-letter-envelope.schema';
export { DeadLetterHeader, oneLineReason, parseDeadLetterHeaders, toDeadLetterHeaders } from './events/dead-letter-headers';

// Catalog and published JSON Schema
export { EVENT_CATALOG, type EventDescriptor, type EventName, type UnknownFieldPolicy } from './event-catalog';
export { buildJsonSchemas } from './json-schemas';
