import pino from 'pino';

export type LogContext = Record<string, unknown>;

/**
 * The logger every lib and service writes to: a message plus structured context
 * (`{ topic, partition, offset, model, version }` where they apply), one JSON line per entry.
 */
export interface StructuredLogger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  child(bindings: LogContext): StructuredLogger;
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

class PinoStructuredLogger implements StructuredLogger {
  constructor(readonly pino: pino.Logger) {}
  debug(message: string, context?: LogContext): void {
    this.pino.debug(context ?? {}, message);
  }
  info(message: string, context?: LogContext): void {
    this.pino.info(context ?? {}, message);
  }
  warn(message: string, context?: LogContext): void {
    this.pino.warn(context ?? {}, message);
  }
  error(message: string, context?: LogContext): void {
    this.pino.error(context ?? {}, message);
  }
  child(bindings: LogContext): StructuredLogger {
    return new PinoStructuredLogger(this.pino.child(bindings));
  }
}

export interface LoggerOptions {
  name: string;
  level?: LogLevel;
  /** Where lines go; defaults to stdout. Tests pass a stream to read them back. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): StructuredLogger {
  const instance = pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      base: { service: options.name },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Secrets must never reach a log line even when a config object is logged whole.
      redact: { paths: ['*.password', '*.sasl.password', 'password', 'sasl.password'], censor: '[redacted]' },
    },
    options.destination,
  );
  return new PinoStructuredLogger(instance);
}

/** Unwraps the pino instance behind a StructuredLogger (for nestjs-pino / pino-http). */
export function pinoOf(logger: StructuredLogger): pino.Logger | undefined {
  return logger instanceof PinoStructuredLogger ? logger.pino : undefined;
}

/** A logger that drops everything: for unit tests of pure logic only. */
export const silentLogger: StructuredLogger = createLogger({ name: 'silent', level: 'silent' });
