import { LabeledPredictionEventSchema, type DataWindow } from '@mlops/contracts';
import type { ConsumedMessage } from '@mlops/kafka';
import type { TrainingExample } from '@mlops/model';
import type { KafkaOffsetRange } from '@mlops/registry';

export interface CollectedWindow {
  /** The model's labeled rows with event time in the window, oldest first, at most `maxRows` (the newest). */
  examples: TrainingExample[];
  /** Every offset range read, per partition: `[fromOffset, toOffset)`. */
  offsets: KafkaOffsetRange[];
  scanned: number;
  /** Rows in the window before the `maxRows` cut. */
  matched: number;
  invalid: number;
  duplicates: number;
}

interface Row {
  eventId: string;
  example: TrainingExample;
  timeMs: number;
  partition: number;
  offset: bigint;
}

/**
 * Picks one model's training rows out of `predictions.labeled` messages: event time (the
 * prediction's `timestamp`) in the half-open window, each eventId once, records that do not
 * validate counted and skipped. Keeps the range of offsets read so the pull can be replayed.
 */
export class TrainingWindowCollector {
  private readonly rows = new Map<string, Row>();
  private readonly ranges = new Map<string, { topic: string; partition: number; from: bigint; to: bigint }>();
  private readonly fromMs: number;
  private readonly toMs: number;
  private scanned = 0;
  private invalid = 0;
  private duplicates = 0;

  constructor(
    private readonly model: string,
    window: DataWindow,
    private readonly maxRows: number,
  ) {
    this.fromMs = Date.parse(window.from);
    this.toMs = Date.parse(window.to);
  }

  add(messages: readonly ConsumedMessage[]): void {
    for (const message of messages) {
      this.scanned++;
      this.track(message);
      const row = this.toRow(message);
      if (row === undefined) continue;
      if (this.rows.has(row.eventId)) this.duplicates++;
      else this.rows.set(row.eventId, row);
    }
  }

  result(): CollectedWindow {
    const sorted = [...this.rows.values()].sort((a, b) => a.timeMs - b.timeMs || a.partition - b.partition || (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
    const kept = sorted.slice(Math.max(0, sorted.length - this.maxRows));
    return {
      examples: kept.map((r) => r.example),
      offsets: [...this.ranges.values()]
        .sort((a, b) => a.partition - b.partition)
        .map((r) => ({ topic: r.topic, partition: r.partition, fromOffset: r.from.toString(), toOffset: (r.to + 1n).toString() })),
      scanned: this.scanned,
      matched: sorted.length,
      invalid: this.invalid,
      duplicates: this.duplicates,
    };
  }

  private toRow(message: ConsumedMessage): Row | undefined {
    if (message.value === null) return this.skipInvalid();
    let json: unknown;
    try {
      json = JSON.parse(message.value.toString('utf8'));
    } catch {
      return this.skipInvalid();
    }
    // Cheap checks first: most of the topic is other models or other times.
    const candidate = json as { model?: unknown; timestamp?: unknown };
    if (candidate.model !== this.model) return undefined;
    const timeMs = typeof candidate.timestamp === 'string' ? Date.parse(candidate.timestamp) : NaN;
    if (!(timeMs >= this.fromMs && timeMs < this.toMs)) return Number.isNaN(timeMs) ? this.skipInvalid() : undefined;
    const parsed = LabeledPredictionEventSchema.safeParse(json);
    if (!parsed.success) return this.skipInvalid();
    const example = { features: parsed.data.features, label: parsed.data.label };
    return { eventId: parsed.data.eventId, example, timeMs, partition: message.partition, offset: BigInt(message.offset) };
  }

  private skipInvalid(): undefined {
    this.invalid++;
    return undefined;
  }

  private track(message: ConsumedMessage): void {
    const key = `${message.topic}:${message.partition}`;
    const offset = BigInt(message.offset);
    const range = this.ranges.get(key);
    if (!range) this.ranges.set(key, { topic: message.topic, partition: message.partition, from: offset, to: offset });
    else {
      if (offset < range.from) range.from = offset;
      if (offset > range.to) range.to = offset;
    }
  }
}
