/** A topic prefix that would make an illegal Kafka topic name; raised at configuration time. */
export class InvalidTopicPrefixError extends Error {
  readonly retriable = false;

  constructor(
    readonly prefix: string,
    detail: string,
  ) {
    super(`invalid topic prefix ${JSON.stringify(prefix)}: ${detail}`);
    this.name = 'InvalidTopicPrefixError';
  }
}
