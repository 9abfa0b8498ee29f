import { HeaderValidationError } from '../errors/header-validation.error';
import { MAX_REASON_LENGTH } from '../limits';
import type { DeadLetterMetadata } from './dead-letter-envelope.schema';
import { DeadLetterHeader, oneLineReason, parseDeadLetterHeaders, toDeadLetterHeaders } from './dead-letter-headers';

const metadata = (): DeadLetterMetadata => ({
  reason: 'features.age: expected finite number, received string',
  errorClass: 'schema_violation',
  sourceTopic: 'predictions.raw',
  sourcePartition: 4,
  sourceOffset: '9007199254740993',
  consumerGroup: 'ingestion',
  failedAt: '2024-05-01T12:00:00.000Z',
  attempts: 1,
});

describe('dead-letter headers', () => {
  it('writes every field as a dlq_ header', () => {
    expect(toDeadLetterHeaders(metadata())).toEqual({
      dlq_reason: 'features.age: expected finite number, received string',
      dlq_error_class: 'schema_violation',
      dlq_source_topic: 'predictions.raw',
      dlq_source_partition: '4',
      dlq_source_offset: '9007199254740993',
      dlq_consumer_group: 'ingestion',
      dlq_failed_at: '2024-05-01T12:00:00.000Z',
      dlq_attempts: '1',
    });
  });

  it('round-trips through Buffers as kafkajs delivers them', () => {
    const asBuffers = Object.fromEntries(Object.entries(toDeadLetterHeaders(metadata())).map(([k, v]) => [k, Buffer.from(v)]));
    expect(parseDeadLetterHeaders(asBuffers)).toEqual(metadata());
  });

  it('omits the consumer group when there is none', () => {
    const { consumerGroup: _g, ...noGroup } = metadata();
    expect(toDeadLetterHeaders(noGroup)).not.toHaveProperty(DeadLetterHeader.ConsumerGroup);
    expect(parseDeadLetterHeaders(toDeadLetterHeaders(noGroup))).toEqual(noGroup);
  });

  it('flattens and bounds a long multi-line reason instead of failing', () => {
    const headers = toDeadLetterHeaders({ ...metadata(), reason: `boom\n  at x\n${'y'.repeat(5000)}` });
    expect(headers.dlq_reason).toHaveLength(MAX_REASON_LENGTH);
    expect(headers.dlq_reason.startsWith('boom at x y')).toBe(true);
    expect(headers.dlq_reason.endsWith('…')).toBe(true);
    expect(oneLineReason('   ')).toBe('unknown error');
  });

  it('names the header that is missing', () => {
    const headers: Record<string, string> = toDeadLetterHeaders(metadata());
    delete headers.dlq_source_topic;
    expect(() => parseDeadLetterHeaders(headers)).toThrow(new HeaderValidationError('dlq_source_topic', 'missing', 'required'));
  });

  it('names the header that is malformed', () => {
    const headers = { ...toDeadLetterHeaders(metadata()), dlq_source_partition: '-1' };
    expect(() => parseDeadLetterHeaders(headers)).toThrow(/^header dlq_source_partition invalid/);
    const badTime = { ...toDeadLetterHeaders(metadata()), dlq_failed_at: 'yesterday' };
    expect(() => parseDeadLetterHeaders(badTime)).toThrow('header dlq_failed_at invalid: expected ISO-8601 date-time');
  });

  it('refuses to write metadata that breaks the contract (a caller bug)', () => {
    expect(() => toDeadLetterHeaders({ ...metadata(), attempts: 0 })).toThrow('header dlq_attempts invalid: must be >= 1');
  });
});
