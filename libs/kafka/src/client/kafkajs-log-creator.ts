import type { StructuredLogger } from '@mlops/observability';
import { logCreator, logLevel } from 'kafkajs';

/** A repeat of the same kafkajs message within this window is counted, not logged. */
export const REPEAT_SUPPRESSION_MS = 30000;

// kafkajs warns on every idempotent producer whose retries are bounded; ours are bounded on
// purpose (a send must fail eventually so shutdown stays bounded; duplicates are deduplicated
// downstream by eventId), so this one is debug, not a warning.
const EXPECTED_MESSAGES = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

/**
 * Routes kafkajs' own log lines into our structured logger under `component: kafkajs`.
 * While a broker is down kafkajs logs every connection attempt; identical lines are
 * suppressed for REPEAT_SUPPRESSION_MS and the next one carries the suppressed count.
 */
export function kafkajsLogCreator(logger: StructuredLogger, now: () => number = Date.now): logCreator {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  const lastLogged = new Map<string, { at: number; suppressed: number }>();
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, retryCount: _r, retryTime: _t, stack: _s, ...context } = log;
      const text = String(message ?? context.error ?? 'kafkajs');
      const key = `${namespace}|${level}|${text}`;
      const seen = lastLogged.get(key);
      if (seen && now() - seen.at < REPEAT_SUPPRESSION_MS) {
        seen.suppressed++;
        return;
      }
      lastLogged.set(key, { at: now(), suppressed: 0 });
      const entry = seen?.suppressed ? { namespace, ...context, repeatsSuppressed: seen.suppressed } : { namespace, ...context };
      if (EXPECTED_MESSAGES.has(text)) {
        kafkaLogger.debug(text, entry);
        return;
      }
      switch (level) {
        case logLevel.ERROR:
        case logLevel.NOTHING:
          kafkaLogger.error(text, entry);
          break;
        case logLevel.WARN:
          kafkaLogger.warn(text, entry);
          break;
        case logLevel.INFO:
          kafkaLogger.info(text, entry);
          break;
        default:
          kafkaLogger.debug(text, entry);
      }
    };
}
