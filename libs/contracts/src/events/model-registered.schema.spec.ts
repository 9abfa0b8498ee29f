import { validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { ModelRegisteredSchema } from './model-registered.schema';

const valid = () => validEvents().ModelRegistered;
const parse = (input: unknown) => parseEvent(ModelRegisteredSchema, input);

describe('ModelRegistered', () => {
  it('accepts a challenger compared with its champion', () => {
    expect(parse(valid())).toEqual({ ok: true, value: valid() });
  });

  it('accepts a first version: no champion, no parent', () => {
    const first = {
      ...valid(),
      comparison: { primaryMetric: 'accuracy', challenger: 0.8, outperformsChampion: true },
      lineage: { requestId: 'r-1', dataWindow: { from: '2024-04-01T00:00:00.000Z', to: '2024-05-01T00:00:00.000Z' } },
    };
    expect(parse(first).ok).toBe(true);
  });

  it.each(['model', 'version', 'metrics', 'comparison', 'lineage', 'artifact', 'baselineProfile', 'registeredAt'])(
    'rejects a missing %s',
    (field) => {
      const input = valid();
      delete input[field];
      expect(parse(input)).toMatchObject({ ok: false, reason: `${field}: required` });
    },
  );

  it('rejects an artifact without a proper sha256 or with a relative uri', () => {
    expect(parse({ ...valid(), artifact: { uri: 'file:///m.json', sha256: 'ABC' } })).toMatchObject({
      reason: expect.stringMatching(/^artifact\.sha256: must match/),
    });
    expect(parse({ ...valid(), artifact: { uri: 'models/m.json', sha256: 'a'.repeat(64) } })).toMatchObject({
      reason: expect.stringMatching(/^artifact\.uri: must match/),
    });
  });

  it('rejects empty or non-finite metrics and an unsafe version', () => {
    expect(parse({ ...valid(), metrics: {} })).toMatchObject({ reason: 'metrics: must have at least 1 metric' });
    expect(parse({ ...valid(), metrics: { accuracy: NaN } })).toMatchObject({
      reason: 'metrics.accuracy: expected finite number, received NaN',
    });
    expect(parse({ ...valid(), version: '../3' })).toMatchObject({ reason: expect.stringMatching(/^version: must match/) });
  });

  it('rejects lineage without the request that caused it', () => {
    const { requestId: _r, ...lineage } = valid().lineage as Record<string, unknown>;
    expect(parse({ ...valid(), lineage })).toMatchObject({ reason: 'lineage.requestId: required' });
  });

  it('rejects unknown fields (control plane)', () => {
    expect(parse({ ...valid(), tags: ['x'] })).toMatchObject({ ok: false, reason: 'unknown field "tags"' });
  });
});
