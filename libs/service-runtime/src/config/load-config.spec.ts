import { z } from 'zod';
import { InvalidConfigurationError } from './invalid-configuration.error';
import { loadConfig } from './load-config';
import { runtimeEnvSchema } from './runtime-env.schema';

describe('loadConfig', () => {
  it('returns typed values with defaults', () => {
    const config = loadConfig(runtimeEnvSchema, { KAFKA_BROKERS: '127.0.0.1:9092', HTTP_PORT: '3005' });
    expect(config.HTTP_PORT).toBe(3005);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(15000);
  });

  it('names every bad variable with what was expected', () => {
    try {
      loadConfig(runtimeEnvSchema, { HTTP_PORT: 'eighty', LOG_LEVEL: 'loud' });
      throw new Error('expected a configuration error');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidConfigurationError);
      const problems = (error as InvalidConfigurationError).problems;
      expect(problems.map((p) => p.variable).sort()).toEqual(['HTTP_PORT', 'KAFKA_BROKERS', 'LOG_LEVEL']);
      expect((error as Error).message).toContain('KAFKA_BROKERS: required');
      expect((error as Error).message).toContain('LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, silent');
    }
  });

  it('treats empty strings as unset', () => {
    const schema = z.object({ N: z.coerce.number().default(7) });
    expect(loadConfig(schema, { N: '  ' })).toEqual({ N: 7 });
  });
});
