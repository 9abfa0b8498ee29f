import { createPredictionEventDecoder, decodeEvent, LabeledPredictionEventSchema, LabelEventSchema, Topic } from '@mlops/contracts';
import { replayTopic } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';
import { labelIdentity } from '../join/label-join';
import { IngestionState } from './ingestion-state';

/** `predictions` holds validated events: no clock, and most take the decoder's fast path. */
const decodePrediction = createPredictionEventDecoder();

export interface RebuildDeps {
  kafka: Kafka;
  /** The ingestion consumer group: labels are replayed only up to its committed offsets. */
  groupId: string;
  topic: (topic: Topic) => string;
  logger: StructuredLogger;
  now: number;
}

/**
 * Rebuilds the dedupe window and the label join from the topics — our choice over a separate
 * state topic, because the topics already hold everything and replay needs no extra writes:
 *
 *   1. `predictions.labeled` (join TTL): predictions already joined, so their labels are repeats;
 *   2. `predictions` (dedupe horizon or TTL, the longer): ids already emitted, so a redelivered
 *      raw event is a duplicate; those not yet joined wait for their label again;
 *   3. `labels.raw` (join TTL, up to the group's committed offsets, i.e. labels already handled):
 *      labels still waiting. Everything after the committed offsets is left to the consumer.
 *
 * Message timestamps stand in for the processing time at which each item started waiting.
 */
export async function rebuildIngestionState(state: IngestionState, deps: RebuildDeps): Promise<void> {
  const { dedupeHorizonMs, joinTtlMs } = state.options;
  let joined = 0;
  let predictions = 0;
  let waitingLabels = 0;
  await replayTopic({
    kafka: deps.kafka,
    topic: deps.topic(Topic.PredictionsLabeled),
    from: { timestampMs: deps.now - joinTtlMs },
    logger: deps.logger,
    handle: (messages) => {
      for (const m of messages) {
        const decoded = decodeEvent(LabeledPredictionEventSchema, m.value);
        if (!decoded.ok) continue;
        const { model, eventId, entityId, labelTimestamp: timestamp, label } = decoded.value;
        // The label that made this join may have named the eventId, the entityId or both.
        const identities = [labelIdentity({ model, eventId, timestamp, label })];
        if (entityId) identities.push(labelIdentity({ model, entityId, timestamp, label }), labelIdentity({ model, eventId, entityId, timestamp, label }));
        state.join.restoreJoined(model, eventId, Number(m.timestamp), identities);
        state.predictionIds.add(IngestionState.predictionId(decoded.value.model, decoded.value.eventId), Number(m.timestamp));
        joined++;
      }
    },
  });
  await replayTopic({
    kafka: deps.kafka,
    topic: deps.topic(Topic.Predictions),
    from: { timestampMs: deps.now - Math.max(dedupeHorizonMs, joinTtlMs) },
    logger: deps.logger,
    handle: (messages) => {
      for (const m of messages) {
        const decoded = decodePrediction(m.value);
        if (!decoded.ok) continue;
        const { model, eventId } = decoded.value;
        const at = Number(m.timestamp);
        if (at >= deps.now - dedupeHorizonMs) state.predictionIds.add(IngestionState.predictionId(model, eventId), at);
        if (at >= deps.now - joinTtlMs && !state.join.isJoined(model, eventId)) state.join.addPrediction(decoded.value, at);
        predictions++;
      }
    },
  });
  const admin = deps.kafka.admin();
  await admin.connect();
  const labelsTopic = deps.topic(Topic.LabelsRaw);
  const [committed] = await admin.fetchOffsets({ groupId: deps.groupId, topics: [labelsTopic] }).finally(() => admin.disconnect());
  await replayTopic({
    kafka: deps.kafka,
    topic: labelsTopic,
    from: { timestampMs: deps.now - joinTtlMs },
    until: committed.partitions,
    logger: deps.logger,
    handle: (messages) => {
      for (const m of messages) {
        const decoded = decodeEvent(LabelEventSchema, m.value);
        if (!decoded.ok) continue;
        // Handled before the restart and not joined since (else step 1 saw it): it still waits.
        if (state.join.addLabel(decoded.value, Number(m.timestamp)).kind === 'pending') waitingLabels++;
      }
    },
  });
  deps.logger.info('ingestion state rebuilt', {
    joined,
    predictions,
    pendingPredictions: state.join.pendingPredictions,
    pendingLabels: state.join.pendingLabels,
    waitingLabels,
  });
}
