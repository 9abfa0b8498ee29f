import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DRIFT_REPORT_TYPE, DriftReportSchema, RETRAIN_REQUEST_TYPE, RetrainRequestSchema, toCloudEventHeaders } from '@mlops/contracts';
import { BatchItemOutcome, ConsumedMessage, PermanentError, RetriableError } from '@mlops/kafka';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { KafkaRuntime } from '@mlops/service-runtime';
import { DRIFT_SOURCE } from '../drift-computation.constants';
import { DriftContext } from '../drift-context';
import { ensurePartialsTopic } from '../kafka/ensure-partials-topic';
import { committedOffsets, offsetsAtTime, partitionCount, PartitionRange, replayPartitionRanges } from '../kafka/replay-partition-ranges';
import { DriftMetrics } from '../metrics/drift.metrics';
import { PARTIAL_MESSAGE_SCHEMA_VERSION, PartialMessage, PartialMessageSchema } from '../partials/partial-message.schema';
import { PARTIAL_EVENT_TYPE } from '../partials/source-partials.consumer';
import { EMPTY_MEMORY, PolicyMemory } from '../policy/decide-retrain';
import { DetectorShelf } from '../detectors/detector-shelf';
import { ReportHistoryProvider } from '../reports/report-history.provider';
import { judgeWindow } from './judge-window';
import { PublishedLedger } from './published-ledger';
import { ReadyWindow, VersionPartials, WindowMerger } from './window-merger';

