import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { SERVICE_CONFIG } from '@mlops/service-runtime';
import type { RetrainingConfig } from '../config/retraining-config.schema';
import { RetrainingMetrics } from '../metrics/retraining.metrics';
import { RetrainingPublisher } from '../publishing/retraining.publisher';
import { CronTimer } from './cron-timer';
import { scheduledRequest } from './scheduled-request';

/**
 * Fires each model's schedule (`RETRAINING_SCHEDULES`, UTC) by writing a RetrainRequest to
 * `retrain.requests`, like any other trigger: it is deduplicated, serialised with the others and
 * recorded as trigger `schedule`. Every instance fires; the requestId derived from the model and
 * the tick makes the repeats duplicates. Off unless configured.
 */
@Injectable()
export class RetrainScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers: CronTimer[] = [];

  constructor(
    private readonly publisher: RetrainingPublisher,
    private readonly metrics: RetrainingMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: RetrainingConfig,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {}

  onApplicationBootstrap(): void {
    for (const { model, cron } of this.config.RETRAINING_SCHEDULES) {
      const timer = new CronTimer(cron, (fireTime) => this.fire(model, fireTime));
      this.timers.push(timer);
      this.logger.info('retraining scheduled', { model, cron: cron.source, next: timer.start().toISOString() });
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) timer.stop();
  }

  private async fire(model: string, fireTime: Date): Promise<void> {
    const request = scheduledRequest(model, fireTime, this.config.RETRAINING_SCHEDULE_WINDOW_MS);
    try {
      await this.publisher.request(request);
      this.metrics.scheduleFired(model, true);
      this.logger.info('scheduled retrain request sent', { model, requestId: request.requestId });
    } catch (error) {
      this.metrics.scheduleFired(model, false);
      this.logger.error('scheduled retrain request could not be sent', { model, requestId: request.requestId, error: (error as Error).message });
    }
  }
}
