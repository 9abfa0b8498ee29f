import {
  DriftReport,
  DriftReportSchema,
  ModelDeployed,
  ModelDeployedSchema,
  ModelRegistered,
  ModelRegisteredSchema,
  ModelRejected,
  ModelRejectedSchema,
  RetrainRequest,
  RetrainRequestSchema,
  Topic,
} from '@mlops/contracts';
import { replayTopic, type ConsumedMessage } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';
import type { z } from 'zod';

/** Everything the pipeline wrote, read back from the topics (every message, in offset order). */
export interface PipelineSnapshot {
  /** eventIds on `predictions`, one entry per message. */
  predictions: string[];
  /** eventIds on `predictions.labeled`, one entry per message. */
  labeled: string[];
  reports: DriftReport[];
  requests: RetrainRequest[];
  registered: ModelRegistered[];
  rejected: ModelRejected[];
  deployed: ModelDeployed[];
  deadLetters: ConsumedMessage[];
}

async function readTopic(kafka: Kafka, topic: string, logger: StructuredLogger): Promise<ConsumedMessage[]> {
  const all: ConsumedMessage[] = [];
  await replayTopic({ kafka, topic, from: 'earliest', logger, handle: (ms) => void all.push(...ms) });
  return all;
}

const parse = <S extends z.ZodType>(schema: S, messages: ConsumedMessage[]): z.output<S>[] => messages.map((m) => schema.parse(JSON.parse(String(m.value))));

/** Just the drift reports (cheap enough to poll while waiting for windows to close). */
export async function readReports(kafka: Kafka, t: (topic: Topic) => string, logger: StructuredLogger): Promise<DriftReport[]> {
  return parse(DriftReportSchema, await readTopic(kafka, t(Topic.DriftReports), logger));
}

export async function readRegistered(kafka: Kafka, t: (topic: Topic) => string, logger: StructuredLogger): Promise<ModelRegistered[]> {
  return parse(ModelRegisteredSchema, await readTopic(kafka, t(Topic.ModelsRegistered), logger));
}

export async function readPipeline(kafka: Kafka, t: (topic: Topic) => string, logger: StructuredLogger): Promise<PipelineSnapshot> {
  const read = (topic: Topic) => readTopic(kafka, t(topic), logger);
  const eventIds = (messages: ConsumedMessage[]) => messages.map((m) => (JSON.parse(String(m.value)) as { eventId: string }).eventId);
  return {
    predictions: eventIds(await read(Topic.Predictions)),
    labeled: eventIds(await read(Topic.PredictionsLabeled)),
    reports: parse(DriftReportSchema, await read(Topic.DriftReports)),
    requests: parse(RetrainRequestSchema, await read(Topic.RetrainRequests)),
    registered: parse(ModelRegisteredSchema, await read(Topic.ModelsRegistered)),
    rejected: parse(ModelRejectedSchema, await read(Topic.ModelsRejected)),
    deployed: parse(ModelDeployedSchema, await read(Topic.ModelsDeployed)),
    deadLetters: await read(Topic.DeadLetter),
  };
}
