import type { DataWindow } from '@mlops/contracts';
import { replayTopic } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';
import { TrainingWindowCollector, type CollectedWindow } from './training-window-collector';

export interface WindowRead {
  kafka: Kafka;
  /** The broker-side name of `predictions.labeled`. */
  topic: string;
  model: string;
  window: DataWindow;
  /**
   * Labeled events are written when the label arrives, after the prediction, so every event whose
   * prediction falls in the window was appended at or after `from`. The read seeks to `from`
   * minus this slack (producer clocks drift) by message timestamp.
   */
  slackMs: number;
  maxRows: number;
  logger: StructuredLogger;
  timeoutMs?: number;
}

/**
 * Pulls a model's training rows for a data window from `predictions.labeled`: seeks every
 * partition by timestamp, reads up to the ends the topic had when the read began (labels for the
 * window may still arrive later than `to`), and keeps the rows whose event time is in the window.
 */
export async function readTrainingWindow(read: WindowRead): Promise<CollectedWindow> {
  const collector = new TrainingWindowCollector(read.model, read.window, read.maxRows);
  const started = Date.now();
  await replayTopic({
    kafka: read.kafka,
    topic: read.topic,
    from: { timestampMs: Date.parse(read.window.from) - read.slackMs },
    handle: (messages) => collector.add(messages),
    logger: read.logger,
    timeoutMs: read.timeoutMs,
  });
  const result = collector.result();
  read.logger.info('training window read', {
    model: read.model,
    topic: read.topic,
    from: read.window.from,
    to: read.window.to,
    scanned: result.scanned,
    rows: result.examples.length,
    invalid: result.invalid,
    durationMs: Date.now() - started,
  });
  return result;
}
