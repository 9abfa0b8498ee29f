import { z } from 'zod';
import { isIsoDateTimeWithOffset } from './iso-date-time';
import { MAX_CLOCK_SKEW_MS, MAX_EVENT_TIME_MS, MIN_EVENT_TIME_MS } from './limits';

/**
 * The clock used to reject events from the future. Injected rather than read from `Date.now()`
 * inside a schema, so validation stays a pure function of (input, now) and tests are exact.
 */
export interface EventClock {
  /** Current time in epoch milliseconds; pass `Date.now` in production. */
  now: () => number;
}

/** Longest event-time string accepted (the longest sensible RFC 3339 form, with room to spare). */
export const MAX_EVENT_TIME_STRING_LENGTH = 64;

/**
 * Event time as external producers may send it: an ISO-8601 date-time *with* a UTC offset
 * (`Z` or `±hh:mm`; local times are ambiguous and rejected) or integer epoch milliseconds.
 * The checks live in the transform below so each failure gets its own message; the `meta`
 * repeats them for the published JSON Schema.
 */
const EventTimeInputSchema = z.union([
  z.string().max(MAX_EVENT_TIME_STRING_LENGTH).meta({ format: 'date-time' }),
  z.number().int().meta({ minimum: MIN_EVENT_TIME_MS, maximum: MAX_EVENT_TIME_MS }),
]);

/**
 * Accepts either form and normalises it to a UTC ISO string (`2024-05-01T12:00:00.000Z`), so
 * every consumer compares one representation. Precision below a millisecond is dropped.
 * With a clock, times more than `MAX_CLOCK_SKEW_MS` ahead of `now()` are rejected; without one
 * (re-reading an already validated topic, generating JSON Schema) that check is skipped.
 */
export function eventTimeSchema(clock?: EventClock) {
  return EventTimeInputSchema.transform((value, ctx) => {
    const normalised = normaliseEventTime(value, clock);
    if (normalised.ok) return normalised.iso;
    ctx.addIssue({ code: 'custom', message: normalised.message, input: value });
    return z.NEVER;
  });
}

/**
 * The rule behind `eventTimeSchema`, for a value that already passed its input union (a string of
 * at most 64 characters or a safe integer): the normalised UTC ISO string, or why it is refused.
 * Exported within the lib so the PredictionEvent fast path applies the very same rule.
 */
export function normaliseEventTime(value: string | number, clock?: EventClock): { ok: true; iso: string } | { ok: false; message: string } {
  if (typeof value === 'string' && !isIsoDateTimeWithOffset(value)) {
    return { ok: false, message: 'expected ISO-8601 date-time with offset (Z or ±hh:mm) or epoch milliseconds' };
  }
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return { ok: false, message: 'unparsable date-time' };
  if (ms < MIN_EVENT_TIME_MS) return { ok: false, message: 'before 2000-01-01 (epoch seconds instead of milliseconds?)' };
  if (ms > MAX_EVENT_TIME_MS) return { ok: false, message: 'beyond the representable date range' };
  if (clock && ms > clock.now() + MAX_CLOCK_SKEW_MS) {
    return { ok: false, message: `more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes in the future` };
  }
  return { ok: true, iso: isCanonical(value) ? value : new Date(ms).toISOString() };
}

/**
 * Already in `toISOString()` form (`2024-05-01T12:00:00.000Z`), so normalising it would rebuild
 * the same string. Only called on strings that matched the RFC 3339 pattern, which guarantees a
 * valid calendar date and time with a four-digit year: for those the two strings are equal.
 */
function isCanonical(value: string | number): value is string {
  return typeof value === 'string' && value.length === 24 && value.charCodeAt(19) === 46 /* . */ && value.charCodeAt(23) === 90 /* Z */;
}
