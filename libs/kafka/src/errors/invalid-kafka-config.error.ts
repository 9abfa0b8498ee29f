import { PermanentError } from './pipeline.error';

/** Raised at construction when a Kafka setting cannot work; names the setting. */
export class InvalidKafkaConfigError extends PermanentError {
  constructor(setting: string, expected: string) {
    super(`${setting}: ${expected}`, { setting });
  }
}