interface Outgoing {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Stage 2 of the service: owns some partitions of the partials topic (one consumer group for all
 * instances; a model's partials all land on one partition), merges each window's partials from
 * every source partition, evaluates it against the version's baseline, publishes the DriftReport
 * and applies the retrain policy (with the streaming detectors of each model version). Its state is a function of the partials log: after a restart
 * it replays its partitions over the merge horizon (publishing nothing), and the ids already on
 * `drift.reports` and `retrain.requests` keep a redelivered window from being published twice.
 */
@Injectable()
export class WindowEvaluatorConsumer implements OnModuleInit, OnApplicationShutdown {
  private readonly merger: WindowMerger;
  private readonly memory = new Map<string, PolicyMemory>();
  /** Streaming detectors per model version: fed in window order, rebuilt by the same replay as `memory`. */
  private readonly detectors = new DetectorShelf();
  private readonly ledger = new PublishedLedger();
  /** Next offset per partials partition, and when this instance last handled it. */
  private readonly positions = new Map<number, { next: bigint; seenAtMs: number }>();
  private readonly modelPartition = new Map<string, number>();
  private readonly notesSent = new Set<string>();
  private outbox: Outgoing[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastRefreshMs = 0;

  constructor(
    private readonly runtime: KafkaRuntime,
    private readonly context: DriftContext,
    private readonly metrics: DriftMetrics,
    private readonly reports: ReportHistoryProvider,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {
    this.merger = new WindowMerger({ labelWaitWindows: context.settings.labelWaitWindows, partitions: { predictions: 0, labeled: 0 } });
  }

  get groupId(): string {
    return `${this.context.config.DRIFT_GROUP_ID}.evaluate`;
  }

  onModuleInit(): void {
    this.runtime.registerConsumer({
      groupId: this.groupId,
      topics: [this.context.topics.partials],
      fromBeginning: true,
      maxChunkSize: 50,
      prepare: () => this.prepare(),
      handleBatch: (messages) => this.handle(messages),
    });
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async prepare(): Promise<void> {
    const { kafka } = this.runtime;
    const { topics, settings, config } = this.context;
    if (config.KAFKA_BOOTSTRAP_TOPICS === 'true') {
      await ensurePartialsTopic(kafka, { name: topics.partials, partitions: config.DRIFT_PARTIALS_PARTITIONS ?? config.KAFKA_TOPIC_PARTITIONS ?? 6, retentionMs: settings.partialsRetentionMs }, this.logger);
    }
    await this.refreshPartitions();
    await this.ledger.load(kafka, topics, Date.now() - settings.ledgerHorizonMs, this.logger);
    const committed = await committedOffsets(kafka, this.groupId, topics.partials);
    const starts = await offsetsAtTime(kafka, topics.partials, Date.now() - settings.mergeHorizonMs);
    const ranges: PartitionRange[] = [...committed].map(([partition, offset]) => {
      const start = starts.get(partition) ?? offset;
      return { partition, fromOffset: start < offset ? start : offset, toOffset: offset };
    });
    await this.replay(ranges);
    for (const { partition, toOffset } of ranges) this.positions.set(partition, { next: toOffset, seenAtMs: Date.now() });
    this.metrics.stateRebuilt('evaluator', 'start', ranges.length);
    this.logger.info('evaluator state rebuilt from committed offsets', { partitions: ranges.length, pendingWindows: this.merger.pendingWindows() });
    const tick = Math.max(100, Math.min(1000, Math.floor(settings.idleTimeoutMs / 4)));
    this.timer = setInterval(() => void this.onTick(), tick);
    this.timer.unref();
  }

  private async handle(messages: ConsumedMessage[]): Promise<BatchItemOutcome[]> {
    await this.flush();
    const partition = messages[0].partition;
    await this.catchUp(partition, BigInt(messages[0].offset), Number(messages[0].timestamp)).catch((error: Error) => {
      // Reading the partition's history failed (the broker, not the messages): retry the chunk.
      throw error instanceof RetriableError ? error : new RetriableError(`cannot rebuild partials partition ${partition}: ${error.message}`, { partition });
    });
    const outcomes = await this.process(messages, true);
    await this.flush();
    return outcomes;
  }

  /** Applies partials (and idle notes) in log order; `live` false during replays: state only, nothing published. */
  private async process(messages: ConsumedMessage[], live: boolean): Promise<BatchItemOutcome[]> {
    const outcomes: BatchItemOutcome[] = [];
    for (const message of messages) {
      const offset = BigInt(message.offset);
      const position = this.positions.get(message.partition);
      if (position && offset < position.next) {
        outcomes.push({ status: 'handled' });
        continue;
      }
      const parsed = parsePartial(message.value);
      if (!parsed.ok) outcomes.push({ status: 'rejected', error: new PermanentError(parsed.reason) });
      else {
        await this.apply(parsed.value, message.partition, live, Number(message.timestamp));
        outcomes.push({ status: 'handled' });
      }
      this.positions.set(message.partition, { next: offset + 1n, seenAtMs: Date.now() });
    }
    return outcomes;
  }

  private async apply(message: PartialMessage, partition: number, live: boolean, recordTimeMs: number): Promise<void> {
    this.modelPartition.set(message.model, partition);
    let ready: ReadyWindow[];
    if (message.type === 'partial') {
      // Baselines first: a registry outage must fail the chunk before the merger changes.
      await this.context.prefetch(message.windows.map((w) => ({ model: message.model, version: w.version })));
      const accepted = this.merger.accept(message, Date.now());
      ready = accepted.ready;
      if (live) {
        const topic = message.source === 'predictions' ? this.context.topics.predictions : this.context.topics.labeled;
        for (const late of accepted.late) this.metrics.countEvents(topic, 'late', late.rows);
      }
    } else {
      ready = this.merger.close(message);
      this.notesSent.delete(`${message.model}\u0000${message.index}`);
    }
    for (const window of ready) await this.evaluate(window, live, recordTimeMs);
  }

  /** `recordTimeMs`: broker time of the partial that completed the window (when it was evaluated live, for a replay). */
  private async evaluate(window: ReadyWindow, live: boolean, recordTimeMs: number): Promise<void> {
    const versions = [...window.versions.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const version of versions) {
      const lookup = await this.context.baselines.get(window.model, version);
      if (!lookup.ok) {
        this.logger.warn('window not evaluated: no baseline', { model: window.model, version, index: window.index, reason: lookup.reason });
        continue;
      }
      const started = process.hrtime.bigint();
      const previous = this.memory.get(window.model) ?? EMPTY_MEMORY;
      const now = new Date();
      const judged = judgeWindow({
        model: window.model,
        index: window.index,
        partials: window.versions.get(version) as VersionPartials,
        baseline: lookup.baseline,
        policy: this.context.policies.for(window.model),
        spec: this.context.settings.spec,
        // The cooldown also counts requests this instance only knows from retrain.requests.
        memory: { ...previous, lastRequestEndMs: maxOrNull(previous.lastRequestEndMs, this.ledger.lastRequestEndMs(window.model)) },
        detectors: this.detectors.for(window.model, lookup.baseline, this.context.policies.for(window.model)),
        now,
      });
      if (!judged) continue;
      const { evaluation, decision, request } = judged;
      this.memory.set(window.model, judged.memory);
      this.metrics.observeEvaluation(Number(process.hrtime.bigint() - started) / 1e9);
      if (!live) {
        // The stalled-windows alert reads when a window was last evaluated: a restart must not lose it.
        this.metrics.restoreEvaluatedAt(window.model, recordTimeMs);
        continue;
      }
      const { report } = evaluation;
      if (!this.ledger.hasReport(report.reportId)) {
        this.enqueue(this.context.topics.reports, report.model, DriftReportSchema.parse(report), DRIFT_REPORT_TYPE, report.reportId);
        this.ledger.addReport(report.reportId, now.getTime());
      }
      this.reports.history.add(report, evaluation.distributions);
      this.metrics.report(report, evaluation.sufficient, now.getTime());
      this.logger.info('window evaluated', {
        model: report.model,
        version,
        window: report.window,
        closedBy: window.closedBy,
        samples: report.samples,
        driftType: report.driftType,
        datasetDriftShare: report.datasetDrift.share,
        decision: decision.action === 'retrain' ? `retrain (${decision.reason})` : decision.why,
      });
      if (decision.action !== 'retrain' || !request) continue;
      if (this.ledger.hasRequest(request.requestId)) {
        this.logger.info('retrain request already published; not repeated', { model: request.model, requestId: request.requestId });
        continue;
      }
      this.enqueue(this.context.topics.requests, request.model, RetrainRequestSchema.parse(request), RETRAIN_REQUEST_TYPE, request.requestId);
      this.ledger.addRequest(request.model, request.requestId, decision.toMs, now.getTime());
      this.metrics.retrainRequested(request.model, request.reason);
      this.logger.info('retrain requested', { model: request.model, requestId: request.requestId, reason: request.reason, dataWindow: request.dataWindow, detail: request.detail });
    }
  }

  private enqueue(topic: string, key: string, value: object, type: string, id: string): void {
    this.outbox.push({ topic, key, value: JSON.stringify(value), headers: toCloudEventHeaders({ id, type, source: DRIFT_SOURCE, subject: key }) });
  }

  /** Sends what evaluation produced; kept until the broker has it, so a failed send is retried, never lost. */
  private async flush(): Promise<void> {
    if (this.outbox.length === 0) return;
    const pending = this.outbox;
    const byTopic = new Map<string, Outgoing[]>();
    for (const o of pending) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o]);
    try {
      await this.runtime.producer.sendBatch({ topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list.map(({ key, value, headers }) => ({ key, value, headers })) })) });
    } catch (error) {
      throw new RetriableError(`cannot publish drift reports: ${(error as Error).message}`, { pending: pending.length });
    }
    this.outbox = this.outbox.slice(pending.length);
  }

