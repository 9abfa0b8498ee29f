import type { LabelEvent, PredictionEvent } from '@mlops/contracts';

/** Undoes one state change; a chunk whose output could not be sent rolls its changes back. */
export type Undo = () => void;

export type JoinResult =
  | { kind: 'joined'; prediction: PredictionEvent; label: LabelEvent; undo: Undo }
  | { kind: 'pending'; undo: Undo }
  | { kind: 'duplicate_label' };

/** A prediction's outcome: also `already_joined`, when its label came while an earlier copy of it waited. */
export type PredictionJoinResult = JoinResult | { kind: 'already_joined' };

interface Pending<T> {
  event: T;
  /** Processing time when it started waiting (the TTL clock). */
  at: number;
}

/**
 * A waiting prediction, held as its JSON text plus the two fields the join indexes by: one string
 * per prediction instead of an object tree. Up to `maxPending` predictions wait (most never see a
 * label for a long time), and the garbage collector walks every object held; read back on a join.
 */
interface WaitingPrediction {
  model: string;
  entityId?: string;
  json: string;
}

export interface JoinExpiry {
  /** Predictions whose label never came within the TTL. */
  unlabeledPredictions: number;
  /** Labels that never found their prediction within the TTL. */
  orphanedLabels: number;
}

/** A prediction's key in the join; the same string ingestion dedupes on (IngestionState.predictionId). */
export const predictionKey = (model: string, eventId: string) => `${model}\u0000${eventId}`;
const entityKey = (model: string, entityId: string) => `${model}\u0000${entityId}`;

/** A label's identity, for recognising the same label sent (or delivered) twice. */
export function labelIdentity(label: Pick<LabelEvent, 'model' | 'eventId' | 'entityId' | 'timestamp' | 'label'>): string {
  return [label.model, label.eventId ?? '', label.entityId ?? '', label.timestamp, JSON.stringify(label.label)].join('\u0000');
}

/**
 * Joins labels to predictions: by eventId when the label names one (exact), else by entityId
 * (the entity's most recent waiting prediction, or the first prediction of that entity to
 * arrive after the label). Labels may come before or long after
 * their prediction. Unmatched events wait up to `ttlMs` of processing time, bounded by
 * `maxPending` each; beyond either they are dropped from memory and counted. Pure state: no
 * clock (times are passed in), no I/O.
 */
export class LabelJoin {
  private readonly predictions = new Map<string, Pending<WaitingPrediction>>();
  private readonly predictionsByEntity = new Map<string, string[]>();
  private readonly labels = new Map<string, Pending<LabelEvent>>();
  private readonly labelsByEvent = new Map<string, string>();
  private readonly labelsByEntity = new Map<string, string[]>();
  /** Predictions already joined: a second label for one of them is a duplicate, not an orphan. */
  private readonly joined = new Map<string, number>();
  /** Labels already taken in (waiting or joined): a redelivered one is a duplicate, never re-joined. */
  private readonly seenLabels = new Map<string, number>();
  private evicted: JoinExpiry = { unlabeledPredictions: 0, orphanedLabels: 0 };

  constructor(
    readonly ttlMs: number,
    readonly maxPending: number,
  ) {
    if (!(ttlMs > 0)) throw new RangeError(`join TTL must be positive, got ${ttlMs}`);
    if (!(maxPending > 0)) throw new RangeError(`join capacity must be positive, got ${maxPending}`);
  }

  get pendingPredictions(): number {
    return this.predictions.size;
  }

  get pendingLabels(): number {
    return this.labels.size;
  }

  /**
   * A prediction arrives: join it with a waiting label, or let it wait. `key` may be passed when
   * the caller already built it (ingestion dedupes on the same string), so its hash is reused;
   * `json` likewise when the caller already serialised the prediction (`JSON.stringify` of it).
   */
  addPrediction(prediction: PredictionEvent, now: number, key = predictionKey(prediction.model, prediction.eventId), json?: string): PredictionJoinResult {
    // Only possible when chunks interleave: this prediction's chunk failed to write and was undone
    // after a later chunk had joined the waiting prediction with its label. It must not wait again.
    if (this.joined.has(key)) return { kind: 'already_joined' };
    const byEvent = this.labelsByEvent.get(key);
    const byEntity = prediction.entityId ? this.labelsByEntity.get(entityKey(prediction.model, prediction.entityId))?.[0] : undefined;
    const labelKey = byEvent ?? byEntity;
    if (labelKey !== undefined) {
      const waiting = this.labels.get(labelKey) as Pending<LabelEvent>;
      const undoLabel = this.removeLabel(labelKey);
      const undoJoined = this.markJoined(key, now);
      return {
        kind: 'joined',
        prediction,
        label: waiting.event,
        undo: () => {
          undoJoined();
          undoLabel();
        },
      };
    }
    const waiting: WaitingPrediction = { model: prediction.model, json: json ?? JSON.stringify(prediction) };
    if (prediction.entityId) waiting.entityId = prediction.entityId;
    return { kind: 'pending', undo: this.storePrediction(key, waiting, now) };
  }

