import { DedupeWindow } from '../dedupe/dedupe-window';
import { LabelJoin, predictionKey } from '../join/label-join';

export interface IngestionStateOptions {
  dedupeHorizonMs: number;
  joinTtlMs: number;
  maxPending: number;
}

/**
 * Everything ingestion remembers between messages: prediction ids seen (dedupe), label ids
 * seen, and the label join. In memory, rebuilt at start-up from the topics (see
 * rebuild-ingestion-state.ts), so a restart neither loses a waiting label nor re-emits an event.
 */
export class IngestionState {
  readonly predictionIds: DedupeWindow;
  readonly join: LabelJoin;

  constructor(readonly options: IngestionStateOptions) {
    this.predictionIds = new DedupeWindow(options.dedupeHorizonMs, Math.max(options.maxPending, 1000));
    this.join = new LabelJoin(options.joinTtlMs, options.maxPending);
  }

  /** The dedupe key of a prediction: the join's key too, so one string serves both. */
  static predictionId(model: string, eventId: string): string {
    return predictionKey(model, eventId);
  }
}
