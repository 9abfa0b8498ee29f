import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DriftReport, DriftReportSchema, RetrainRequest, RetrainRequestSchema, Topic, topicName } from '@mlops/contracts';
import { ConsumedMessage, createKafkaClient, ensureTopics, replayTopic } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { createModelRegistry, ModelRegistry, ModelVersion } from '@mlops/registry';
import { deployedEvent, freePort, ServiceProcess, startServiceProcess, testBrokers, uniqueName, waitFor } from '@mlops/testing';
import { Admin, Kafka, Partitioners, Producer } from 'kafkajs';
import type { IngestedStream } from './stream-records';

export const logger = createLogger({ name: 'drift-int-spec', level: 'warn' });

/** Settings every test process shares: 10 s windows, labels waited for up to 3 windows, long cooldown. */
export const TEST_WINDOW_ENV = {
  DRIFT_WINDOW_SIZE: '10s',
  DRIFT_ALLOWED_LATENESS: '1s',
  DRIFT_LABEL_WAIT_WINDOWS: '3',
  DRIFT_IDLE_TIMEOUT: '60s',
  DRIFT_POLICY_COOLDOWN: '1h',
  KAFKA_SESSION_TIMEOUT_MS: '6000',
  KAFKA_PROBE_INTERVAL_MS: '500',
  LOG_LEVEL: 'warn',
};

/** A real broker, a registry and helpers to run the drift service as a process against its own topics. */
export class DriftHarness {
  kafka!: Kafka;
  admin!: Admin;
  producer!: Producer;
  registryRoot!: string;
  private readonly services: ServiceProcess[] = [];

  async open(): Promise<void> {
    this.kafka = createKafkaClient({ brokers: testBrokers(), clientId: 'drift-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
    this.admin = this.kafka.admin();
    await this.admin.connect();
    this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    this.registryRoot = await mkdtemp(path.join(os.tmpdir(), 'drift-int-registry-'));
  }

  async stopServices(): Promise<void> {
    await Promise.all(this.services.splice(0).map((s) => s.stop('SIGKILL')));
  }

  async close(): Promise<void> {
    await this.stopServices();
    await this.producer.disconnect();
    await this.admin.disconnect();
    await rm(this.registryRoot, { recursive: true, force: true });
  }

  registry(kind: 'filesystem' | 'mlflow' = 'filesystem'): ModelRegistry {
    if (kind === 'filesystem') return createModelRegistry({ kind: 'filesystem', root: this.registryRoot });
    const trackingUri = process.env.MLFLOW_TRACKING_URI;
    if (!trackingUri) throw new Error('MLFLOW_TRACKING_URI is not set: run with jest.int.config.js');
    return createModelRegistry({ kind: 'mlflow', trackingUri });
  }

  /** Fresh topics under a new prefix: sources with `partitions` partitions. */
  async topics(partitions = 4): Promise<{ prefix: string; t: (topic: Topic) => string }> {
    const prefix = `${uniqueName('drift')}.`;
    const t = (topic: Topic) => topicName(topic, prefix);
    const specs = [Topic.Predictions, Topic.PredictionsLabeled, Topic.ModelsDeployed, Topic.DriftReports, Topic.RetrainRequests, Topic.DeadLetter].map((topic) => ({
      name: t(topic),
      partitions: topic === Topic.Predictions || topic === Topic.PredictionsLabeled ? partitions : 2,
      compacted: topic === Topic.ModelsDeployed,
    }));
    await ensureTopics(this.admin, specs, logger);
    return { prefix, t };
  }

  async deploy(t: (topic: Topic) => string, version: ModelVersion): Promise<void> {
    await this.producer.send({ topic: t(Topic.ModelsDeployed), messages: [{ key: version.model, value: JSON.stringify(deployedEvent(version)) }] });
  }

  async start(prefix: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
    const service = startServiceProcess(
      'drift-computation',
      { KAFKA_BROKERS: testBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, DRIFT_GROUP_ID: `${prefix}drift`, REGISTRY_ROOT: this.registryRoot, ...TEST_WINDOW_ENV, ...env },
      await freePort(),
    );
    this.services.push(service);
    await waitFor(async () => (await fetch(`${service.url}/health/ready`).catch(() => undefined))?.status === 200, 'drift-computation ready', { timeoutMs: 60_000, intervalMs: 250 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${service.output()}`);
    });
    return service;
  }

  /** Produces a stream in event-time order, in requests of `batch` records per topic. */
  async produce(t: (topic: Topic) => string, stream: IngestedStream, range: { from?: number; to?: number; batch?: number } = {}): Promise<void> {
    const items = stream.ordered.slice(range.from ?? 0, range.to ?? stream.ordered.length);
    const batch = range.batch ?? 1000;
    for (let i = 0; i < items.length; i += batch) {
      const chunk = items.slice(i, i + batch);
      const topicMessages = [
        { topic: t(Topic.Predictions), messages: chunk.filter((c) => c.topic === 'predictions').map((c) => c.record) },
        { topic: t(Topic.PredictionsLabeled), messages: chunk.filter((c) => c.topic === 'labeled').map((c) => c.record) },
      ].filter((m) => m.messages.length > 0);
      await this.producer.sendBatch({ topicMessages });
    }
  }

  async readAll(topic: string): Promise<ConsumedMessage[]> {
    const all: ConsumedMessage[] = [];
    await replayTopic({ kafka: this.kafka, topic, from: 'earliest', logger, handle: (ms) => void all.push(...ms) });
    return all;
  }

  async reports(t: (topic: Topic) => string): Promise<DriftReport[]> {
    return (await this.readAll(t(Topic.DriftReports))).map((m) => DriftReportSchema.parse(JSON.parse(String(m.value)))).sort((a, b) => a.window.start.localeCompare(b.window.start));
  }

  async requests(t: (topic: Topic) => string): Promise<RetrainRequest[]> {
    return (await this.readAll(t(Topic.RetrainRequests))).map((m) => RetrainRequestSchema.parse(JSON.parse(String(m.value))));
  }

  async count(topic: string): Promise<number> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  }

  /** Waits until `drift.reports` holds at least `n` reports, then a moment for stragglers. */
  async waitForReports(t: (topic: Topic) => string, n: number, timeoutMs = 120_000): Promise<DriftReport[]> {
    await waitFor(async () => (await this.count(t(Topic.DriftReports))) >= n, `${n} drift reports`, { timeoutMs, intervalMs: 500 });
    await new Promise((r) => setTimeout(r, 1500));
    return this.reports(t);
  }
}

/** Windows of `sizeMs` that every partition has closed once the whole stream is in. */
export function closedWindowsOf(stream: IngestedStream, sizeMs: number, latenessMs: number): number {
  const times = stream.events.map((e) => Date.parse(e.timestamp));
  const first = Math.floor(Math.min(...times) / sizeMs);
  // Every partition's watermark is close to the last event time; one window of margin.
  return Math.floor((Math.max(...times) - latenessMs) / sizeMs) - first - 1;
}
