import { decodeEvent, DriftReportSchema, RetrainRequestSchema } from '@mlops/contracts';
import { replayTopic } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';

/**
 * What is already on `drift.reports` and `retrain.requests`: report and request ids (so a
 * window re-evaluated after a restart or redelivery is never published twice) and each model's
 * last requested window end (the cooldown survives restarts). Filled by replaying both topics
 * over the ledger horizon and kept current with this instance's own publications.
 */
export class PublishedLedger {
  private readonly reports = new Map<string, number>();
  private readonly requests = new Map<string, number>();
  private readonly lastRequestEnd = new Map<string, number>();

  hasReport(reportId: string): boolean {
    return this.reports.has(reportId);
  }

  hasRequest(requestId: string): boolean {
    return this.requests.has(requestId);
  }

  addReport(reportId: string, atMs: number): void {
    this.reports.set(reportId, atMs);
  }

  addRequest(model: string, requestId: string, windowEndMs: number, atMs: number): void {
    this.requests.set(requestId, atMs);
    this.lastRequestEnd.set(model, Math.max(this.lastRequestEnd.get(model) ?? -Infinity, windowEndMs));
  }

  lastRequestEndMs(model: string): number | null {
    return this.lastRequestEnd.get(model) ?? null;
  }

  /** Forgets ids published before `beforeMs` (older windows are never evaluated again). */
  prune(beforeMs: number): void {
    for (const ids of [this.reports, this.requests]) {
      for (const [id, at] of ids) if (at < beforeMs) ids.delete(id);
    }
  }

  /** Reads both topics from `fromMs` (broker time) to their current ends. */
  async load(kafka: Kafka, topics: { reports: string; requests: string }, fromMs: number, logger: StructuredLogger): Promise<void> {
    await replayTopic({
      kafka,
      topic: topics.reports,
      from: { timestampMs: fromMs },
      logger,
      handle: (messages) => {
        for (const m of messages) {
          const decoded = decodeEvent(DriftReportSchema, m.value);
          if (decoded.ok) this.addReport(decoded.value.reportId, Number(m.timestamp));
        }
      },
    });
    await replayTopic({
      kafka,
      topic: topics.requests,
      from: { timestampMs: fromMs },
      logger,
      handle: (messages) => {
        for (const m of messages) {
          const decoded = decodeEvent(RetrainRequestSchema, m.value);
          if (decoded.ok) this.addRequest(decoded.value.model, decoded.value.requestId, Date.parse(decoded.value.dataWindow.to), Number(m.timestamp));
        }
      },
    });
  }
}
