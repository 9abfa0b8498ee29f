import { RetriableError } from '@mlops/kafka';

/**
 * No version of the model is loaded here (not deployed yet, or still loading). Retriable: a
 * Kafka request waits for the deployment; HTTP answers 404 or 503.
 */
export class ModelNotServedError extends RetriableError {
  constructor(readonly model: string) {
    super(`model ${model} is not served here (no deployed version loaded)`, { model });
  }
}
