import { createPredictionEventSchema, decodeEvent, PREDICTION_EVENT_TYPE, toCloudEventHeaders, Topic } from '@mlops/contracts';
import type { BatchItemOutcome, ConsumedMessage } from '@mlops/kafka';
import { InvalidEventError } from '../errors/invalid-event.error';
import type { Undo } from '../join/label-join';
import { IngestionState } from '../state/ingestion-state';
import { labeledOutput, labelDelaySeconds, INGESTION_SOURCE } from './labeled-output';
import { ChunkCounts, emptyCounts, OutputRecord } from './output-record';

export interface ChunkResult {
  outcomes: BatchItemOutcome[];
  outputs: OutputRecord[];
  /** Rolls every state change back, last first, if the outputs cannot be sent. */
  undo: Undo;
  counts: ChunkCounts;
}

/**
 * Turns a chunk of `predictions.raw` messages into outcomes and outputs: invalid ones are
 * rejected with the decoder's reason (they go to `dlq`), repeats of an eventId within the
 * horizon are dropped as duplicates, the rest are normalised and written to `predictions`
 * (keyed by model, so one model's events stay in order), and joined with any waiting label.
 * Pure apart from the state it updates (and can undo).
 */
export function processPredictionChunk(messages: ConsumedMessage[], state: IngestionState, now: Date): ChunkResult {
  const schema = createPredictionEventSchema({ now: () => now.getTime() });
  const outcomes: BatchItemOutcome[] = [];
  const outputs: OutputRecord[] = [];
  const undos: Undo[] = [];
  const counts = emptyCounts();
  for (const message of messages) {
    const decoded = decodeEvent(schema, message.value);
    if (!decoded.ok) {
      outcomes.push({ status: 'rejected', error: new InvalidEventError(decoded.code, decoded.reason) });
      counts.deadLettered.set(decoded.code, (counts.deadLettered.get(decoded.code) ?? 0) + 1);
      continue;
    }
    const event = decoded.value;
    outcomes.push({ status: 'handled' });
    const id = IngestionState.predictionId(event.model, event.eventId);
    if (!state.predictionIds.add(id, now.getTime())) {
      counts.duplicate++;
      continue;
    }
    undos.push(() => state.predictionIds.forget(id));
    counts.accepted++;
    outputs.push({
      topic: Topic.Predictions,
      key: event.model,
      value: JSON.stringify(event),
      headers: toCloudEventHeaders(
        { id: event.eventId, type: PREDICTION_EVENT_TYPE, source: INGESTION_SOURCE, subject: event.model, time: event.timestamp },
        { now: () => now },
      ),
    });
    const join = state.join.addPrediction(event, now.getTime());
    if (join.kind === 'duplicate_label') continue;
    undos.push(join.undo);
    if (join.kind === 'joined') {
      counts.joined++;
      counts.labelDelaysSeconds.push(labelDelaySeconds(join.prediction, join.label));
      outputs.push(labeledOutput(join.prediction, join.label, now));
    }
  }
  return { outcomes, outputs, counts, undo: () => undos.reverse().forEach((undo) => undo()) };
}
