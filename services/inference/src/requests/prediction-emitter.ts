import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Topic } from '@mlops/contracts';
import { backoffDelay, sleep } from '@mlops/kafka';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { KafkaRuntime } from '@mlops/service-runtime';
import type { predictionRecord } from './prediction-event.factory';

type PredictionRecord = ReturnType<typeof predictionRecord>;

/** Records kept while Kafka is unreachable; beyond it the oldest are dropped (and logged). */
export const MAX_BUFFERED_PREDICTIONS = 100_000;

/**
 * Sends the PredictionEvents of HTTP predictions to `predictions.raw` in the background, many
 * per request, so an HTTP answer never waits for Kafka. Retries with back-off while the broker
 * is away; flushes what is left when the service stops.
 */
@Injectable()
export class PredictionEmitter implements OnModuleDestroy {
  private buffer: PredictionRecord[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dropped = 0;
  private readonly stopController = new AbortController();

  constructor(
    private readonly runtime: KafkaRuntime,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {}

  emit(records: PredictionRecord[]): void {
    this.buffer.push(...records);
    if (this.buffer.length > MAX_BUFFERED_PREDICTIONS) {
      const excess = this.buffer.length - MAX_BUFFERED_PREDICTIONS;
      this.buffer.splice(0, excess);
      this.dropped += excess;
      this.logger.error('prediction events dropped: Kafka unreachable and the buffer is full', { dropped: this.dropped });
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, 5);
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    await this.flush();
    this.stopController.abort();
  }

  private flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async drain(): Promise<void> {
    for (let attempt = 1; this.buffer.length > 0; ) {
      const batch = this.buffer.slice(0, 1000);
      try {
        await this.runtime.producer.send({ topic: this.runtime.topic(Topic.PredictionsRaw), messages: batch });
        this.buffer.splice(0, batch.length);
        attempt = 1;
      } catch (error) {
        this.logger.warn('cannot emit prediction events yet; retrying', { buffered: this.buffer.length, error: (error as Error).message });
        if (!(await sleep(backoffDelay(attempt++), this.stopController.signal))) return;
      }
    }
  }
}
