import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { decodeEvent, ModelDeployedSchema, toCloudEventHeaders } from '@mlops/contracts';
import type { WindowProfile } from '@mlops/drift-stats';
import { BatchItemOutcome, ConsumedMessage, PermanentError, replayTopic, RetriableError } from '@mlops/kafka';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { KafkaRuntime } from '@mlops/service-runtime';
import { CompressionTypes } from 'kafkajs';
import { DRIFT_SOURCE } from '../drift-computation.constants';
import { DriftContext } from '../drift-context';
import { MonitoredPrediction, ReadResult, readLabeledPrediction, readPrediction } from '../events/monitored-event';
import { ensurePartialsTopic } from '../kafka/ensure-partials-topic';
import { committedOffsets, offsetsAtTime, partitionCount, PartitionRange, replayPartitionRanges } from '../kafka/replay-partition-ranges';
import { DriftMetrics } from '../metrics/drift.metrics';
import { countBlockSize, sourceWindowing } from '../windows/windowing';
import { ApplyCounts, applyLabeled, applyPredictions, DecodedRecord } from './apply-events';
import type { SourceRole } from './partial-message.schema';
import { PartitionStates } from './partition-states';
import type { LabeledWindow } from './labeled-window';
import type { SourcePartition } from './source-partition';
import { toPartialMessages } from './to-partial-messages';

export const PARTIAL_EVENT_TYPE = 'io.mlops.drift.partial.v1';

type AnyState = SourcePartition<WindowProfile> | SourcePartition<LabeledWindow>;

/**
 * Stage 1 of the service: owns some partitions of `predictions` and `predictions.labeled` (one
 * consumer group for all instances), profiles their events into windows per model version, and
 * when a partition closes windows publishes them to the partials topic before its offsets are
 * committed. After a restart (or when a partition moves here) the partition's open windows are
 * rebuilt by replaying it from where they could start, so no event is lost or counted twice.
 */
@Injectable()
export class SourcePartialsConsumer implements OnModuleInit, OnApplicationShutdown {
  readonly predictions: PartitionStates<WindowProfile>;
  readonly labeled: PartitionStates<LabeledWindow>;
  private forgetTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly runtime: KafkaRuntime,
    private readonly context: DriftContext,
    private readonly metrics: DriftMetrics,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {
    this.predictions = new PartitionStates(sourceWindowing(context.settings.spec, 1));
    this.labeled = new PartitionStates(sourceWindowing(context.settings.spec, 1));
  }

  onModuleInit(): void {
    const { topics, config } = this.context;
    this.runtime.registerConsumer({
      groupId: config.DRIFT_GROUP_ID,
      topics: [topics.predictions, topics.labeled],
      fromBeginning: true,
      maxChunkSize: config.DRIFT_MAX_CHUNK,
      // Partition states are keyed by partition and shared by the members: a partition that moves
      // between them keeps its state (it is exact up to nextOffset whoever handled it).
      members: config.DRIFT_SOURCE_CONSUMERS,
      prepare: () => this.prepare(),
      handleBatch: (messages) => this.handle(messages),
    });
  }

  onApplicationShutdown(): void {
    clearInterval(this.forgetTimer);
  }

  private async prepare(): Promise<void> {
    const { kafka } = this.runtime;
    const { topics, settings, config } = this.context;
    if (config.KAFKA_BOOTSTRAP_TOPICS === 'true') {
      await ensurePartialsTopic(kafka, { name: topics.partials, partitions: config.DRIFT_PARTIALS_PARTITIONS ?? config.KAFKA_TOPIC_PARTITIONS ?? 6, retentionMs: settings.partialsRetentionMs }, this.logger);
    }
    await replayTopic({
      kafka,
      topic: topics.deployed,
      from: 'earliest',
      logger: this.logger,
      handle: async (messages) => {
        for (const m of messages) {
          const decoded = decodeEvent(ModelDeployedSchema, m.value);
          if (decoded.ok) this.context.deployments.set(decoded.value.model, decoded.value.version);
        }
      },
    });
    await this.context.prefetch(this.context.deployments.models().map((model) => ({ model, version: undefined })));
    this.context.partitions = { predictions: await partitionCount(kafka, topics.predictions), labeled: await partitionCount(kafka, topics.labeled) };
    this.predictions.reconfigure(sourceWindowing(settings.spec, this.context.partitions.predictions));
    this.labeled.reconfigure(sourceWindowing(settings.spec, this.context.partitions.labeled));
    await this.rebuildFromCommitted('predictions');
    await this.rebuildFromCommitted('labeled');
    const forgetAfter = Math.max(settings.sourceHorizonMs, 10 * settings.idleTimeoutMs);
    this.forgetTimer = setInterval(() => {
      const forgotten = this.predictions.forgetIdle(Date.now() - forgetAfter) + this.labeled.forgetIdle(Date.now() - forgetAfter);
      if (forgotten > 0) this.logger.info('forgot source partitions not seen for a while', { partitions: forgotten });
    }, 60_000);
    this.forgetTimer.unref();
  }

