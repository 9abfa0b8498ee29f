import type { StructuredLogger } from '@mlops/observability';
import { logCreator, logLevel } from 'kafkajs';

/** Routes kafkajs' own log lines into our structured logger under `component: kafkajs`. */
export function kafkajsLogCreator(logger: StructuredLogger): logCreator {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, ...context } = log;
      const entry = { namespace, ...context };
      switch (level) {
        case logLevel.ERROR:
        case logLevel.NOTHING:
          kafkaLogger.error(message, entry);
          break;
        case logLevel.WARN:
          kafkaLogger.warn(message, entry);
          break;
        case logLevel.INFO:
          kafkaLogger.info(message, entry);
          break;
        default:
          kafkaLogger.debug(message, entry);
      }
    };
}
