import { InvalidCronError, nextFireTime, parseCron } from './cron-expression';

const next = (expression: string, after: string) => nextFireTime(parseCron(expression), new Date(after)).toISOString();

describe('cron expressions', () => {
  it('expands the aliases', () => {
    // 2026-01-07 is a Wednesday.
    expect(next('@weekly', '2026-01-07T10:00:00Z')).toBe('2026-01-11T00:00:00.000Z');
    expect(next('@daily', '2026-01-07T10:00:00Z')).toBe('2026-01-08T00:00:00.000Z');
    expect(next('@hourly', '2026-01-07T10:00:00Z')).toBe('2026-01-07T11:00:00.000Z');
    expect(next('@monthly', '2026-01-07T10:00:00Z')).toBe('2026-02-01T00:00:00.000Z');
    expect(next('@yearly', '2026-01-07T10:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('fires strictly after the given time', () => {
    expect(next('30 10 * * *', '2026-01-07T10:30:00Z')).toBe('2026-01-08T10:30:00.000Z');
    expect(next('30 10 * * *', '2026-01-07T10:29:59.999Z')).toBe('2026-01-07T10:30:00.000Z');
  });

  it('reads steps, ranges, lists and names', () => {
    expect(next('*/15 * * * *', '2026-01-07T10:16:00Z')).toBe('2026-01-07T10:30:00.000Z');
    expect(next('0 9-17/4 * * *', '2026-01-07T13:00:00Z')).toBe('2026-01-07T17:00:00.000Z');
    expect(next('0 3 * * mon-fri', '2026-01-09T04:00:00Z')).toBe('2026-01-12T03:00:00.000Z');
    expect(next('0 0 1,15 feb *', '2026-01-07T00:00:00Z')).toBe('2026-02-01T00:00:00.000Z');
    expect(next('0 0 * * 7', '2026-01-07T00:00:00Z')).toBe('2026-01-11T00:00:00.000Z');
    expect(next('5/20 * * * *', '2026-01-07T00:30:00Z')).toBe('2026-01-07T00:45:00.000Z');
  });

  it('matches either day field when both are restricted', () => {
    // The 13th, or any Friday: Friday 2026-01-09 comes first.
    expect(next('0 0 13 * fri', '2026-01-07T00:00:00Z')).toBe('2026-01-09T00:00:00.000Z');
  });

  it('finds rare dates and refuses impossible ones', () => {
    expect(next('0 0 29 2 *', '2026-01-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(() => next('0 0 30 2 *', '2026-01-01T00:00:00Z')).toThrow(/never fires/);
  });

  it('names what is wrong', () => {
    expect(() => parseCron('* * *')).toThrow(/expected 5 fields/);
    expect(() => parseCron('61 * * * *')).toThrow(/minute: 61 is outside 0-59/);
    expect(() => parseCron('@fortnightly')).toThrow(/unknown alias/);
    expect(() => parseCron('*/0 * * * *')).toThrow(/step must be at least 1/);
    expect(() => parseCron('5-1 * * * *')).toThrow(InvalidCronError);
    expect(() => parseCron('x * * * *')).toThrow(/not a number/);
  });
});
