import { DriftReport, RetrainRequest } from '@mlops/contracts';
import { WindowProfile } from '@mlops/drift-stats';
import type { Baseline } from '../../baselines/baseline';
import { readLabeledPrediction, readPrediction } from '../../events/monitored-event';
import { judgeWindow } from '../../merge/judge-window';
import { ReadyWindow, WindowMerger } from '../../merge/window-merger';
import { applyLabeled, applyPredictions } from '../../partials/apply-events';
import { PartialMessageSchema, PartialReport, SourceRole } from '../../partials/partial-message.schema';
import type { LabeledWindow } from '../../partials/labeled-window';
import { SourcePartition } from '../../partials/source-partition';
import { toPartialMessages } from '../../partials/to-partial-messages';
import { DetectorShelf } from '../../detectors/detector-shelf';
import { EMPTY_MEMORY } from '../../policy/decide-retrain';
import { RetrainPolicies, RetrainPolicy } from '../../policy/retrain-policy';
import { sourceWindowing, WindowSpec } from '../../windows/windowing';
import type { IngestedStream } from './stream-records';

/** The records of one source partition, in offset order. */
type PartitionLog = { value: string; recordTimeMs: number }[];

/** Splits a stream over partitions by key, as the default partitioner would keep per-key order. */
export function partitionStream(stream: IngestedStream, partitions: number): Record<SourceRole, PartitionLog[]> {
  const logs: Record<SourceRole, PartitionLog[]> = { predictions: [], labeled: [] };
  for (const role of ['predictions', 'labeled'] as const) logs[role] = Array.from({ length: partitions }, () => []);
  for (const item of stream.ordered) {
    const p = [...item.record.key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % partitions;
    logs[item.topic][p].push({ value: item.record.value, recordTimeMs: item.eventTimeMs });
  }
  return logs;
}

/**
 * Stage 1 without Kafka: runs each source partition through the same state and apply functions
 * as the consumer, in chunks, and returns the partial messages it would publish (JSON round trip
 * included), per source partition.
 */
export function buildPartials(logs: Record<SourceRole, PartitionLog[]>, baseline: Baseline, policy: RetrainPolicy, spec: WindowSpec, chunk = 500): PartialReport[][] {
  const policies = new RetrainPolicies(policy);
  const ctx = { resolve: () => ({ baseline }), policies, sampleSize: 512, errorCapacity: 20_000, nowMs: 0 };
  const out: PartialReport[][] = [];
  for (const role of ['predictions', 'labeled'] as const) {
    logs[role].forEach((log, partition) => {
      const messages: PartialReport[] = [];
      const state = new SourcePartition<WindowProfile | LabeledWindow>(partition, sourceWindowing(spec, logs[role].length));
      for (let start = 0; start < log.length; start += chunk) {
        const records = log.slice(start, start + chunk).map((r, i) => ({
          offset: BigInt(start + i),
          recordTimeMs: r.recordTimeMs,
          read: role === 'predictions' ? readPrediction(Buffer.from(r.value)) : readLabeledPrediction(Buffer.from(r.value)),
        }));
        if (role === 'predictions') applyPredictions(state as SourcePartition<WindowProfile>, records, ctx);
        else applyLabeled(state as SourcePartition<LabeledWindow>, records as Parameters<typeof applyLabeled>[1], ctx);
        const due = state.due([baseline.model]);
        for (const { message } of toPartialMessages(role, partition, due as Parameters<typeof toPartialMessages>[2])) {
          messages.push(PartialMessageSchema.parse(JSON.parse(JSON.stringify(message))) as PartialReport);
        }
        due.forEach((d) => state.announcedAs(d));
      }
      out.push(messages);
    });
  }
  return out;
}

/**
 * The partials of every source partition in the order a live system emits them: by frontier,
 * labeled ones after the predictions of the same window (labels come later).
 */
export function liveOrder(partials: PartialReport[][]): PartialReport[] {
  return partials.flat().sort((a, b) => a.frontier - b.frontier || (a.source === b.source ? 0 : a.source === 'predictions' ? -1 : 1));
}

/** Stage 2 without Kafka: feeds partials in the given order and evaluates every window that completes. */
export function evaluatePartials(order: PartialReport[], baseline: Baseline, policy: RetrainPolicy, spec: WindowSpec, partitions: number, labelWaitWindows = 1) {
  const merger = new WindowMerger({ labelWaitWindows, partitions: { predictions: partitions, labeled: partitions } });
  let memory = EMPTY_MEMORY;
  const detectors = new DetectorShelf();
  const reports: DriftReport[] = [];
  const requests: RetrainRequest[] = [];
  const evaluate = (ready: ReadyWindow[]) => {
    for (const window of ready) {
      const partials = window.versions.get(baseline.version);
      if (!partials) continue;
      const judged = judgeWindow({ model: baseline.model, index: window.index, partials, baseline, policy, spec, memory, detectors: detectors.for(baseline.model, baseline, policy), now: new Date(0) });
      if (!judged) continue;
      memory = judged.memory;
      reports.push(judged.evaluation.report);
      if (judged.request) requests.push(judged.request);
    }
  };
  for (const message of order) evaluate(merger.accept(message, 0).ready);
  return { reports, requests };
}
