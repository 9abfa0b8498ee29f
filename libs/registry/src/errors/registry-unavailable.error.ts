import { RetriableError } from '@mlops/kafka';

/**
 * The registry's server did not answer (connection refused, timeout) or answered 5xx/429 on
 * every attempt. Retriable: the caller may try the whole operation again later.
 */
export class RegistryUnavailableError extends RetriableError {
  constructor(
    readonly endpoint: string,
    readonly attempts: number,
    lastProblem: string,
    options?: { cause?: unknown },
  ) {
    super(`registry unavailable: ${endpoint} failed ${attempts} time(s); last: ${lastProblem}`, { endpoint, attempts }, options);
  }
}
