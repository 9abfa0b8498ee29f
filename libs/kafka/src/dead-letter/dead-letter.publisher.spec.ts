import { DeadLetterHeader, MAX_REASON_LENGTH, parseDeadLetterHeaders } from '@mlops/contracts';
import { deadLetterRecord, safeErrorClass } from './dead-letter.publisher';

describe('deadLetterRecord', () => {
  const failedAt = new Date('2026-01-02T03:04:05.000Z');
  const message = {
    topic: 'predictions.raw',
    partition: 3,
    offset: '17',
    key: Buffer.from('model-a'),
    value: Buffer.from([0xff, 0xfe, 0x00]),
    headers: { ce_id: 'abc' },
  };

  it('keeps the original bytes and headers and names the failure', () => {
    const record = deadLetterRecord(message, { reason: 'not UTF-8\n  at byte 0', errorClass: 'PermanentError', consumerGroup: 'g', attempts: 1 }, failedAt);
    expect(record.key).toBe(message.key);
    expect(record.value).toBe(message.value);
    expect(record.headers).toEqual({
      ce_id: 'abc',
      [DeadLetterHeader.Reason]: 'not UTF-8 at byte 0',
      [DeadLetterHeader.ErrorClass]: 'PermanentError',
      [DeadLetterHeader.SourceTopic]: 'predictions.raw',
      [DeadLetterHeader.SourcePartition]: '3',
      [DeadLetterHeader.SourceOffset]: '17',
      [DeadLetterHeader.FailedAt]: '2026-01-02T03:04:05.000Z',
      [DeadLetterHeader.ConsumerGroup]: 'g',
      [DeadLetterHeader.Attempts]: '1',
    });
  });

  it('writes headers that the contracts parser reads back', () => {
    const record = deadLetterRecord(message, { reason: 'bad', errorClass: 'PermanentError', attempts: 3 }, failedAt);
    expect(parseDeadLetterHeaders(record.headers as Record<string, string>)).toEqual({
      reason: 'bad',
      errorClass: 'PermanentError',
      sourceTopic: 'predictions.raw',
      sourcePartition: 3,
      sourceOffset: '17',
      failedAt: '2026-01-02T03:04:05.000Z',
      attempts: 3,
    });
  });

  it('bounds the reason length', () => {
    const record = deadLetterRecord(message, { reason: 'x'.repeat(5000), errorClass: 'E', attempts: 1 }, failedAt);
    expect(String(record.headers[DeadLetterHeader.Reason])).toHaveLength(MAX_REASON_LENGTH);
  });
});

describe('safeErrorClass', () => {
  it('keeps ordinary names and makes odd ones valid', () => {
    expect(safeErrorClass('PermanentError')).toBe('PermanentError');
    expect(safeErrorClass('Bad Name\u00e9')).toBe('Bad_Name_');
    expect(safeErrorClass('')).toBe('Error');
    expect(safeErrorClass('E'.repeat(300))).toHaveLength(128);
  });
});
