import { loadConfig } from '@mlops/service-runtime';
import { deploymentConfigSchema } from './deployment-config.schema';

const base = { KAFKA_BROKERS: '127.0.0.1:9092' };

describe('deploymentConfigSchema', () => {
  it('promotes automatically a strictly better challenger by default', () => {
    expect(loadConfig(deploymentConfigSchema, base)).toMatchObject({
      DEPLOYMENT_POLICY: 'better',
      DEPLOYMENT_MIN_IMPROVEMENT: 0,
      DEPLOYMENT_MANUAL_APPROVAL: false,
      DEPLOYMENT_PINNED_MODELS: [],
      REGISTRY: 'filesystem',
      TFJS_BACKEND: 'wasm',
    });
  });

  it('reads the policy settings and names bad values', () => {
    const config = loadConfig(deploymentConfigSchema, { ...base, DEPLOYMENT_POLICY: 'not_worse', DEPLOYMENT_MANUAL_APPROVAL: 'true', DEPLOYMENT_PINNED_MODELS: 'a,b' });
    expect(config).toMatchObject({ DEPLOYMENT_POLICY: 'not_worse', DEPLOYMENT_MANUAL_APPROVAL: true, DEPLOYMENT_PINNED_MODELS: ['a', 'b'] });
    expect(() => loadConfig(deploymentConfigSchema, { ...base, DEPLOYMENT_POLICY: 'best', DEPLOYMENT_MIN_IMPROVEMENT: '-1' })).toThrow(
      /DEPLOYMENT_POLICY: expected better or not_worse[\s\S]*DEPLOYMENT_MIN_IMPROVEMENT/,
    );
  });
});
