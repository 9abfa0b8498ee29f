import { PermanentError } from '@mlops/kafka';

/**
 * The registry's server refused a request for a reason retrying cannot fix (a 4xx other than
 * not-found, an unexpected response shape, a server set up without the artifact proxy).
 */
export class RegistryRequestError extends PermanentError {
  constructor(
    readonly endpoint: string,
    problem: string,
    readonly status?: number,
    readonly errorCode?: string,
  ) {
    super(`${endpoint}: ${problem}`, { endpoint, status, errorCode });
  }
}
