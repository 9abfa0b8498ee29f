import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@mlops/observability';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Inference's Prometheus series (names from the architecture's metric table). */
@Injectable()
export class InferenceMetrics {
  private readonly requests: Counter<'model' | 'version' | 'outcome'>;
  private readonly latency: Histogram<'model' | 'version' | 'stage'>;
  private readonly batchSize: Histogram<'model'>;
  private readonly deployed: Gauge<'model' | 'version'>;
  private readonly swaps: Counter<'model' | 'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.requests = new Counter({
      name: 'mlops_inference_requests_total',
      help: 'Inference requests by model, version and outcome (served, rejected).',
      labelNames: ['model', 'version', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'mlops_inference_latency_seconds',
      help: 'Inference latency by stage: queue (request produced to batch start) and compute (the batch prediction).',
      labelNames: ['model', 'version', 'stage'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'mlops_inference_batch_size',
      help: 'Rows per prediction call.',
      labelNames: ['model'],
      buckets: [1, 4, 16, 64, 256, 1024, 4096, 16384],
      registers,
    });
    this.deployed = new Gauge({
      name: 'mlops_model_deployed_info',
      help: 'Always 1 for the version each model is served with here.',
      labelNames: ['model', 'version'],
      registers,
    });
    this.swaps = new Counter({
      name: 'mlops_model_swaps_total',
      help: 'Hot swaps by outcome: swapped, or failed (the new version did not load; the old one kept serving).',
      labelNames: ['model', 'outcome'],
      registers,
    });
  }

  served(model: string, version: string, rows: number, computeSeconds: number, queueSeconds: readonly number[]): void {
    this.requests.inc({ model, version, outcome: 'served' }, rows);
    this.batchSize.observe({ model }, rows);
    this.latency.observe({ model, version, stage: 'compute' }, computeSeconds);
    for (const q of queueSeconds) this.latency.observe({ model, version, stage: 'queue' }, q);
  }

  rejected(model: string, version: string, count = 1): void {
    this.requests.inc({ model, version, outcome: 'rejected' }, count);
  }

  swapped(model: string, version: string, previous: string | undefined): void {
    if (previous !== undefined) this.deployed.remove({ model, version: previous });
    this.deployed.set({ model, version }, 1);
    this.swaps.inc({ model, outcome: 'swapped' });
  }

  swapFailed(model: string): void {
    this.swaps.inc({ model, outcome: 'failed' });
  }
}
