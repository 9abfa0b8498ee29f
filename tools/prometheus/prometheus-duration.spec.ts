import { formatDuration, parseDuration } from './prometheus-duration';

describe('Prometheus durations', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1d', 86_400_000],
    ['2w', 1_209_600_000],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '5', 'm', '5 m', '5min', '-5m'])('refuses "%s"', (text) => expect(() => parseDuration(text)).toThrow(/not a Prometheus duration/));

  it('formats whole seconds in seconds and the rest in milliseconds', () => {
    expect(formatDuration(5000)).toBe('5s');
    expect(formatDuration(1500)).toBe('1500ms');
    expect(parseDuration(formatDuration(300_000))).toBe(300_000);
  });
});
