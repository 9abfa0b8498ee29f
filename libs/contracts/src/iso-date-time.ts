import { z } from 'zod';

/**
 * The pattern `z.iso.datetime({ offset: true })` checks (RFC 3339: a calendar-valid date, seconds,
 * optional fraction, `Z` or `±hh:mm`), taken from zod itself so the rule cannot drift from the
 * schemas that use it. Hot paths (every ingested event, every header written) test it directly:
 * the same answer as a `safeParse`, without allocating a parse context and result per call.
 */
const ISO_DATE_TIME_WITH_OFFSET = patternOf(z.iso.datetime({ offset: true }));

/** True exactly when `z.iso.datetime({ offset: true }).safeParse(value).success` would be. */
export function isIsoDateTimeWithOffset(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME_WITH_OFFSET.test(value);
}

function patternOf(schema: z.ZodISODateTime): RegExp {
  const pattern = schema.def.pattern;
  if (!(pattern instanceof RegExp) || pattern.global || pattern.sticky) {
    throw new Error('zod no longer exposes a stateless pattern for iso.datetime; update iso-date-time.ts');
  }
  return pattern;
}
