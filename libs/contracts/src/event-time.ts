import { z } from 'zod';
import { MAX_CLOCK_SKEW_MS, MAX_EVENT_TIME_MS, MIN_EVENT_TIME_MS } from './limits';

/**
 * The clock used to reject events from the future. Injected rather than read from `Date.now()`
 * inside a schema, so validation stays a pure function of (input, now) and tests are exact.
 */
export interface EventClock {
  /** Current time in epoch milliseconds; pass `Date.now` in production. */
  now: () => number;
}

/**
 * Event time as external producers may send it: an ISO-8601 date-time *with* a UTC offset
 * (`Z` or `±hh:mm`; local times are ambiguous and rejected) or integer epoch milliseconds.
 * The checks live in the transform below so each failure gets its own message; the `meta`
 * repeats them for the published JSON Schema.
 */
const EventTimeInputSchema = z.union([
  z.string().max(64).meta({ format: 'date-time' }),
  z.number().int().meta({ minimum: MIN_EVENT_TIME_MS, maximum: MAX_EVENT_TIME_MS }),
]);
const IsoWithOffsetSchema = z.iso.datetime({ offset: true });

/**
 * Accepts either form and normalises it to a UTC ISO string (`2024-05-01T12:00:00.000Z`), so
 * every consumer compares one representation. Precision below a millisecond is dropped.
 * With a clock, times more than `MAX_CLOCK_SKEW_MS` ahead of `now()` are rejected; without one
 * (re-reading an already validated topic, generating JSON Schema) that check is skipped.
 */
export function eventTimeSchema(clock?: EventClock) {
  return EventTimeInputSchema.transform((value, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message, input: value });
      return z.NEVER;
    };
    if (typeof value === 'string' && !IsoWithOffsetSchema.safeParse(value).success) {
      return fail('expected ISO-8601 date-time with offset (Z or ±hh:mm) or epoch milliseconds');
    }
    const ms = typeof value === 'number' ? value : Date.parse(value);
    if (!Number.isFinite(ms)) return fail('unparsable date-time');
    if (ms < MIN_EVENT_TIME_MS) return fail('before 2000-01-01 (epoch seconds instead of milliseconds?)');
    if (ms > MAX_EVENT_TIME_MS) return fail('beyond the representable date range');
    if (clock && ms > clock.now() + MAX_CLOCK_SKEW_MS) {
      return fail(`more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes in the future`);
    }
    return new Date(ms).toISOString();
  });
}
