import { isUtf8 } from 'node:buffer';
import type { z } from 'zod';
import { describeIssues, summarizeIssues, type EventIssue } from './event-issues';
import { MAX_MESSAGE_BYTES } from './limits';

/** Why a message could not become an event; stable strings, fit for metric labels and DLQ headers. */
export type DecodeFailureCode = 'null_value' | 'too_large' | 'invalid_utf8' | 'invalid_json' | 'schema_violation';

export type DecodeResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      code: DecodeFailureCode;
      /** One line naming the first problem, e.g. `features.age: expected finite number`. */
      reason: string;
      /** Every schema violation; empty for failures before the schema ran. */
      issues: EventIssue[];
    };

export interface DecodeOptions<T = unknown> {
  /** Defaults to MAX_MESSAGE_BYTES. */
  maxBytes?: number;
  /**
   * A shortcut for the common case: given the parsed JSON, returns exactly what the schema would
   * output when it is sure the input is valid, else `undefined` and the schema runs as usual
   * (it alone words rejections). See `acceptPredictionEvent`.
   */
  accept?: (json: unknown) => T | undefined;
}

/**
 * Validates an already parsed value. Never throws for bad input: the caller decides between
 * dead-lettering and rejecting, and needs the reason either way.
 */
export function parseEvent<S extends z.ZodType>(schema: S, input: unknown): DecodeResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = describeIssues(parsed.error.issues, input);
  return { ok: false, code: 'schema_violation', reason: summarizeIssues(issues), issues };
}

/**
 * Turns a Kafka message value into a validated event: null (a tombstone or a bug), oversized,
 * non-UTF-8 and non-JSON payloads each fail with their own code before the schema runs.
 * A leading byte-order mark is tolerated because some producers on Windows write one.
 */
export function decodeEvent<S extends z.ZodType>(
  schema: S,
  bytes: Buffer | Uint8Array | string | null | undefined,
  options: DecodeOptions<z.output<S>> = {},
): DecodeResult<z.output<S>> {
  const maxBytes = options.maxBytes ?? MAX_MESSAGE_BYTES;
  if (bytes === null || bytes === undefined) return failure('null_value', 'message value is null');

  let text: string;
  if (typeof bytes === 'string') {
    const size = Buffer.byteLength(bytes, 'utf8');
    if (size > maxBytes) return failure('too_large', `payload of ${size} bytes exceeds the limit of ${maxBytes}`);
    text = bytes;
  } else {
    if (bytes.byteLength > maxBytes) {
      return failure('too_large', `payload of ${bytes.byteLength} bytes exceeds the limit of ${maxBytes}`);
    }
    if (!isUtf8(bytes)) return failure('invalid_utf8', 'payload is not valid UTF-8');
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // V8's message quotes a slice of the payload; the reason must not carry payload data
    // (it may be personal), and the original bytes travel with the dead letter anyway.
    return failure('invalid_json', 'payload is not valid JSON');
  }
  const accepted = options.accept?.(json);
  if (accepted !== undefined) return { ok: true, value: accepted };
  return parseEvent(schema, json);
}

function failure(code: DecodeFailureCode, reason: string): DecodeResult<never> {
  return { ok: false, code, reason, issues: [] };
}
