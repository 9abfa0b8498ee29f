import { formatCount, formatNumber, formatShare } from './format-number';

describe('number formatting', () => {
  it.each([
    [0.123456, '0.1235'],
    [1.7, '1.7'],
    [123456, '123500'],
    [0.00012, '1.20e-4'],
    [2.5e7, '2.50e+7'],
    [0, '0'],
    [null, '–'],
    [Number.NaN, '–'],
    [Infinity, '∞'],
  ])('%p → %s', (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });

  it('formats shares and counts', () => {
    expect(formatShare(0.375)).toBe('37.5%');
    expect(formatShare(1)).toBe('100%');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
