import type { EventName } from '../event-catalog';

/** A fixed "now" for every spec: 2024-05-01T12:00:00Z. */
export const NOW_MS = Date.UTC(2024, 4, 1, 12, 0, 0);
export const fixedClock = { now: () => NOW_MS };

const SHA = 'a'.repeat(64);

/** One valid example per event, as a producer would send it. Specs copy and break them. */
export function validEvents(): Record<EventName, Record<string, unknown>> {
  return {
    PredictionEvent: {
      schemaVersion: 1,
      eventId: 'evt-0001',
      model: 'credit-risk',
      modelVersion: '3',
      timestamp: '2024-05-01T11:59:00Z',
      features: { age: 42, income: 51000.5, region: 'EU', employed: true, debt: null },
      prediction: { label: 'approve', score: 0.83, probabilities: { approve: 0.83, reject: 0.17 } },
      entityId: 'customer-17',
      segment: 'web',
      latencyMs: 3.2,
    },
    LabelEvent: {
      schemaVersion: 1,
      eventId: 'evt-0001',
      model: 'credit-risk',
      label: 'reject',
      timestamp: '2024-05-01T11:59:30.000Z',
    },
    InferenceRequest: {
      schemaVersion: 1,
      requestId: 'req-1',
      model: 'credit-risk',
      features: { age: 42, region: 'EU' },
    },
    LabeledPredictionEvent: {
      schemaVersion: 1,
      eventId: 'evt-0001',
      model: 'credit-risk',
      modelVersion: '3',
      timestamp: '2024-05-01T11:59:00.000Z',
      features: { age: 42, region: 'EU' },
      prediction: 'approve',
      label: 'reject',
      labelTimestamp: '2024-05-01T11:59:30.000Z',
    },
    DriftReport: {
      schemaVersion: 1,
      reportId: 'rep-1',
      model: 'credit-risk',
      version: '3',
      window: { kind: 'tumbling', start: '2024-05-01T11:00:00.000Z', end: '2024-05-01T12:00:00.000Z' },
      samples: { reference: 10000, current: 2400, labeled: 800 },
      features: [
        { feature: 'age', type: 'numerical', method: 'ks', score: 0.21, pValue: 0.001, threshold: 0.05, drifted: true },
        { feature: 'region', type: 'categorical', method: 'psi', score: 0.02, threshold: 0.1, drifted: false },
      ],
      datasetDrift: { share: 0.5, threshold: 0.1, drifted: true },
      predictionDrift: { method: 'jensen-shannon', score: 0.04, threshold: 0.1, drifted: false },
      performance: {
        metrics: [{ metric: 'accuracy', current: 0.71, baseline: 0.86, threshold: 0.1, degraded: true }],
        degraded: true,
      },
      driftType: 'data_and_concept',
      generatedAt: '2024-05-01T12:00:05.000Z',
    },
    RetrainRequest: {
      schemaVersion: 1,
      requestId: 'retrain-credit-risk-rep-1',
      model: 'credit-risk',
      reason: 'concept_drift',
      detail: 'accuracy fell 17% against baseline',
      reportRef: 'rep-1',
      dataWindow: { from: '2024-04-24T12:00:00.000Z', to: '2024-05-01T12:00:00.000Z' },
      requestedAt: '2024-05-01T12:00:06.000Z',
    },
    ModelRegistered: {
      schemaVersion: 1,
      model: 'credit-risk',
      version: '4',
      metrics: { accuracy: 0.88, f1: 0.81 },
      comparison: { primaryMetric: 'accuracy', challenger: 0.88, champion: 0.71, championVersion: '3', outperformsChampion: true },
      lineage: {
        parentVersion: '3',
        requestId: 'retrain-credit-risk-rep-1',
        dataWindow: { from: '2024-04-24T12:00:00.000Z', to: '2024-05-01T12:00:00.000Z' },
      },
      artifact: { uri: 'file:///var/mlops/registry/credit-risk/4/model.json', sha256: SHA },
      baselineProfile: { uri: 'file:///var/mlops/registry/credit-risk/4/profile.json', sha256: SHA },
      registeredAt: '2024-05-01T12:10:00.000Z',
    },
    ModelRejected: {
      schemaVersion: 1,
      model: 'credit-risk',
      requestId: 'retrain-credit-risk-rep-1',
      reason: 'not_better_than_champion',
      detail: 'accuracy 0.70 < champion 0.71',
      version: '4',
      rejectedAt: '2024-05-01T12:10:00.000Z',
    },
    ModelDeployed: {
      schemaVersion: 1,
      model: 'credit-risk',
      version: '4',
      artifact: { uri: 'file:///var/mlops/registry/credit-risk/4/model.json', sha256: SHA },
      baselineProfile: { uri: 'file:///var/mlops/registry/credit-risk/4/profile.json', sha256: SHA },
      previousVersion: '3',
      deployedAt: '2024-05-01T12:11:00.000Z',
    },
    DeployCommand: {
      schemaVersion: 1,
      command: 'promote',
      commandId: 'cmd-1',
      model: 'credit-risk',
      version: '4',
      requestedBy: 'alice@example.com',
      requestedAt: '2024-05-01T12:12:00.000Z',
    },
    DeadLetterEnvelope: {
      schemaVersion: 1,
      reason: 'features.age: expected finite number, received string',
      errorClass: 'schema_violation',
      sourceTopic: 'predictions.raw',
      sourcePartition: 2,
      sourceOffset: '12345',
      consumerGroup: 'ingestion',
      failedAt: '2024-05-01T12:00:00.000Z',
      attempts: 1,
      key: Buffer.from('customer-17').toString('base64'),
      value: Buffer.from('{"eventId":1}').toString('base64'),
      headers: { ce_type: Buffer.from('io.mlops.prediction.v1').toString('base64') },
    },
  };
}
