import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY, SERVICE_IDENTITY, ServiceIdentity } from '@mlops/observability';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ChunkCounts } from '../handlers/output-record';

/**
 * Ingestion's Prometheus series. Join hit rate is a query, not a gauge:
 * `sum(rate(mlops_label_joins_total{outcome="joined"}[5m])) / sum(rate(mlops_label_joins_total[5m]))`.
 */
@Injectable()
export class IngestionMetrics {
  private readonly events: Counter<'service' | 'topic' | 'outcome'>;
  private readonly deadLetters: Counter<'topic' | 'reason'>;
  private readonly joins: Counter<'outcome'>;
  private readonly labelDelay: Histogram;
  private readonly pending: Gauge<'kind'>;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity,
  ) {
    const registers = [registry];
    this.events = new Counter({
      name: 'mlops_events_total',
      help: 'Events consumed, by outcome: accepted, dead_lettered, duplicate.',
      labelNames: ['service', 'topic', 'outcome'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'mlops_ingestion_dead_letters_total',
      help: 'Events sent to the dead-letter topic, by source topic and reason code.',
      labelNames: ['topic', 'reason'],
      registers,
    });
    this.joins = new Counter({
      name: 'mlops_label_joins_total',
      help: 'Label join outcomes: joined, duplicate_label, unlabeled_expired (prediction never labeled), orphaned_expired (label never matched).',
      labelNames: ['outcome'],
      registers,
    });
    this.labelDelay = new Histogram({
      name: 'mlops_label_delay_seconds',
      help: 'Event time from a prediction to its label, at join.',
      buckets: [1, 10, 60, 300, 1800, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400],
      registers,
    });
    this.pending = new Gauge({
      name: 'mlops_label_join_pending',
      help: 'Events waiting in the label join: predictions without a label, labels without a prediction.',
      labelNames: ['kind'],
      registers,
    });
  }

  recordChunk(topic: string, counts: ChunkCounts): void {
    const service = this.identity.service;
    let deadLettered = 0;
    for (const [reason, n] of counts.deadLettered) {
      this.deadLetters.inc({ topic, reason }, n);
      deadLettered += n;
    }
    if (counts.accepted) this.events.inc({ service, topic, outcome: 'accepted' }, counts.accepted);
    if (counts.duplicate + counts.duplicateLabels) this.events.inc({ service, topic, outcome: 'duplicate' }, counts.duplicate + counts.duplicateLabels);
    if (deadLettered) this.events.inc({ service, topic, outcome: 'dead_lettered' }, deadLettered);
    if (counts.joined) this.joins.inc({ outcome: 'joined' }, counts.joined);
    if (counts.duplicateLabels) this.joins.inc({ outcome: 'duplicate_label' }, counts.duplicateLabels);
    for (const seconds of counts.labelDelaysSeconds) this.labelDelay.observe(Math.max(0, seconds));
  }

  recordExpiry(unlabeledPredictions: number, orphanedLabels: number): void {
    if (unlabeledPredictions) this.joins.inc({ outcome: 'unlabeled_expired' }, unlabeledPredictions);
    if (orphanedLabels) this.joins.inc({ outcome: 'orphaned_expired' }, orphanedLabels);
  }

  setPending(predictions: number, labels: number): void {
    this.pending.set({ kind: 'prediction' }, predictions);
    this.pending.set({ kind: 'label' }, labels);
  }
}