  /** Rebuilds a partials partition this instance has not handled (or not since a gap) before applying new messages. */
  private async catchUp(partition: number, first: bigint, recordTimeMs: number): Promise<void> {
    const position = this.positions.get(partition);
    if (position && position.next >= first) return;
    const { settings, topics } = this.context;
    let from = position?.next;
    if (from === undefined) {
      const starts = await offsetsAtTime(this.runtime.kafka, topics.partials, recordTimeMs - settings.mergeHorizonMs);
      from = starts.get(partition) ?? first;
    }
    // Reports another instance published for these models since this one last looked.
    await this.ledger.load(this.runtime.kafka, topics, Math.min(recordTimeMs, Date.now()) - settings.mergeHorizonMs, this.logger);
    if (from < first) await this.replay([{ partition, fromOffset: from, toOffset: first }]);
    this.positions.set(partition, { next: first, seenAtMs: Date.now() });
    this.metrics.stateRebuilt('evaluator', 'resume');
    this.logger.info('evaluator partition rebuilt', { partition, fromOffset: from.toString(), toOffset: first.toString() });
  }

  private async replay(ranges: PartitionRange[]): Promise<void> {
    if (ranges.length === 0) return;
    await replayPartitionRanges({ kafka: this.runtime.kafka, topic: this.context.topics.partials, ranges, logger: this.logger, handle: async (messages) => void (await this.process(messages, false)) });
  }

