import { InvalidConfigurationError, loadConfig } from '@mlops/service-runtime';
import { retrainingConfigSchema } from './retraining-config.schema';

const base = { KAFKA_BROKERS: '127.0.0.1:9092' };

describe('retrainingConfigSchema', () => {
  it('has defaults that train nothing on a schedule', () => {
    const config = loadConfig(retrainingConfigSchema, base);
    expect(config).toMatchObject({
      REGISTRY: 'filesystem',
      TFJS_BACKEND: 'wasm',
      RETRAINING_MIN_ROWS: 200,
      RETRAINING_HOLDOUT_FRACTION: 0.2,
      RETRAINING_SCHEDULES: [],
      RETRAINING_EXTERNAL_MODELS: [],
    });
    expect(config.RETRAINING_HIDDEN_UNITS).toBeUndefined();
  });

  it('reads lists, layer sizes and schedules', () => {
    const config = loadConfig(retrainingConfigSchema, {
      ...base,
      RETRAINING_HIDDEN_UNITS: '32,16',
      RETRAINING_EXTERNAL_MODELS: 'a, b',
      RETRAINING_SCHEDULES: 'loan=@weekly',
    });
    expect(config.RETRAINING_HIDDEN_UNITS).toEqual([32, 16]);
    expect(config.RETRAINING_EXTERNAL_MODELS).toEqual(['a', 'b']);
    expect(config.RETRAINING_SCHEDULES.map((s) => s.model)).toEqual(['loan']);
  });

  it('names each bad variable', () => {
    try {
      loadConfig(retrainingConfigSchema, { ...base, RETRAINING_SCHEDULES: 'loan=@never', RETRAINING_HOLDOUT_FRACTION: '1' });
      throw new Error('expected a configuration error');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidConfigurationError);
      const variables = (error as InvalidConfigurationError).problems.map((p) => p.variable).sort();
      expect(variables).toEqual(['RETRAINING_HOLDOUT_FRACTION', 'RETRAINING_SCHEDULES']);
    }
    expect(() => loadConfig(retrainingConfigSchema, { ...base, REGISTRY: 'mlflow' })).toThrow(/MLFLOW_TRACKING_URI: required \(required when REGISTRY=mlflow\)/);
    expect(() => loadConfig(retrainingConfigSchema, { ...base, RETRAINING_MIN_ROWS: '500', RETRAINING_MAX_ROWS: '100' })).toThrow(/RETRAINING_MAX_ROWS/);
  });
});
