import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ComposeFile, composeSchema, containerEnvironment, durationSeconds, readComposeFile } from './support/compose-file';
import { configProblems, DEFAULT_SHUTDOWN_TIMEOUT_MS, PIPELINE_SERVICES } from './support/pipeline-services';
import { fromRoot } from './support/paths';

interface ScrapeConfig {
  job_name: string;
  static_configs: { targets: string[]; labels?: Record<string, string> }[];
}

describe('docker-compose.yml (validated statically: no Docker engine here)', () => {
  const raw = readComposeFile();
  const parsed = composeSchema.safeParse(raw);
  const compose = (parsed.success ? parsed.data : raw) as ComposeFile;
  const services = compose.services ?? {};

  it('follows the Compose specification for every key it uses', () => {
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('runs a single-node Apache Kafka in KRaft mode from the official image', () => {
    const kafka = services['kafka'];
    expect(kafka.image).toBe('apache/kafka:4.1.1');
    const env = kafka.environment ?? {};
    expect(String(env['KAFKA_PROCESS_ROLES']).split(',').sort()).toEqual(['broker', 'controller']);
    expect(env['KAFKA_CONTROLLER_QUORUM_VOTERS']).toBe(`${env['KAFKA_NODE_ID']}@kafka:9093`);
    expect(String(env['KAFKA_ADVERTISED_LISTENERS'])).toContain('INTERNAL://kafka:9092');
    expect(env['CLUSTER_ID']).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(env['KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR']).toBe(1);
  });

  it('gives every container a healthcheck and makes every dependency wait for health', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, test: service.healthcheck?.test.length }).toEqual({ name, test: expect.any(Number) });
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: 'service_healthy' });
        expect(services[dependency]?.healthcheck).toBeDefined();
      }
    }
  });

  it.each(PIPELINE_SERVICES)('builds and runs $name: its image, Kafka first, readiness as health, time to shut down', (pipelineService) => {
    const service = services[pipelineService.name];
    expect(service.build).toEqual({ context: '.', args: { SERVICE: pipelineService.name } });
    expect(service.depends_on?.['kafka']).toEqual({ condition: 'service_healthy' });
    expect(service.healthcheck.test).toEqual(['CMD', 'node', 'healthcheck.js', '/health/ready']);

    const env = containerEnvironment(service);
    expect(env['KAFKA_BROKERS']).toBe('kafka:9092');
    expect(env['HTTP_PORT']).toBe(String(pipelineService.defaultHttpPort));
    expect(service.ports).toEqual([`${pipelineService.defaultHttpPort}:${pipelineService.defaultHttpPort}`]);
    expect(configProblems(pipelineService, env)).toEqual([]);

    // Docker's default is 10 s: the service needs SHUTDOWN_TIMEOUT_MS before SIGKILL.
    const shutdownMs = Number(env['SHUTDOWN_TIMEOUT_MS'] ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
    expect(durationSeconds(service.stop_grace_period ?? '10s')).toBeGreaterThan(shutdownMs / 1000);
    expect(service.cap_drop).toEqual(['ALL']);
  });

  it('mounts files that exist and declares its named volumes', () => {
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const [source] = volume.split(':');
        if (source.startsWith('./')) expect({ volume, exists: existsSync(fromRoot(source)) }).toEqual({ volume, exists: true });
        else expect(Object.keys(compose.volumes ?? {})).toContain(source);
      }
    }
  });

  it('has Prometheus scrape each service at its compose name and port, labelled with its name', () => {
    const config = parse(readFileSync(fromRoot('deploy', 'prometheus', 'prometheus.yml'), 'utf8')) as { scrape_configs: ScrapeConfig[] };
    const job = config.scrape_configs.find((c) => c.job_name === 'mlops')!;
    const targets = job.static_configs.map((s) => ({ target: s.targets.join(','), service: s.labels?.['service'] }));
    expect(targets).toEqual(PIPELINE_SERVICES.map((s) => ({ target: `${s.name}:${s.defaultHttpPort}`, service: s.name })));
    expect(services['prometheus'].volumes).toEqual(
      expect.arrayContaining(['./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro', './deploy/prometheus/rules:/etc/prometheus/rules:ro']),
    );
  });

  it('has Grafana provisioned with the Prometheus service and the dashboards folder', () => {
    const datasources = parse(readFileSync(fromRoot('deploy', 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8')) as {
      datasources: { type: string; url: string }[];
    };
    expect(datasources.datasources).toEqual([expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090' })]);
    const providers = parse(readFileSync(fromRoot('deploy', 'grafana', 'provisioning', 'dashboards', 'mlops.yml'), 'utf8')) as {
      providers: { options: { path: string } }[];
    };
    const dashboardsPath = providers.providers[0].options.path;
    expect(services['grafana'].volumes).toEqual(
      expect.arrayContaining(['./deploy/grafana/provisioning:/etc/grafana/provisioning:ro', `./deploy/grafana/dashboards:${dashboardsPath}:ro`]),
    );
  });
});
