import { z } from 'zod';
import { eventTimeSchema, type EventClock } from '../event-time';
import { parseEvent, type DecodeResult } from '../parse-event';
import { IdentifierSchema, LabelValueSchema, ModelNameSchema } from '../schema-primitives';

export const LABEL_EVENT_SCHEMA_VERSION = 1;
export const LABEL_EVENT_TYPE = 'io.mlops.label.v1';

function labelEventShape(clock?: EventClock) {
  return {
    schemaVersion: z.literal(LABEL_EVENT_SCHEMA_VERSION),
    /** The eventId of the prediction this label belongs to (the preferred join key). */
    eventId: IdentifierSchema.optional(),
    /** Join on the business entity instead, when the producer never saw the eventId. */
    entityId: IdentifierSchema.optional(),
    model: ModelNameSchema,
    /** The ground truth, in the same type space as predicted labels. */
    label: LabelValueSchema,
    /** When the ground truth was observed, normalised to UTC ISO-8601. */
    timestamp: eventTimeSchema(clock),
  };
}

/** A label that names neither key can never be joined to its prediction. */
function hasJoinKey(e: { eventId?: string; entityId?: string }): boolean {
  return e.eventId !== undefined || e.entityId !== undefined;
}
const JOIN_KEY_REQUIRED = 'eventId or entityId is required';

/**
 * LabelEvent with the future-time check against `clock.now()`; use it in ingestion.
 * Unknown top-level fields are stripped (external producers, forward compatible).
 */
export function createLabelEventSchema(clock: EventClock) {
  return z.object(labelEventShape(clock)).refine(hasJoinKey, JOIN_KEY_REQUIRED);
}

/**
 * LabelEvent on `labels.raw`: ground truth that arrives after the prediction. At least one of
 * `eventId` and `entityId` must be present. Without the future-time check (see the factory).
 */
export const LabelEventSchema = z
  .object(labelEventShape())
  .refine(hasJoinKey, JOIN_KEY_REQUIRED)
  .meta({
    title: 'LabelEvent',
    description: `Ground truth for an earlier prediction (CloudEvents type ${LABEL_EVENT_TYPE}); eventId or entityId is required. Unknown fields are ignored.`,
    // The refinement above is invisible to JSON Schema; state the same rule for producers.
    anyOf: [{ required: ['eventId'] }, { required: ['entityId'] }],
  });
export type LabelEvent = z.output<typeof LabelEventSchema>;
export type LabelEventInput = z.input<typeof LabelEventSchema>;

/** Validates an in-memory LabelEvent at the edge, rejecting times more than 5 minutes after `clock.now()`. */
export function parseLabelEvent(input: unknown, clock: EventClock): DecodeResult<LabelEvent> {
  return parseEvent(createLabelEventSchema(clock), input);
}
