import {
  INFERENCE_REQUEST_TYPE,
  LABEL_EVENT_TYPE,
  PREDICTION_EVENT_TYPE,
  Topic,
  toCloudEventHeaders,
  topicName,
} from '@mlops/contracts';
import type { SimulationRecord } from '../stream/simulation-record';
import { toInferenceRequest } from './to-inference-request';

/**
 * `raw`: predictions as a model in production would write them (predictions.raw).
 * `inference`: feature vectors for the inference service to score (inference.requests).
 * Labels go to labels.raw either way.
 */
export type SimulationTarget = 'raw' | 'inference';

/** CloudEvents `source` of everything the simulator writes. */
export const SIMULATION_SOURCE = '/mlops/simulation';

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** The topics a target writes to, without prefix. */
export function targetTopics(target: SimulationTarget): Topic[] {
  return target === 'raw' ? [Topic.PredictionsRaw, Topic.LabelsRaw] : [Topic.InferenceRequests, Topic.LabelsRaw];
}

/**
 * One record as a Kafka message: JSON value, CloudEvents binary-mode headers whose id and time
 * are the event's own (so a replay writes identical messages), and the key the contracts name
 * for the topic: entityId for predictions and labels (one entity stays on one partition),
 * requestId for inference requests.
 */
export function toKafkaMessage(record: SimulationRecord, target: SimulationTarget, topicPrefix = ''): OutgoingMessage {
  if (record.kind === 'label') {
    const label = record.event;
    return {
      topic: topicName(Topic.LabelsRaw, topicPrefix),
      key: label.entityId ?? label.eventId ?? '',
      value: JSON.stringify(label),
      headers: toCloudEventHeaders({
        id: `${label.eventId ?? label.entityId}-label`,
        type: LABEL_EVENT_TYPE,
        source: SIMULATION_SOURCE,
        time: label.timestamp,
        subject: label.model,
      }),
    };
  }
  const prediction = record.event;
  if (target === 'inference') {
    const request = toInferenceRequest(prediction);
    return {
      topic: topicName(Topic.InferenceRequests, topicPrefix),
      key: request.requestId,
      value: JSON.stringify(request),
      headers: toCloudEventHeaders({
        id: request.requestId,
        type: INFERENCE_REQUEST_TYPE,
        source: SIMULATION_SOURCE,
        time: prediction.timestamp,
        subject: request.model,
      }),
    };
  }
  return {
    topic: topicName(Topic.PredictionsRaw, topicPrefix),
    key: prediction.entityId ?? prediction.eventId,
    value: JSON.stringify(prediction),
    headers: toCloudEventHeaders({
      id: prediction.eventId,
      type: PREDICTION_EVENT_TYPE,
      source: SIMULATION_SOURCE,
      time: prediction.timestamp,
      subject: prediction.model,
    }),
  };
}