  private async onTick(): Promise<void> {
    const now = Date.now();
    try {
      if (now - this.lastRefreshMs > 60_000) await this.refreshPartitions();
      for (const { model, index } of this.merger.stalled(now, this.context.settings.idleTimeoutMs)) {
        const key = `${model}\u0000${index}`;
        const partition = this.modelPartition.get(model);
        const position = partition === undefined ? undefined : this.positions.get(partition);
        // Only for partitions handled here recently: a partition that moved to another instance
        // leaves stale state behind, which must not close that instance's windows.
        if (this.notesSent.has(key) || !position || now - position.seenAtMs > this.context.settings.idleTimeoutMs) continue;
        this.notesSent.add(key);
        await this.runtime.producer.send({
          topic: this.context.topics.partials,
          messages: [
            {
              key: model,
              value: JSON.stringify({ schemaVersion: PARTIAL_MESSAGE_SCHEMA_VERSION, type: 'close', model, index, reason: 'idle' }),
              headers: toCloudEventHeaders({ type: PARTIAL_EVENT_TYPE, source: DRIFT_SOURCE, subject: model }),
            },
          ],
        });
        this.logger.warn('window closed without every source partition (idle timeout)', { model, index, idleTimeoutMs: this.context.settings.idleTimeoutMs });
      }
      this.ledger.prune(now - this.context.settings.ledgerHorizonMs);
      this.forgetStalePartitions(now);
    } catch (error) {
      this.logger.warn('evaluator housekeeping failed; will retry', { error: (error as Error).message });
    }
  }

  /**
   * Partials partitions not handled here for the merge horizon (moved to another instance, or
   * quiet): their models' state is dropped; should one come back, it is rebuilt by replay.
   */
  private forgetStalePartitions(now: number): void {
    for (const [partition, position] of this.positions) {
      if (now - position.seenAtMs < this.context.settings.mergeHorizonMs) continue;
      this.positions.delete(partition);
      for (const [model, p] of this.modelPartition) {
        if (p !== partition) continue;
        this.modelPartition.delete(model);
        this.merger.forget(model);
        this.memory.delete(model);
        this.detectors.forget(model);
      }
      this.logger.info('forgot partials partition not handled here for a while', { partition });
    }
  }

  private async refreshPartitions(): Promise<void> {
    const { kafka } = this.runtime;
    const { topics } = this.context;
    this.lastRefreshMs = Date.now();
    this.merger.reconfigure({
      labelWaitWindows: this.context.settings.labelWaitWindows,
      partitions: { predictions: await partitionCount(kafka, topics.predictions), labeled: await partitionCount(kafka, topics.labeled) },
    });
  }
}

function parsePartial(bytes: Buffer | null): { ok: true; value: PartialMessage } | { ok: false; reason: string } {
  if (bytes === null) return { ok: false, reason: 'message value is null' };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, reason: 'payload is not valid JSON' };
  }
  const parsed = PartialMessageSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `not a partial window message: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` };
  return { ok: true, value: parsed.data };
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
