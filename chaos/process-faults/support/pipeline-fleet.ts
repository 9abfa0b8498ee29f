import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, startServiceProcess, waitFor, type ServiceProcess } from '@mlops/testing';
import { SERVICES, type ServiceName } from '../../../tools/loop/service-fleet';
import { driftWindowEnv } from './window-settings';

export { SERVICES, type ServiceName };

export interface FleetSettings {
  brokers: string;
  prefix: string;
  /** Registry root, scratch folders and, at the end, one log file per service incarnation. */
  dataDir: string;
  registryRoot: string;
  /** Extra or replaced variables per service (a spec's own settings, a deliberately broken one). */
  overrides?: Partial<Record<ServiceName, Record<string, string>>>;
}

/**
 * The five services as separate OS processes (libs/testing's startServiceProcess), wired as
 * `npm start` wires them, that a spec can kill -9 one at a time and start again with the same
 * environment and port, as a supervisor (Kubernetes, systemd) would.
 */
export class PipelineFleet {
  private readonly running = new Map<ServiceName, ServiceProcess>();
  private readonly ports = new Map<ServiceName, number>();
  private readonly incarnations: { service: ServiceName; instance: ServiceProcess }[] = [];

  constructor(private readonly settings: FleetSettings) {}

  url(service: ServiceName): string {
    return `http://127.0.0.1:${this.ports.get(service)}`;
  }

  async startAll(): Promise<void> {
    for (const service of SERVICES) await this.start(service);
    await Promise.all(SERVICES.map((s) => this.waitReady(s, 180_000)));
  }

  /** Starts `service` (on the port it had before, if it ran already); does not wait for readiness. */
  async start(service: ServiceName): Promise<ServiceProcess> {
    if (!this.ports.has(service)) this.ports.set(service, await freePort());
    const instance = startServiceProcess(service, this.env(service), this.ports.get(service)!);
    this.running.set(service, instance);
    this.incarnations.push({ service, instance });
    return instance;
  }

  /** SIGKILL: no shutdown hook runs, nothing is committed or flushed. */
  async kill(service: ServiceName): Promise<void> {
    const instance = this.running.get(service);
    if (!instance) throw new Error(`${service} is not running`);
    const { code } = await instance.stop('SIGKILL');
    if (code !== 'SIGKILL') throw new Error(`${service} had already exited (${code}) before the kill:\n${instance.output().slice(-3000)}`);
    this.running.delete(service);
  }

  /** SIGSTOP / SIGCONT: the process freezes in whatever it was doing (a long GC pause, a stalled VM). */
  freeze(service: ServiceName): void {
    this.running.get(service)?.child.kill('SIGSTOP');
  }

  thaw(service: ServiceName): void {
    this.running.get(service)?.child.kill('SIGCONT');
  }

  /** The consumer group of the service's data-plane consumer. */
  groupOf(service: 'ingestion' | 'inference' | 'drift-computation'): string {
    return `${this.settings.prefix}${{ ingestion: 'ingestion', inference: 'inference', 'drift-computation': 'drift' }[service]}`;
  }

  async ready(service: ServiceName): Promise<boolean> {
    const response = await fetch(`${this.url(service)}/health/ready`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    return response?.status === 200;
  }

  async waitReady(service: ServiceName, timeoutMs = 120_000): Promise<void> {
    const instance = this.running.get(service);
    await waitFor(
      async () => {
        if (instance && instance.child.exitCode !== null) throw new Error(`${service} exited with ${instance.child.exitCode}:\n${instance.output().slice(-3000)}`);
        return this.ready(service);
      },
      `${service} ready`,
      { timeoutMs, intervalMs: 250 },
    );
  }

  /** The current process's output so far (for log-based timing: "training window read", …). */
  output(service: ServiceName): string {
    return this.running.get(service)?.output() ?? '';
  }

  /** Services that died on their own (not by the spec's kill). */
  crashed(): string[] {
    return [...this.running].filter(([, p]) => p.child.exitCode !== null || p.child.signalCode !== null).map(([s, p]) => `${s} (${p.child.exitCode ?? p.child.signalCode})`);
  }

  /** Stops whatever still runs and writes every incarnation's output to `<dataDir>/logs-*.log`. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((p) => p.stop('SIGTERM', 15_000)));
    this.running.clear();
    this.incarnations.forEach(({ service, instance }, i) => writeFileSync(path.join(this.settings.dataDir, `logs-${i}-${service}.log`), instance.output()));
  }

  private env(service: ServiceName): Record<string, string> {
    const { brokers, prefix, dataDir, registryRoot } = this.settings;
    const common = {
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '1',
      // A killed member holds its partitions until the session times out: keep that short.
      KAFKA_SESSION_TIMEOUT_MS: '8000',
      KAFKA_PROBE_INTERVAL_MS: '500',
      REGISTRY: 'filesystem',
      REGISTRY_ROOT: registryRoot,
      LOG_LEVEL: 'info',
    };
    const own: Record<ServiceName, Record<string, string>> = {
      // Small chunks: outputs go out chunk by chunk and offsets are committed per fetched batch, so a
      // backlog keeps outputs ahead of the commit for most of its catch-up (see kill-mid-work.ts).
      ingestion: { INGESTION_GROUP_ID: `${prefix}ingestion`, INGESTION_MAX_CHUNK: '100' },
      inference: { INFERENCE_GROUP_ID: `${prefix}inference`, INFERENCE_MODEL_DIR: path.join(dataDir, 'inference'), INFERENCE_MAX_CHUNK: '100' },
      'drift-computation': { DRIFT_GROUP_ID: `${prefix}drift`, ...driftWindowEnv },
      retraining: {
        RETRAINING_GROUP_ID: `${prefix}retraining`,
        RETRAINING_WORK_DIR: path.join(dataDir, 'retraining'),
        RETRAINING_CATEGORICAL_FEATURES: 'elevel,car,zipcode',
        // Training runs inside the handler without heartbeats; it takes seconds here.
        RETRAINING_SESSION_TIMEOUT_MS: '20000',
        RETRAINING_MAX_EPOCHS: '30',
      },
      deployment: { DEPLOYMENT_GROUP_ID: `${prefix}deployment`, DEPLOYMENT_WORK_DIR: path.join(dataDir, 'deployment') },
    };
    return { ...common, ...own[service], ...this.settings.overrides?.[service] };
  }
}
