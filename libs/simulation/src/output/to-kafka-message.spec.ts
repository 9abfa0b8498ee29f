import {
  INFERENCE_REQUEST_TYPE,
  InferenceRequestSchema,
  LABEL_EVENT_TYPE,
  LabelEventSchema,
  PREDICTION_EVENT_TYPE,
  PredictionEventSchema,
  decodeEvent,
  parseCloudEventHeaders,
} from '@mlops/contracts';
import { labels, predictions, run, scenario } from '../__test-support__/scenario-builder';
import { SIMULATION_SOURCE, targetTopics, toKafkaMessage } from './to-kafka-message';

const records = run(scenario({ labels: { delay: { events: 2 } } }), { limit: 20, runId: 'k' });
const prediction = predictions(records)[3];
const label = labels(records)[3];

describe('toKafkaMessage', () => {
  it('writes a prediction to predictions.raw, keyed by entityId, with CloudEvents headers of its own id and time', () => {
    const message = toKafkaMessage(prediction, 'raw');
    expect(message).toMatchObject({ topic: 'predictions.raw', key: 'k-e3' });
    expect(parseCloudEventHeaders(message.headers)).toEqual({
      id: 'k-3',
      type: PREDICTION_EVENT_TYPE,
      source: SIMULATION_SOURCE,
      time: prediction.event.timestamp,
      subject: 'spec-model',
    });
    const decoded = decodeEvent(PredictionEventSchema, Buffer.from(message.value));
    expect(decoded).toEqual({ ok: true, value: prediction.event });
  });

  it('writes a label to labels.raw, keyed by entityId, whatever the target', () => {
    for (const target of ['raw', 'inference'] as const) {
      const message = toKafkaMessage(label, target, 'staging.');
      expect(message).toMatchObject({ topic: 'staging.labels.raw', key: 'k-e3' });
      expect(parseCloudEventHeaders(message.headers)).toMatchObject({ id: 'k-3-label', type: LABEL_EVENT_TYPE, time: label.event.timestamp });
      expect(decodeEvent(LabelEventSchema, Buffer.from(message.value))).toEqual({ ok: true, value: label.event });
    }
  });

  it('writes an inference request for the inference target, keyed by requestId as the contracts say', () => {
    const message = toKafkaMessage(prediction, 'inference');
    expect(message).toMatchObject({ topic: 'inference.requests', key: 'k-3' });
    expect(parseCloudEventHeaders(message.headers)).toMatchObject({ id: 'k-3', type: INFERENCE_REQUEST_TYPE });
    const decoded = decodeEvent(InferenceRequestSchema, Buffer.from(message.value));
    expect(decoded.ok && decoded.value).toEqual({
      schemaVersion: 1,
      requestId: 'k-3',
      model: 'spec-model',
      features: prediction.event.features,
      entityId: 'k-e3',
      timestamp: prediction.event.timestamp,
    });
  });

  it('writes the same bytes and headers for the same record (replays are identical)', () => {
    expect(toKafkaMessage(prediction, 'raw')).toEqual(toKafkaMessage(prediction, 'raw'));
  });

  it('names the topics of each target', () => {
    expect(targetTopics('raw')).toEqual(['predictions.raw', 'labels.raw']);
    expect(targetTopics('inference')).toEqual(['inference.requests', 'labels.raw']);
  });

  it('refuses a prefix Kafka would refuse', () => {
    expect(() => toKafkaMessage(prediction, 'raw', 'bad prefix/')).toThrow(/prefix/);
  });
});
