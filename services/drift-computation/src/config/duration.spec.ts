import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['1.5s', 1500],
    ['5m', 300_000],
    ['6h', 21_600_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    ['2500', 2500],
    [' 10s ', 10_000],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'soon', '-5s', '5 s', '1y', 's'])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('formatDuration', () => {
  it('prints the largest exact unit', () => {
    expect([604_800_000, 86_400_000, 5_400_000, 90_000, 1500].map(formatDuration)).toEqual(['1w', '1d', '90m', '90s', '1500ms']);
  });
});
