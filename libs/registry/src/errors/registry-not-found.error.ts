import { PermanentError } from '@mlops/kafka';

/**
 * Something asked for is not in the registry. Permanent: asking again will not make it appear,
 * so a consumer dead-letters the command that referred to it.
 */
export abstract class RegistryNotFoundError extends PermanentError {}
