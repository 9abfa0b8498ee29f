import { formatCount, formatNumber, formatShare } from './format-number';

describe('number formats', () => {
  it('keeps four significant digits and switches to exponents at the extremes', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1234.5678)).toBe('1235');
    expect(formatNumber(0.0001234)).toBe('1.23e-4');
    expect(formatNumber(12_345_678)).toBe('1.23e+7');
    expect([formatNumber(null), formatNumber(NaN), formatNumber(-Infinity), formatNumber(0)]).toEqual(['–', '–', '−∞', '0']);
  });

  it('writes shares as percentages and counts with separators', () => {
    expect([formatShare(0.375), formatShare(0.5), formatShare(1)]).toEqual(['37.5%', '50%', '100%']);
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });
});
