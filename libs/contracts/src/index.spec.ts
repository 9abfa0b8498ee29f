import * as contracts from './index';

describe('public entry', () => {
  it('exposes topics, schemas, decoding and header helpers', () => {
    expect(contracts.topicName(contracts.Topic.ModelsDeployed, 'dev.')).toBe('dev.models.deployed');
    expect(typeof contracts.decodeEvent).toBe('function');
    expect(typeof contracts.toCloudEventHeaders).toBe('function');
    expect(typeof contracts.toDeadLetterHeaders).toBe('function');
    expect(Object.keys(contracts.EVENT_CATALOG)).toHaveLength(11);
  });

  it('validates what a producer sends through the alias-facing API', () => {
    const result = contracts.decodeEvent(
      contracts.createLabelEventSchema({ now: () => Date.UTC(2024, 0, 1) }),
      Buffer.from(JSON.stringify({ schemaVersion: 1, entityId: 'c-1', model: 'm', label: 1, timestamp: 1704067200000 })),
    );
    expect(result).toEqual({
      ok: true,
      value: { schemaVersion: 1, entityId: 'c-1', model: 'm', label: 1, timestamp: '2024-01-01T00:00:00.000Z' },
    });
  });
});