  /** A label arrives: join it with its prediction, recognise it as a repeat, or let it wait. */
  addLabel(label: LabelEvent, now: number): JoinResult {
    const byEvent = label.eventId !== undefined ? predictionKey(label.model, label.eventId) : undefined;
    // One label per prediction: the first one wins, whether the prediction is joined or not yet seen.
    if (byEvent !== undefined && (this.joined.has(byEvent) || this.labelsByEvent.has(byEvent))) return { kind: 'duplicate_label' };
    const identity = labelIdentity(label);
    if (this.seenLabels.has(identity)) return { kind: 'duplicate_label' };
    const undoSeen = this.markSeen(identity, now);
    let key = byEvent !== undefined && this.predictions.has(byEvent) ? byEvent : undefined;
    if (key === undefined && label.eventId === undefined && label.entityId !== undefined) {
      // The most recent prediction for the entity is the one this outcome answers.
      const candidates = this.predictionsByEntity.get(entityKey(label.model, label.entityId));
      key = candidates?.[candidates.length - 1];
    }
    if (key !== undefined) {
      const waiting = this.predictions.get(key) as Pending<WaitingPrediction>;
      const undoPrediction = this.removePrediction(key);
      const undoJoined = this.markJoined(key, now);
      return {
        kind: 'joined',
        prediction: JSON.parse(waiting.event.json) as PredictionEvent,
        label,
        undo: () => {
          undoJoined();
          undoPrediction();
          undoSeen();
        },
      };
    }
    const undoStore = this.storeLabel(identity, label, now);
    return {
      kind: 'pending',
      undo: () => {
        undoStore();
        undoSeen();
      },
    };
  }

  /**
   * Restores a join made before a restart (from `predictions.labeled`): the prediction counts as
   * joined, and the label that joined it as seen, under each identity it may have had.
   */
  restoreJoined(model: string, eventId: string, at: number, labelIdentities: string[] = []): void {
    this.markJoined(predictionKey(model, eventId), at);
    for (const identity of labelIdentities) this.markSeen(identity, at);
  }

  isJoined(model: string, eventId: string): boolean {
    return this.joined.has(predictionKey(model, eventId));
  }

  /** Drops what waited longer than the TTL and returns the counts, including capacity evictions. */
  expire(now: number): JoinExpiry {
    const cutoff = now - this.ttlMs;
    const result = this.evicted;
    this.evicted = { unlabeledPredictions: 0, orphanedLabels: 0 };
    for (const [key, pending] of this.predictions) {
      if (pending.at >= cutoff) break;
      this.removePrediction(key);
      result.unlabeledPredictions++;
    }
    for (const [key, pending] of this.labels) {
      if (pending.at >= cutoff) break;
      this.removeLabel(key);
      result.orphanedLabels++;
    }
    for (const [key, at] of this.joined) {
      if (at >= cutoff) break;
      this.joined.delete(key);
    }
    for (const [key, at] of this.seenLabels) {
      if (at >= cutoff) break;
      this.seenLabels.delete(key);
    }
    return result;
  }

  private storePrediction(key: string, prediction: WaitingPrediction, now: number): Undo {
    if (this.predictions.has(key)) return () => undefined;
    this.predictions.set(key, { event: prediction, at: now });
    if (prediction.entityId) push(this.predictionsByEntity, entityKey(prediction.model, prediction.entityId), key);
    if (this.predictions.size > this.maxPending) {
      const oldest = this.predictions.keys().next().value as string;
      this.removePrediction(oldest);
      this.evicted.unlabeledPredictions++;
    }
    return () => void this.removePrediction(key);
  }

  private removePrediction(key: string): Undo {
    const pending = this.predictions.get(key);
    if (!pending) return () => undefined;
    this.predictions.delete(key);
    const { entityId, model } = pending.event;
    if (entityId) pull(this.predictionsByEntity, entityKey(model, entityId), key);
    return () => void this.storePrediction(key, pending.event, pending.at);
  }

  private storeLabel(identity: string, label: LabelEvent, now: number): Undo {
    this.labels.set(identity, { event: label, at: now });
    if (label.eventId !== undefined) this.labelsByEvent.set(predictionKey(label.model, label.eventId), identity);
    // Only labels without an eventId join by entity: an eventId is exact and always wins.
    else if (label.entityId !== undefined) push(this.labelsByEntity, entityKey(label.model, label.entityId), identity);
    if (this.labels.size > this.maxPending) {
      const oldest = this.labels.keys().next().value as string;
      this.removeLabel(oldest);
      this.evicted.orphanedLabels++;
    }
    return () => void this.removeLabel(identity);
  }

  private removeLabel(identity: string): Undo {
    const pending = this.labels.get(identity);
    if (!pending) return () => undefined;
    this.labels.delete(identity);
    const { eventId, entityId, model } = pending.event;
    if (eventId !== undefined && this.labelsByEvent.get(predictionKey(model, eventId)) === identity) {
      this.labelsByEvent.delete(predictionKey(model, eventId));
    }
    if (eventId === undefined && entityId !== undefined) pull(this.labelsByEntity, entityKey(model, entityId), identity);
    return () => void this.storeLabel(identity, pending.event, pending.at);
  }

  private markSeen(identity: string, at: number): Undo {
    if (this.seenLabels.has(identity)) return () => undefined;
    this.seenLabels.set(identity, at);
    if (this.seenLabels.size > this.maxPending * 4) this.seenLabels.delete(this.seenLabels.keys().next().value as string);
    return () => void this.seenLabels.delete(identity);
  }

  private markJoined(key: string, at: number): Undo {
    if (this.joined.has(key)) return () => undefined;
    this.joined.set(key, at);
    return () => void this.joined.delete(key);
  }
}

function push(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function pull(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (!list) return;
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) index.delete(key);
}
