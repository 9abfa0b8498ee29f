import { loadConfig } from '@mlops/service-runtime';
import { inferenceConfigSchema } from './inference-config.schema';

const base = { KAFKA_BROKERS: '127.0.0.1:9092' };

describe('inferenceConfigSchema', () => {
  it('batches and commits off the fetch path by default', () => {
    expect(loadConfig(inferenceConfigSchema, base)).toMatchObject({
      INFERENCE_MAX_BATCH: 4096,
      INFERENCE_MAX_CHUNK: 1000,
      INFERENCE_CONCURRENCY: 4,
      INFERENCE_COMMIT_INTERVAL_MS: 1000,
    });
  });

  it('takes 0 as a commit after every batch, and names a bad commit interval', () => {
    expect(loadConfig(inferenceConfigSchema, { ...base, INFERENCE_COMMIT_INTERVAL_MS: '0' }).INFERENCE_COMMIT_INTERVAL_MS).toBe(0);
    expect(() => loadConfig(inferenceConfigSchema, { ...base, INFERENCE_COMMIT_INTERVAL_MS: '-1' })).toThrow(/INFERENCE_COMMIT_INTERVAL_MS/);
    expect(() => loadConfig(inferenceConfigSchema, { ...base, INFERENCE_COMMIT_INTERVAL_MS: 'soon' })).toThrow(/INFERENCE_COMMIT_INTERVAL_MS: expected milliseconds/);
  });
});
