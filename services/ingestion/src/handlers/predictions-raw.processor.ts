import { createPredictionEventDecoder, PREDICTION_EVENT_TYPE, toCloudEventHeaders, Topic } from '@mlops/contracts';
import type { BatchItemOutcome, ConsumedMessage } from '@mlops/kafka';
import { InvalidEventError } from '../errors/invalid-event.error';
import { checkFeatures } from '../schemas/check-features';
import type { ModelFeatureSchema } from '../schemas/feature-schema-catalog';
import type { Undo } from '../join/label-join';
import { IngestionState } from '../state/ingestion-state';
import { ChunkClock } from './chunk-clock';
import { labeledOutput, labelDelaySeconds, INGESTION_SOURCE } from './labeled-output';
import { ChunkCounts, emptyCounts, OutputRecord, rejectMessage } from './output-record';

export interface ChunkResult {
  outcomes: BatchItemOutcome[];
  outputs: OutputRecord[];
  /** Rolls every state change back, last first, if the outputs cannot be sent. */
  undo: Undo;
  counts: ChunkCounts;
}

const clock = new ChunkClock();
const decodePrediction = createPredictionEventDecoder(clock);

/**
 * Turns a chunk of `predictions.raw` messages into outcomes and outputs: invalid ones are
 * rejected with the decoder's reason (they go to `dlq`), repeats of an eventId within the
 * horizon are dropped as duplicates, the rest are normalised and written to `predictions`
 * (keyed by model, so one model's events stay in order), and joined with any waiting label.
 * When the model's deployed feature schema is known, features must match it (numeric strings
 * become numbers for numerical features only).
 * Pure apart from the state it updates (and can undo).
 */
export function processPredictionChunk(
  messages: ConsumedMessage[],
  state: IngestionState,
  now: Date,
  schemas?: (model: string) => ModelFeatureSchema | undefined,
): ChunkResult {
  clock.set(now);
  const outcomes: BatchItemOutcome[] = [];
  const outputs: OutputRecord[] = [];
  const undos: Undo[] = [];
  const counts = emptyCounts();
  for (const message of messages) {
    const decoded = decodePrediction(message.value);
    if (!decoded.ok) {
      rejectMessage(outcomes, counts, decoded.code, new InvalidEventError(decoded.code, decoded.reason));
      continue;
    }
    let event = decoded.value;
    // Against the deployed version's feature schema, when one is known (see schemas/).
    const deployedSchema = schemas?.(event.model);
    if (deployedSchema) {
      const checked = checkFeatures(event.features, deployedSchema.features, event.model, deployedSchema.version);
      if (!checked.ok) {
        rejectMessage(outcomes, counts, 'feature_schema', new InvalidEventError('schema_violation', checked.reason));
        continue;
      }
      event = { ...event, features: checked.features };
    }
    outcomes.push({ status: 'handled' });
    const id = IngestionState.predictionId(event.model, event.eventId);
    if (!state.predictionIds.add(id, now.getTime())) {
      counts.duplicate++;
      continue;
    }
    undos.push(() => state.predictionIds.forget(id));
    counts.accepted++;
    const json = JSON.stringify(event);
    outputs.push({
      topic: Topic.Predictions,
      key: event.model,
      value: json,
      headers: toCloudEventHeaders(
        { id: event.eventId, type: PREDICTION_EVENT_TYPE, source: INGESTION_SOURCE, subject: event.model, time: event.timestamp },
        { now: () => now },
      ),
    });
    const join = state.join.addPrediction(event, now.getTime(), id, json);
    if (join.kind === 'duplicate_label' || join.kind === 'already_joined') continue;
    undos.push(join.undo);
    if (join.kind === 'joined') {
      counts.joined++;
      counts.labelDelaysSeconds.push(labelDelaySeconds(join.prediction, join.label));
      outputs.push(labeledOutput(join.prediction, join.label, now));
    }
  }
  return { outcomes, outputs, counts, undo: () => undos.reverse().forEach((undo) => undo()) };
}
