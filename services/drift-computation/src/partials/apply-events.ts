import { WindowProfile } from '@mlops/drift-stats';
import { BASELINE_PREDICTION_COLUMN, BASELINE_SCORE_COLUMN } from '@mlops/model';
import type { Baseline } from '../baselines/baseline';
import type { MonitoredLabeledPrediction, MonitoredPrediction, ReadResult } from '../events/monitored-event';
import type { RetrainPolicies } from '../policy/retrain-policy';
import { addLabeledEvent, createLabeledWindow, LabeledWindow } from './labeled-window';
import type { SourcePartition } from './source-partition';

/** One consumed record, decoded (or not) before the chunk is applied. */
export interface DecodedRecord<E> {
  offset: bigint;
  recordTimeMs: number;
  read: ReadResult<E>;
}

/** How an event is monitored: the baseline of its version, or why it is not. */
export type Resolution = { baseline: Baseline } | { unmonitored: 'no_version' | 'no_baseline' };

export interface ApplyCounts {
  accepted: number;
  late: number;
  unmonitored: number;
  /** Indexes (in the chunk) of records that are not valid events, with the reason. */
  rejected: Map<number, string>;
}

export interface ApplyContext {
  resolve(model: string, version: string | undefined): Resolution;
  policies: RetrainPolicies;
  sampleSize: number;
  /** Errors kept per window and source partition for the streaming detectors. */
  errorCapacity: number;
  nowMs: number;
}

const emptyCounts = (): ApplyCounts => ({ accepted: 0, late: 0, unmonitored: 0, rejected: new Map() });

/** ctx.resolve with the previous answer remembered: a chunk is mostly one model version (hot path). */
function lastResolution(ctx: ApplyContext): ApplyContext['resolve'] {
  let model: string | undefined;
  let version: string | undefined;
  let answer: Resolution | undefined;
  return (m, v) => {
    if (answer === undefined || m !== model || v !== version) {
      model = m;
      version = v;
      answer = ctx.resolve(m, v);
    }
    return answer;
  };
}

/**
 * Profiles predictions into their windows: features plus the prediction (and the score of
 * binary classifiers) as the baseline names them. Records already applied are skipped, so a
 * redelivered chunk counts once.
 */
export function applyPredictions(state: SourcePartition<WindowProfile>, records: readonly DecodedRecord<MonitoredPrediction>[], ctx: ApplyContext): ApplyCounts {
  const counts = emptyCounts();
  const resolve = lastResolution(ctx);
  records.forEach((record, i) => {
    if (state.applied(record.offset)) return;
    if (!record.read.ok) {
      counts.rejected.set(i, record.read.reason);
      state.advance(record.offset, undefined, record.recordTimeMs, ctx.nowMs);
      return;
    }
    const event = record.read.value;
    const resolution = resolve(event.model, event.modelVersion);
    if ('unmonitored' in resolution) counts.unmonitored++;
    else {
      const { baseline } = resolution;
      const cell = state.place(event.model, baseline.version, event.eventTimeMs, record.offset, () =>
        WindowProfile.forReference(baseline.reference, { seed: state.partition, sampleSize: ctx.sampleSize }),
      );
      if (cell === 'late') counts.late++;
      else {
        const row = event.features;
        row[BASELINE_PREDICTION_COLUMN] = event.predicted;
        if (baseline.hasScore && event.score !== undefined) row[BASELINE_SCORE_COLUMN] = event.score;
        cell.acc.update(row);
        counts.accepted++;
      }
    }
    state.advance(record.offset, event.eventTimeMs, record.recordTimeMs, ctx.nowMs);
  });
  return counts;
}

/** Measures labeled predictions into the windows of their prediction time, and keeps their errors in arrival order. */
export function applyLabeled(
  state: SourcePartition<LabeledWindow>,
  records: readonly DecodedRecord<MonitoredLabeledPrediction>[],
  ctx: ApplyContext,
): ApplyCounts {
  const counts = emptyCounts();
  records.forEach((record, i) => {
    if (state.applied(record.offset)) return;
    if (!record.read.ok) {
      counts.rejected.set(i, record.read.reason);
      state.advance(record.offset, undefined, record.recordTimeMs, ctx.nowMs);
      return;
    }
    const event = record.read.value;
    const resolution = ctx.resolve(event.model, event.modelVersion);
    const positiveLabel = ctx.policies.for(event.model).positiveLabel;
    if ('unmonitored' in resolution || resolution.baseline.task === null) counts.unmonitored++;
    else {
      const { baseline } = resolution;
      const cell = state.place(event.model, baseline.version, event.eventTimeMs, record.offset, () => createLabeledWindow(baseline, positiveLabel, ctx.errorCapacity) as LabeledWindow);
      if (cell === 'late') counts.late++;
      else {
        addLabeledEvent(cell.acc, event, positiveLabel);
        counts.accepted++;
      }
    }
    state.advance(record.offset, event.eventTimeMs, record.recordTimeMs, ctx.nowMs);
  });
  return counts;
}
