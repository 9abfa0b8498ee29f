import { HealthRegistry } from './health-registry';

describe('HealthRegistry', () => {
  it('is ready only when every indicator is up', async () => {
    const registry = new HealthRegistry();
    let kafkaUp = false;
    registry.register({ name: 'kafka', check: () => (kafkaUp ? { up: true } : { up: false, detail: 'broker unreachable' }) });
    registry.register({ name: 'model', check: async () => ({ up: true }) });
    expect(await registry.readiness()).toEqual({
      ready: false,
      checks: { kafka: { up: false, detail: 'broker unreachable' }, model: { up: true } },
    });
    kafkaUp = true;
    expect((await registry.readiness()).ready).toBe(true);
  });

  it('reports a throwing check as down instead of failing the probe', async () => {
    const registry = new HealthRegistry();
    registry.register({
      name: 'flaky',
      check: () => {
        throw new Error('boom');
      },
    });
    expect(await registry.readiness()).toEqual({ ready: false, checks: { flaky: { up: false, detail: 'check failed: boom' } } });
  });

  it('refuses two indicators with one name', () => {
    const registry = new HealthRegistry();
    registry.register({ name: 'kafka', check: () => ({ up: true }) });
    expect(() => registry.register({ name: 'kafka', check: () => ({ up: true }) })).toThrow('registered twice');
  });
});
