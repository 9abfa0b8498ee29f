import { isUtf8 } from 'node:buffer';
import { HeaderValidationError } from './errors/header-validation.error';

/**
 * The shape of kafkajs message headers, declared here so contracts stay free of Kafka imports.
 * kafkajs hands out Buffers on consume and accepts strings on produce.
 */
export type KafkaHeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type KafkaHeaders = Record<string, KafkaHeaderValue>;

/**
 * Reads one header as text. A header repeated with different values is ambiguous and rejected;
 * bytes that are not UTF-8 are rejected rather than decoded into replacement characters.
 */
export function readHeader(headers: KafkaHeaders, name: string): string | undefined {
  const raw = headers[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).map((v) => toText(name, v));
  if (values.length === 0) return undefined;
  if (new Set(values).size > 1) throw new HeaderValidationError(name, 'duplicate', `${values.length} different values`);
  return values[0];
}

/** Like readHeader, but absence is an error. */
export function requireHeader(headers: KafkaHeaders, name: string): string {
  const value = readHeader(headers, name);
  if (value === undefined) throw new HeaderValidationError(name, 'missing', 'required');
  return value;
}

function toText(name: string, value: Buffer | string): string {
  if (typeof value === 'string') return value;
  if (!isUtf8(value)) throw new HeaderValidationError(name, 'invalid', 'not valid UTF-8');
  return value.toString('utf8');
}
