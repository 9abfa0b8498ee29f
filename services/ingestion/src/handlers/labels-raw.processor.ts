import { createLabelEventSchema, decodeEvent } from '@mlops/contracts';
import type { BatchItemOutcome, ConsumedMessage } from '@mlops/kafka';
import { InvalidEventError } from '../errors/invalid-event.error';
import type { Undo } from '../join/label-join';
import type { IngestionState } from '../state/ingestion-state';
import { ChunkClock } from './chunk-clock';
import { labeledOutput, labelDelaySeconds } from './labeled-output';
import { emptyCounts, OutputRecord, rejectMessage } from './output-record';
import type { ChunkResult } from './predictions-raw.processor';

const clock = new ChunkClock();
const schema = createLabelEventSchema(clock);

/**
 * Turns a chunk of `labels.raw` messages into outcomes and outputs: invalid labels are
 * rejected (dead-lettered), a label for an already joined prediction or sent twice is a
 * duplicate, a label whose prediction is waiting is joined and written to
 * `predictions.labeled`, any other label waits for its prediction (up to the join TTL).
 */
export function processLabelChunk(messages: ConsumedMessage[], state: IngestionState, now: Date): ChunkResult {
  clock.set(now);
  const outcomes: BatchItemOutcome[] = [];
  const outputs: OutputRecord[] = [];
  const undos: Undo[] = [];
  const counts = emptyCounts();
  for (const message of messages) {
    const decoded = decodeEvent(schema, message.value);
    if (!decoded.ok) {
      rejectMessage(outcomes, counts, decoded.code, new InvalidEventError(decoded.code, decoded.reason));
      continue;
    }
    outcomes.push({ status: 'handled' });
    const join = state.join.addLabel(decoded.value, now.getTime());
    if (join.kind === 'duplicate_label') {
      counts.duplicateLabels++;
      continue;
    }
    counts.accepted++;
    undos.push(join.undo);
    if (join.kind === 'joined') {
      counts.joined++;
      counts.labelDelaysSeconds.push(labelDelaySeconds(join.prediction, join.label));
      outputs.push(labeledOutput(join.prediction, join.label, now));
    }
  }
  return { outcomes, outputs, counts, undo: () => undos.reverse().forEach((undo) => undo()) };
}
