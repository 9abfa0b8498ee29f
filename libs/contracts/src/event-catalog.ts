import type { z } from 'zod';
import { DEAD_LETTER_ENVELOPE_SCHEMA_VERSION, DEAD_LETTER_ENVELOPE_TYPE, DeadLetterEnvelopeSchema } from './events/dead-letter-envelope.schema';
import { DEPLOY_COMMAND_SCHEMA_VERSION, DEPLOY_COMMAND_TYPE, DeployCommandSchema } from './events/deploy-command.schema';
import { DRIFT_REPORT_SCHEMA_VERSION, DRIFT_REPORT_TYPE, DriftReportSchema } from './events/drift-report.schema';
import { INFERENCE_REQUEST_SCHEMA_VERSION, INFERENCE_REQUEST_TYPE, InferenceRequestSchema } from './events/inference-request.schema';
import { LABEL_EVENT_SCHEMA_VERSION, LABEL_EVENT_TYPE, LabelEventSchema } from './events/label-event.schema';
import { LABELED_PREDICTION_EVENT_SCHEMA_VERSION, LABELED_PREDICTION_EVENT_TYPE, LabeledPredictionEventSchema } from './events/labeled-prediction-event.schema';
import { MODEL_DEPLOYED_SCHEMA_VERSION, MODEL_DEPLOYED_TYPE, ModelDeployedSchema } from './events/model-deployed.schema';
import { MODEL_REGISTERED_SCHEMA_VERSION, MODEL_REGISTERED_TYPE, ModelRegisteredSchema } from './events/model-registered.schema';
import { MODEL_REJECTED_SCHEMA_VERSION, MODEL_REJECTED_TYPE, ModelRejectedSchema } from './events/model-rejected.schema';
import { PREDICTION_EVENT_SCHEMA_VERSION, PREDICTION_EVENT_TYPE, PredictionEventSchema } from './events/prediction-event.schema';
import { RETRAIN_REQUEST_SCHEMA_VERSION, RETRAIN_REQUEST_TYPE, RetrainRequestSchema } from './events/retrain-request.schema';
import { Topic } from './topics';

/**
 * How a schema treats top-level fields it does not know:
 * - `strip`: dropped silently. For events external producers write, so a producer on a newer
 *   shape, or one that sends extra context, is not dead-lettered.
 * - `reject`: a schema violation. For events only our services write, where an unknown field
 *   means two releases disagree on the contract; that must surface at once.
 */
export type UnknownFieldPolicy = 'strip' | 'reject';

export interface EventDescriptor {
  schema: z.ZodType;
  /** CloudEvents `type`; its `.vN` suffix is the schema version. */
  type: string;
  schemaVersion: number;
  /** Topics whose message values have this shape. */
  topics: readonly Topic[];
  unknownFields: UnknownFieldPolicy;
  /** File under libs/contracts/schemas/ holding the published JSON Schema. */
  jsonSchemaFile: string;
}

/** Every event of the pipeline: one entry per shape, the index for docs, JSON Schema and tests. */
export const EVENT_CATALOG = {
  PredictionEvent: {
    schema: PredictionEventSchema,
    type: PREDICTION_EVENT_TYPE,
    schemaVersion: PREDICTION_EVENT_SCHEMA_VERSION,
    topics: [Topic.PredictionsRaw, Topic.Predictions],
    unknownFields: 'strip',
    jsonSchemaFile: 'prediction-event.schema.json',
  },
  LabelEvent: {
    schema: LabelEventSchema,
    type: LABEL_EVENT_TYPE,
    schemaVersion: LABEL_EVENT_SCHEMA_VERSION,
    topics: [Topic.LabelsRaw],
    unknownFields: 'strip',
    jsonSchemaFile: 'label-event.schema.json',
  },
  InferenceRequest: {
    schema: InferenceRequestSchema,
    type: INFERENCE_REQUEST_TYPE,
    schemaVersion: INFERENCE_REQUEST_SCHEMA_VERSION,
    topics: [Topic.InferenceRequests],
    unknownFields: 'strip',
    jsonSchemaFile: 'inference-request.schema.json',
  },
  LabeledPredictionEvent: {
    schema: LabeledPredictionEventSchema,
    type: LABELED_PREDICTION_EVENT_TYPE,
    schemaVersion: LABELED_PREDICTION_EVENT_SCHEMA_VERSION,
    topics: [Topic.PredictionsLabeled],
    unknownFields: 'reject',
    jsonSchemaFile: 'labeled-prediction-event.schema.json',
  },
  DriftReport: {
    schema: DriftReportSchema,
    type: DRIFT_REPORT_TYPE,
    schemaVersion: DRIFT_REPORT_SCHEMA_VERSION,
    topics: [Topic.DriftReports],
    unknownFields: 'reject',
    jsonSchemaFile: 'drift-report.schema.json',
  },
  RetrainRequest: {
    schema: RetrainRequestSchema,
    type: RETRAIN_REQUEST_TYPE,
    schemaVersion: RETRAIN_REQUEST_SCHEMA_VERSION,
    topics: [Topic.RetrainRequests],
    unknownFields: 'reject',
    jsonSchemaFile: 'retrain-request.schema.json',
  },
  ModelRegistered: {
    schema: ModelRegisteredSchema,
    type: MODEL_REGISTERED_TYPE,
    schemaVersion: MODEL_REGISTERED_SCHEMA_VERSION,
    topics: [Topic.ModelsRegistered],
    unknownFields: 'reject',
    jsonSchemaFile: 'model-registered.schema.json',
  },
  ModelRejected: {
    schema: ModelRejectedSchema,
    type: MODEL_REJECTED_TYPE,
    schemaVersion: MODEL_REJECTED_SCHEMA_VERSION,
    topics: [Topic.ModelsRejected],
    unknownFields: 'reject',
    jsonSchemaFile: 'model-rejected.schema.json',
  },
  ModelDeployed: {
    schema: ModelDeployedSchema,
    type: MODEL_DEPLOYED_TYPE,
    schemaVersion: MODEL_DEPLOYED_SCHEMA_VERSION,
    topics: [Topic.ModelsDeployed],
    unknownFields: 'reject',
    jsonSchemaFile: 'model-deployed.schema.json',
  },
  DeployCommand: {
    schema: DeployCommandSchema,
    type: DEPLOY_COMMAND_TYPE,
    schemaVersion: DEPLOY_COMMAND_SCHEMA_VERSION,
    topics: [Topic.DeployCommands],
    unknownFields: 'reject',
    jsonSchemaFile: 'deploy-command.schema.json',
  },
  DeadLetterEnvelope: {
    schema: DeadLetterEnvelopeSchema,
    type: DEAD_LETTER_ENVELOPE_TYPE,
    schemaVersion: DEAD_LETTER_ENVELOPE_SCHEMA_VERSION,
    // `dlq` normally carries the original bytes with metadata headers; the envelope is for
    // sinks that want one JSON document, so no topic is bound to it.
    topics: [],
    unknownFields: 'reject',
    jsonSchemaFile: 'dead-letter-envelope.schema.json',
  },
} as const satisfies Record<string, EventDescriptor>;

export type EventName = keyof typeof EVENT_CATALOG;