  private async handle(messages: ConsumedMessage[]): Promise<BatchItemOutcome[]> {
    const role: SourceRole = messages[0].topic === this.context.topics.predictions ? 'predictions' : 'labeled';
    const partition = messages[0].partition;
    const { counts, state } = await this.applyMessages(role, messages, (first) =>
      this.catchUp(role, partition, first).catch((error: Error) => {
        // Reading the partition's history failed (the broker, not the messages): retry the chunk.
        throw error instanceof RetriableError ? error : new RetriableError(`cannot rebuild ${role} partition ${partition}: ${error.message}`, { role, partition });
      }),
    );
    if (role === 'predictions') await this.announce(role, state as SourcePartition<WindowProfile>);
    else await this.announce(role, state as SourcePartition<LabeledWindow>);
    const topic = messages[0].topic;
    this.metrics.countEvents(topic, 'accepted', counts.accepted);
    this.metrics.countEvents(topic, 'late', counts.late);
    this.metrics.countEvents(topic, 'unmonitored', counts.unmonitored);
    this.metrics.countEvents(topic, 'dead_lettered', counts.rejected.size);
    return messages.map((_, i) => {
      const reason = counts.rejected.get(i);
      return reason === undefined ? { status: 'handled' } : { status: 'rejected', error: new PermanentError(reason) };
    });
  }

  /**
   * Decodes a chunk of one partition, loads the baselines it needs (before anything changes, so
   * a registry outage retries the chunk cleanly), gets the partition's state and applies the chunk.
   */
  private async applyMessages(role: SourceRole, messages: ConsumedMessage[], stateFor: (first: DecodedRecord<unknown>) => Promise<AnyState>): Promise<{ counts: ApplyCounts; state: AnyState }> {
    const ctx = { resolve: this.context.resolve.bind(this.context), policies: this.context.policies, sampleSize: this.context.config.DRIFT_WINDOW_SAMPLE_SIZE, errorCapacity: this.context.config.DRIFT_DETECTOR_MAX_ERRORS, nowMs: Date.now() };
    if (role === 'predictions') {
      const records = messages.map((m) => decoded(m, readPrediction));
      await this.context.prefetch(okEvents(records));
      const state = (await stateFor(records[0])) as SourcePartition<WindowProfile>;
      return { counts: applyPredictions(state, records, ctx), state };
    }
    const records = messages.map((m) => decoded(m, readLabeledPrediction));
    await this.context.prefetch(okEvents(records));
    const state = (await stateFor(records[0])) as SourcePartition<LabeledWindow>;
    return { counts: applyLabeled(state, records, ctx), state };
  }

  /** Publishes the windows the partition closed; they leave memory only once the broker has them. */
  private async announce<A extends WindowProfile | LabeledWindow>(role: SourceRole, state: SourcePartition<A>): Promise<void> {
    const due = state.due(this.context.deployments.models());
    if (due.length === 0) return;
    const records = toPartialMessages(role, state.partition, due);
    try {
      await this.runtime.producer.sendBatch({
        compression: CompressionTypes.GZIP,
        topicMessages: [
          {
            topic: this.context.topics.partials,
            messages: records.map(({ key, message }) => ({
              key,
              value: JSON.stringify(message),
              headers: toCloudEventHeaders({ type: PARTIAL_EVENT_TYPE, source: DRIFT_SOURCE, subject: key }),
            })),
          },
        ],
      });
    } catch (error) {
      throw new RetriableError(`cannot publish partial windows: ${(error as Error).message}`, { partition: state.partition, role });
    }
    for (const d of due) state.announcedAs(d);
    const windows = due.reduce((n, d) => n + d.cells.length, 0);
    if (windows > 0) this.logger.debug('partial windows published', { role, partition: state.partition, frontier: due[0].frontier, windows });
  }

