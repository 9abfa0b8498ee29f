import { randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { decodeEvent, DriftReportSchema } from '@mlops/contracts';
import { ConsumedMessage, replayTopic } from '@mlops/kafka';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { KafkaRuntime } from '@mlops/service-runtime';
import { DriftContext } from '../drift-context';
import { ReportHistory } from './report-history';

/**
 * Keeps the recent reports of every model for the HTTP endpoints: the ledger horizon of
 * `drift.reports` replayed at start, then followed live by a group of this instance's own
 * (broadcast), so any instance answers for any model.
 */
@Injectable()
export class ReportHistoryProvider implements OnModuleInit {
  readonly history: ReportHistory;

  constructor(
    private readonly runtime: KafkaRuntime,
    private readonly context: DriftContext,
    @Inject(STRUCTURED_LOGGER) private readonly logger: StructuredLogger,
  ) {
    this.history = new ReportHistory(context.config.DRIFT_HISTORY_WINDOWS);
  }

  onModuleInit(): void {
    const topic = this.context.topics.reports;
    this.runtime.registerConsumer({
      groupId: `${this.context.config.DRIFT_GROUP_ID}.reports.${randomBytes(6).toString('hex')}`,
      ephemeral: true,
      topics: [topic],
      fromBeginning: false,
      prepare: async () => {
        await replayTopic({
          kafka: this.runtime.kafka,
          topic,
          from: { timestampMs: Date.now() - this.context.settings.ledgerHorizonMs },
          logger: this.logger,
          handle: (messages) => messages.forEach((m) => this.add(m)),
        });
      },
      handle: async (message) => this.add(message),
    });
  }

  private add(message: ConsumedMessage): void {
    const decoded = decodeEvent(DriftReportSchema, message.value);
    if (decoded.ok) this.history.add(decoded.value);
  }
}
