import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@mlops/observability';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestOutcome, RetrainObserver, ServiceStage } from '../requests/retrain-observer';

/** Retraining's Prometheus series. */
@Injectable()
export class RetrainingMetrics implements RetrainObserver {
  private readonly outcomes: Counter<'model' | 'outcome'>;
  private readonly stages: Histogram<'model' | 'stage'>;
  private readonly rows: Gauge<'model'>;
  private readonly scheduled: Counter<'model' | 'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.outcomes = new Counter({
      name: 'mlops_retrain_outcomes_total',
      help: 'Retrain requests by outcome: registered, rejected, duplicate, coalesced, external_trainer, invalid.',
      labelNames: ['model', 'outcome'],
      registers,
    });
    this.stages = new Histogram({
      name: 'mlops_retrain_stage_seconds',
      help: 'Time per stage of a retraining: pull (read predictions.labeled), champion (download and load), train, evaluate, register, publish.',
      labelNames: ['model', 'stage'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
      registers,
    });
    this.rows = new Gauge({ name: 'mlops_retrain_training_rows', help: 'Labeled rows in the last training window.', labelNames: ['model'], registers });
    this.scheduled = new Counter({
      name: 'mlops_retrain_schedule_fires_total',
      help: 'Scheduled retrain requests emitted (sent) or lost (failed: Kafka did not take them).',
      labelNames: ['model', 'outcome'],
      registers,
    });
  }

  outcome(model: string, outcome: RequestOutcome): void {
    this.outcomes.inc({ model, outcome });
  }

  stage(model: string, stage: ServiceStage, seconds: number): void {
    this.stages.observe({ model, stage }, seconds);
  }

  trainingRows(model: string, rows: number): void {
    this.rows.set({ model }, rows);
  }

  scheduleFired(model: string, sent: boolean): void {
    this.scheduled.inc({ model, outcome: sent ? 'sent' : 'failed' });
  }
}
