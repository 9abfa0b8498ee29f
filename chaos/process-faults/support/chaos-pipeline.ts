import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DriftReport, Topic } from '@mlops/contracts';
import { createIdempotentProducer, createKafkaClient } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { createModelRegistry, type ModelRegistry } from '@mlops/registry';
import type { Scenario } from '@mlops/simulation';
import { uniqueName, waitFor } from '@mlops/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { AcceptedLedger } from './accepted-ledger';
import { windowDiscrepancies } from './exactly-once';
import { deployFirstModel } from '../../../tools/loop/first-model';
import { createPipelineTopics } from './pipeline-topics';
import { PipelineFleet, type FleetSettings } from './pipeline-fleet';
import { readReports } from './pipeline-snapshot';
import { windowStartOf } from './window-settings';

// The spec's own Kafka clients: their reconnect errors during an outage are expected, not news.
export const logger = createLogger({ name: 'chaos-process-faults', level: 'fatal' });

/**
 * One whole pipeline for a fault spec: its own topics under a fresh prefix, a filesystem
 * registry, the five services as processes, and the first model deployed and served.
 */
export class ChaosPipeline {
  private constructor(
    readonly kafka: Kafka,
    readonly admin: Admin,
    readonly producer: Producer,
    readonly prefix: string,
    readonly t: (topic: Topic) => string,
    readonly dataDir: string,
    readonly registry: ModelRegistry,
    readonly fleet: PipelineFleet,
  ) {}

  firstVersion = '';

  static async open(args: { brokers: string; scenario: Scenario; name: string; overrides?: FleetSettings['overrides'] }): Promise<ChaosPipeline> {
    const prefix = `${uniqueName(args.name)}.`;
    const kafka = createKafkaClient({ brokers: args.brokers.split(','), clientId: 'chaos', topicPrefix: prefix, connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
    const admin = kafka.admin();
    await admin.connect();
    const t = await createPipelineTopics(admin, prefix, logger);
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `chaos-${args.name}-`));
    const registryRoot = path.join(dataDir, 'registry');
    const registry = createModelRegistry({ kind: 'filesystem', root: registryRoot, logger });
    const fleet = new PipelineFleet({ brokers: args.brokers, prefix, dataDir, registryRoot, overrides: args.overrides });
    const pipeline = new ChaosPipeline(kafka, admin, producer, prefix, t, dataDir, registry, fleet);
    await fleet.startAll();
    const first = await deployFirstModel({
      scenario: args.scenario,
      registry,
      producer,
      topic: t,
      workDir: dataDir,
      inferenceUrl: fleet.url('inference'),
      logger,
      rows: 3000,
      rate: 100,
      runId: `first-${Date.now().toString(36)}`,
      trainer: 'chaos',
    });
    pipeline.firstVersion = first.version;
    return pipeline;
  }

  /**
   * Waits until the drift reports count at least as many predictions as were accepted in every
   * window before `closedBefore`, then a moment more (so a duplicate report would be in too),
   * and returns the reports. On time-out, the windows still short are in the error.
   */
  async reportsCovering(ledger: AcceptedLedger, closedBefore: number, timeoutMs = 90_000): Promise<DriftReport[]> {
    const accepted = ledger.perWindow(windowStartOf, closedBefore);
    let short: unknown[] = [];
    await waitFor(
      async () => {
        short = windowDiscrepancies(accepted, await readReports(this.kafka, this.t, logger), closedBefore).filter((w) => w.counted < w.accepted);
        return short.length === 0;
      },
      'drift reports for every closed window',
      { timeoutMs, intervalMs: 2000 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; windows still short: ${JSON.stringify(short)}`);
    });
    await new Promise((r) => setTimeout(r, 3000));
    return readReports(this.kafka, this.t, logger);
  }

  /** Stops the services (writing their logs into the data folder), and removes it unless `keep`. */
  async close(keep: boolean): Promise<void> {
    await this.fleet.stopAll();
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
    if (keep) process.stderr.write(`[chaos] logs and data kept in ${this.dataDir}\n`);
    else await rm(this.dataDir, { recursive: true, force: true });
  }
}
