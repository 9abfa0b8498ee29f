import type { LoggerService } from '@nestjs/common';
import type { StructuredLogger } from '@mlops/observability';

/** Lets Nest's own messages (routes mapped, module init) go through the structured logger. */
export class NestLoggerAdapter implements LoggerService {
  constructor(private readonly logger: StructuredLogger) {}

  log(message: unknown, context?: string): void {
    this.logger.info(String(message), { context });
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error(String(message), { context, trace });
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn(String(message), { context });
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug(String(message), { context });
  }
  verbose(message: unknown, context?: string): void {
    this.logger.debug(String(message), { context });
  }
}
