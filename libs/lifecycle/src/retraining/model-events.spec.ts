import { comparisonFromTags, comparisonTags, modelRegisteredEvent, modelRejectedEvent, oneLine } from './model-events';

const sha = (c: string) => c.repeat(64);
const version = {
  model: 'loan',
  version: '4',
  metrics: { accuracy: 0.91 },
  lineage: {
    parentVersion: '3',
    requestId: 'req-1',
    dataWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' },
    kafkaOffsets: [{ topic: 'predictions.labeled', partition: 0, fromOffset: '0', toOffset: '10' }],
  },
  artifact: { uri: 'file:///r/loan/4/artifact', sha256: sha('a') },
  baselineProfile: { uri: 'file:///r/loan/4/baseline-profile.json', sha256: sha('b') },
};

describe('model events', () => {
  it('builds a valid ModelRegistered without the registry-only Kafka offsets', () => {
    const comparison = { primaryMetric: 'accuracy', challenger: 0.91, champion: 0.8, championVersion: '3', outperformsChampion: true };
    const event = modelRegisteredEvent(version, comparison, new Date('2026-01-08T00:00:01Z'));
    expect(event.lineage).toEqual({ parentVersion: '3', requestId: 'req-1', dataWindow: version.lineage.dataWindow });
    expect(event).toMatchObject({ schemaVersion: 1, model: 'loan', version: '4', comparison, registeredAt: '2026-01-08T00:00:01.000Z' });
  });

  it('round-trips the comparison through version tags', () => {
    const full = { primaryMetric: 'log_loss', challenger: 0.25, champion: 0.5, championVersion: '7', outperformsChampion: true };
    expect(comparisonFromTags(comparisonTags(full))).toEqual(full);
    const first = { primaryMetric: 'accuracy', challenger: 0.5, outperformsChampion: true };
    expect(comparisonFromTags(comparisonTags(first))).toEqual(first);
    expect(comparisonFromTags({ trainer: 'external' })).toBeUndefined();
  });

  it('builds ModelRejected with a one-line detail within the contract length', () => {
    const event = modelRejectedEvent({ model: 'loan', requestId: 'r', reason: 'insufficient_data', detail: 'no\nrows   here' }, new Date(0));
    expect(event).toEqual({ schemaVersion: 1, model: 'loan', requestId: 'r', reason: 'insufficient_data', detail: 'no rows here', rejectedAt: '1970-01-01T00:00:00.000Z' });
    expect(oneLine('x'.repeat(5000))).toHaveLength(1000);
  });
});
