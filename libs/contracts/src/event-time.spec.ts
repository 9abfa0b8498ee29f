import { normaliseEventTime } from './event-time';

const clock = { now: () => Date.UTC(2024, 4, 1, 12) };

describe('normaliseEventTime', () => {
  it('normalises offsets, short fractions and epoch milliseconds to toISOString form', () => {
    expect(normaliseEventTime('2024-05-01T13:59:00+02:00', clock)).toEqual({ ok: true, iso: '2024-05-01T11:59:00.000Z' });
    expect(normaliseEventTime('2024-05-01T11:59:00.5Z', clock)).toEqual({ ok: true, iso: '2024-05-01T11:59:00.500Z' });
    expect(normaliseEventTime('2024-05-01T11:59:00.123456Z', clock)).toEqual({ ok: true, iso: '2024-05-01T11:59:00.123Z' });
    expect(normaliseEventTime(Date.UTC(2024, 4, 1, 11), clock)).toEqual({ ok: true, iso: '2024-05-01T11:00:00.000Z' });
  });

  it('returns a string already in toISOString form as it is, equal to re-formatting it', () => {
    // Random instants across the accepted range of four-digit years (seeded, so the run repeats).
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i++) {
      const iso = new Date(Date.UTC(2000, 0, 1) + Math.floor(next() * (Date.UTC(9999, 11, 31) - Date.UTC(2000, 0, 1)))).toISOString();
      expect(normaliseEventTime(iso)).toEqual({ ok: true, iso: new Date(Date.parse(iso)).toISOString() });
    }
  });

  it('refuses with the messages the schemas report', () => {
    expect(normaliseEventTime('2024-05-01T11:59:00', clock)).toEqual({ ok: false, message: 'expected ISO-8601 date-time with offset (Z or ±hh:mm) or epoch milliseconds' });
    expect(normaliseEventTime(1714564800, clock)).toEqual({ ok: false, message: 'before 2000-01-01 (epoch seconds instead of milliseconds?)' });
    expect(normaliseEventTime('2024-05-01T12:06:00.000Z', clock)).toEqual({ ok: false, message: 'more than 5 minutes in the future' });
    expect(normaliseEventTime('2024-05-01T12:06:00.000Z')).toEqual({ ok: true, iso: '2024-05-01T12:06:00.000Z' });
  });
});