  /**
   * Makes the partition's state current up to `first`: rebuilds it when this instance has none
   * (from where its open windows can start), or replays the gap when the partition was handled
   * elsewhere in between. Windows closed before `first` were published by whoever handled them.
   */
  private async catchUp(role: SourceRole, partition: number, first: DecodedRecord<unknown>): Promise<AnyState> {
    const states = this.states(role);
    const existing = states.get(partition);
    if (existing && existing.nextOffset !== null && existing.nextOffset >= first.offset) return existing;
    const state = existing ?? states.create(partition);
    const from = existing?.nextOffset ?? (await this.rebuildStart(role, partition, first.offset, first.recordTimeMs));
    if (from < first.offset) await this.replayInto(role, [{ partition, fromOffset: from, toOffset: first.offset }]);
    state.nextOffset = first.offset;
    state.settleAfterReplay(this.context.deployments.models());
    this.metrics.stateRebuilt('source', 'resume');
    this.logger.info('source partition state rebuilt', { role, partition, fromOffset: from.toString(), toOffset: first.offset.toString(), openWindows: state.openWindows });
    return state;
  }

  /** Where the windows still open at `offset` can start: a horizon back in broker time, or the count block's start. */
  private async rebuildStart(role: SourceRole, partition: number, offset: bigint, recordTimeMs: number): Promise<bigint> {
    const { spec, sourceHorizonMs } = this.context.settings;
    if (spec.kind === 'count') {
      const block = BigInt(countBlockSize(spec.events, this.context.partitions[role]));
      return (offset / block) * block;
    }
    const starts = await offsetsAtTime(this.runtime.kafka, this.topicOf(role), recordTimeMs - sourceHorizonMs);
    const start = starts.get(partition) ?? offset;
    return start < offset ? start : offset;
  }

  /** At start: every partition the group has committed on is rebuilt up to its committed offset. */
  private async rebuildFromCommitted(role: SourceRole): Promise<void> {
    const topic = this.topicOf(role);
    const committed = await committedOffsets(this.runtime.kafka, this.context.config.DRIFT_GROUP_ID, topic);
    if (committed.size === 0) return;
    const { spec, sourceHorizonMs } = this.context.settings;
    const byTime = spec.kind === 'time' ? await offsetsAtTime(this.runtime.kafka, topic, Date.now() - sourceHorizonMs) : undefined;
    const ranges: PartitionRange[] = [];
    for (const [partition, offset] of committed) {
      let from: bigint;
      if (spec.kind === 'count') {
        const block = BigInt(countBlockSize(spec.events, this.context.partitions[role]));
        from = (offset / block) * block;
      } else {
        from = byTime?.get(partition) ?? offset;
        // The whole horizon lies after the committed offset (a group far behind): the first
        // message will tell where its windows start; leave the partition to the lazy path.
        if (from > offset) continue;
      }
      this.states(role).create(partition);
      ranges.push({ partition, fromOffset: from, toOffset: offset });
    }
    await this.replayInto(role, ranges);
    for (const { partition, toOffset } of ranges) {
      const state = this.states(role).get(partition) as AnyState;
      state.nextOffset = toOffset;
      state.settleAfterReplay(this.context.deployments.models());
    }
    this.metrics.stateRebuilt('source', 'start', ranges.length);
    this.logger.info('source state rebuilt from committed offsets', { role, partitions: ranges.length, openWindows: this.states(role).openWindows() });
  }

  private async replayInto(role: SourceRole, ranges: PartitionRange[]): Promise<void> {
    if (ranges.length === 0) return;
    await replayPartitionRanges({
      kafka: this.runtime.kafka,
      topic: this.topicOf(role),
      ranges,
      logger: this.logger,
      handle: async (messages) => {
        const partition = messages[0].partition;
        await this.applyMessages(role, messages, async () => this.states(role).get(partition) ?? this.states(role).create(partition));
      },
    });
  }

  private states(role: SourceRole): PartitionStates<WindowProfile> | PartitionStates<LabeledWindow> {
    return role === 'predictions' ? this.predictions : this.labeled;
  }

  private topicOf(role: SourceRole): string {
    return role === 'predictions' ? this.context.topics.predictions : this.context.topics.labeled;
  }
}

function decoded<E>(message: ConsumedMessage, read: (bytes: Buffer | null) => ReadResult<E>): DecodedRecord<E> {
  return { offset: BigInt(message.offset), recordTimeMs: Number(message.timestamp), read: read(message.value) };
}

function okEvents(records: DecodedRecord<MonitoredPrediction>[]): { model: string; version: string | undefined }[] {
  const pairs = new Map<string, { model: string; version: string | undefined }>();
  let previous: MonitoredPrediction | undefined;
  for (const r of records) {
    if (!r.read.ok) continue;
    const e = r.read.value;
    if (previous && previous.model === e.model && previous.modelVersion === e.modelVersion) continue;
    previous = e;
    pairs.set(`${e.model}@${e.modelVersion ?? ''}`, { model: e.model, version: e.modelVersion });
  }
  return [...pairs.values()];
}
