import { versionInput } from '../__tests__/saved-model.fixture';
import { InvalidNameError } from '../errors/invalid-name.error';
import { InvalidVersionInputError } from '../errors/invalid-version-input.error';
import { validateVersionInput } from './version-input';

describe('validateVersionInput', () => {
  it('stringifies params as MLflow stores them and serializes the profile once', () => {
    const valid = validateVersionInput(versionInput('m', '/src'));
    expect(valid.params).toEqual({ epochs: '20', learning_rate: '0.001', early_stopping: 'true', backend: 'wasm' });
    expect(JSON.parse(valid.baselineProfileJson.toString())).toEqual(versionInput('m', '/src').baselineProfile);
    expect(valid.lineage.kafkaOffsets?.[1]?.toOffset).toBe('9007199254740993');
  });

  it('checks the model name first', () => {
    expect(() => validateVersionInput(versionInput('../m', '/src', { metrics: { x: Number.NaN } }))).toThrow(InvalidNameError);
  });

  it.each([
    ['metrics.accuracy', { metrics: { accuracy: Number.POSITIVE_INFINITY } }],
    ['params.x', { params: { x: Number.NaN } }],
    ['tags.mlops.model', { tags: { 'mlops.model': 'x' } }],
    ['tags.a\nb', { tags: { 'a\nb': 'x' } }],
    ['tags.long', { tags: { long: 'x'.repeat(5001) } }],
    ['metrics', { metrics: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`m${i}`, i])) }],
    ['lineage.requestId', { lineage: { requestId: 'has space', dataWindow: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' } } }],
    ['lineage.kafkaOffsets.0.fromOffset', { lineage: { requestId: 'r', dataWindow: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, kafkaOffsets: [{ topic: 't', partition: 0, fromOffset: '-1', toOffset: '2' }] } }],
    ['baselineProfile', { baselineProfile: undefined as never }],
    ['sourceDir', { sourceDir: '' }],
  ])('names the field: %s', (field, overrides) => {
    const error = (() => {
      try {
        validateVersionInput(versionInput('m', '/src', overrides));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidVersionInputError);
    expect((error as InvalidVersionInputError).field).toBe(field);
  });
});
