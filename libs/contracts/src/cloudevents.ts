import { randomUUID } from 'node:crypto';
import { HeaderValidationError } from './errors/header-validation.error';
import { isIsoDateTimeWithOffset } from './iso-date-time';
import { readHeader, requireHeader, type KafkaHeaders } from './kafka-headers';

/**
 * CloudEvents 1.0 in Kafka *binary* mode: the message value is the event data (our JSON) and
 * the context attributes travel as headers prefixed `ce_`. Consumers can route and trace on
 * headers without parsing the value.
 */
export const CloudEventHeader = {
  Id: 'ce_id',
  Type: 'ce_type',
  Source: 'ce_source',
  Time: 'ce_time',
  SpecVersion: 'ce_specversion',
  Subject: 'ce_subject',
  ContentType: 'content-type',
} as const;

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

export interface CloudEventAttributes {
  /** Unique per event for a given source; consumers may dedupe on (source, id). */
  id: string;
  /** Reverse-DNS and versioned, e.g. `io.mlops.prediction.v1` (see EVENT_CATALOG). */
  type: string;
  /** URI-reference of the producer, e.g. `/mlops/ingestion`. */
  source: string;
  /** RFC 3339 time the event happened; optional in the spec, always written by us. */
  time?: string;
  /** What the event is about within the source; we use the model name. */
  subject?: string;
}

export interface CloudEventHeaderOptions {
  /** Injected for deterministic tests; defaults to crypto.randomUUID. */
  newId?: () => string;
  /** Injected for deterministic tests; defaults to the system clock. */
  now?: () => Date;
}

const MAX_ATTRIBUTE_LENGTH = 1024;

/**
 * Headers for an event we produce. `id` defaults to a random UUID and `time` to now, so callers
 * only name the type and source; every value is a string, which kafkajs accepts as is.
 */
export function toCloudEventHeaders(
  attributes: { id?: string; type: string; source: string; time?: string; subject?: string },
  options: CloudEventHeaderOptions = {},
): Record<string, string> {
  const id = attributes.id ?? (options.newId ?? randomUUID)();
  const time = attributes.time ?? (options.now?.() ?? new Date()).toISOString();
  const headers: Record<string, string> = {
    [CloudEventHeader.Id]: check(CloudEventHeader.Id, id),
    [CloudEventHeader.Type]: check(CloudEventHeader.Type, attributes.type),
    [CloudEventHeader.Source]: check(CloudEventHeader.Source, attributes.source),
    [CloudEventHeader.Time]: checkTime(time),
    [CloudEventHeader.SpecVersion]: CLOUDEVENTS_SPEC_VERSION,
    [CloudEventHeader.ContentType]: JSON_CONTENT_TYPE,
  };
  if (attributes.subject !== undefined) {
    headers[CloudEventHeader.Subject] = check(CloudEventHeader.Subject, attributes.subject);
  }
  return headers;
}

/**
 * Reads and validates the CloudEvents attributes of a consumed message. Throws a
 * HeaderValidationError (not retriable) naming the header when a required attribute is missing
 * or malformed, the spec version is not 1.0, or the content type is not JSON.
 */
export function parseCloudEventHeaders(headers: KafkaHeaders): CloudEventAttributes {
  const specVersion = requireHeader(headers, CloudEventHeader.SpecVersion);
  if (specVersion !== CLOUDEVENTS_SPEC_VERSION) {
    throw new HeaderValidationError(CloudEventHeader.SpecVersion, 'invalid', `expected "1.0", got ${JSON.stringify(specVersion)}`);
  }
  const contentType = readHeader(headers, CloudEventHeader.ContentType);
  if (contentType !== undefined && !isJsonMediaType(contentType)) {
    throw new HeaderValidationError(CloudEventHeader.ContentType, 'invalid', `expected application/json, got ${JSON.stringify(contentType)}`);
  }
  const attributes: CloudEventAttributes = {
    id: check(CloudEventHeader.Id, requireHeader(headers, CloudEventHeader.Id)),
    type: check(CloudEventHeader.Type, requireHeader(headers, CloudEventHeader.Type)),
    source: check(CloudEventHeader.Source, requireHeader(headers, CloudEventHeader.Source)),
  };
  const time = readHeader(headers, CloudEventHeader.Time);
  if (time !== undefined) attributes.time = checkTime(time);
  const subject = readHeader(headers, CloudEventHeader.Subject);
  if (subject !== undefined) attributes.subject = check(CloudEventHeader.Subject, subject);
  return attributes;
}

/** `application/json`, optionally with parameters such as `; charset=utf-8`. */
function isJsonMediaType(value: string): boolean {
  return value.split(';')[0].trim().toLowerCase() === JSON_CONTENT_TYPE;
}

/**
 * 1 to 1024 characters (UTF-16 code units, as zod's `z.string().min(1).max(1024)` counts them).
 * Checked by hand because every event written passes here several times.
 */
function check(header: string, value: string): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > MAX_ATTRIBUTE_LENGTH) {
    throw new HeaderValidationError(header, 'invalid', `expected 1 to ${MAX_ATTRIBUTE_LENGTH} characters`);
  }
  return value;
}

function checkTime(value: string): string {
  if (!isIsoDateTimeWithOffset(value)) {
    throw new HeaderValidationError(CloudEventHeader.Time, 'invalid', 'expected an RFC 3339 date-time');
  }
  return value;
}
