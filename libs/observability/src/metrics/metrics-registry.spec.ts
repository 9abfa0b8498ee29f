import { createMetricsRegistry } from './metrics-registry';

describe('createMetricsRegistry', () => {
  it('exposes mlops_service_info and prefixed process metrics', async () => {
    const text = await createMetricsRegistry({ service: 'ingestion', version: '1.2.3' }).metrics();
    expect(text).toContain('# TYPE mlops_service_info gauge');
    expect(text).toContain('mlops_service_info{service="ingestion",version="1.2.3"} 1');
    expect(text).toMatch(/^mlops_process_cpu_seconds_total \d/m);
  });

  it('gives each service its own registry', async () => {
    const a = createMetricsRegistry({ service: 'a', version: '1' }, { defaultMetrics: false });
    const b = createMetricsRegistry({ service: 'b', version: '1' }, { defaultMetrics: false });
    expect(await a.metrics()).not.toContain('service="b"');
    expect(await b.metrics()).toContain('service="b"');
  });
});
