import { PermanentError } from '@mlops/kafka';

/** A request that can never be served as sent (bad event, wrong features): dead-lettered / HTTP 400. */
export class InvalidRequestError extends PermanentError {}
