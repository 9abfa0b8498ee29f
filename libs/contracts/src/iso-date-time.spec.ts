import { z } from 'zod';
import { isIsoDateTimeWithOffset } from './iso-date-time';

describe('isIsoDateTimeWithOffset', () => {
  const reference = z.iso.datetime({ offset: true });
  const samples: unknown[] = [
    '2024-05-01T12:00:00Z',
    '2024-05-01T12:00:00.000Z',
    '2024-05-01T12:00:00.123456789Z',
    '2024-05-01T12:00:00+02:00',
    '2024-05-01T12:00:00.5-11:30',
    '2024-02-29T00:00:00Z', // leap day
    '2023-02-29T00:00:00Z', // not a leap year
    '2000-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T12:60:00Z',
    '2024-05-01T12:00Z', // no seconds
    '2024-05-01T12:00:00', // local time
    '2024-05-01t12:00:00z',
    '2024-05-01 12:00:00Z',
    '2024-05-01T12:00:00+0200',
    '2024-05-01T12:00:00+24:00',
    '+010000-01-01T00:00:00.000Z',
    '2024-05-01T12:00:00.Z',
    '2024-05-01',
    ' 2024-05-01T12:00:00Z',
    '2024-05-01T12:00:00Z\n',
    '',
    1714564800000,
    null,
    undefined,
    new Date(0),
  ];

  it.each(samples.map((s) => [s]))('agrees with z.iso.datetime({ offset: true }) on %p', (sample) => {
    expect(isIsoDateTimeWithOffset(sample)).toBe(reference.safeParse(sample).success);
  });

  it('accepts what Date#toISOString writes for four-digit years', () => {
    for (const ms of [Date.UTC(2000, 0, 1), Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(9999, 11, 31)]) {
      expect(isIsoDateTimeWithOffset(new Date(ms).toISOString())).toBe(true);
    }
  });
});
