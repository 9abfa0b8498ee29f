import { DEFAULT_NA_VALUES } from '../schema/cell-kind';
import { missingRule, NOT_PARSABLE, parseBooleanCell, parseCategoryCell, parseNumberCell } from './cell-parsers';

const rule = missingRule(DEFAULT_NA_VALUES);

describe('cell parsers', () => {
  it.each([
    ['12.5', 12.5],
    [' 7 ', 7],
    ['-1e3', -1000],
    ['', Number.NaN],
    ['   ', Number.NaN],
    ['NA', Number.NaN],
    [null, Number.NaN],
    [3, 3],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['abc', NOT_PARSABLE],
    [true, NOT_PARSABLE],
    ['2024-01-01', NOT_PARSABLE],
  ])('number %j → %p', (cell, value) => {
    expect(parseNumberCell(cell, rule, false)).toBe(value);
  });

  it('reads ISO dates as epoch milliseconds when the column is a datetime declared numerical', () => {
    expect(parseNumberCell('2024-01-01T00:00:00Z', rule, true)).toBe(Date.UTC(2024, 0, 1));
  });

  it('treats numeric NA tokens as missing', () => {
    expect(parseNumberCell('-999', missingRule(['', '-999']), false)).toBeNaN();
    expect(parseNumberCell('-998', missingRule(['', '-999']), false)).toBe(-998);
  });

  it.each([
    ['true', 1],
    ['FALSE', 0],
    [true, 1],
    ['', Number.NaN],
    ['None', Number.NaN],
    ['yes', NOT_PARSABLE],
    [1, NOT_PARSABLE],
  ])('boolean %j → %p', (cell, value) => {
    expect(parseBooleanCell(cell, rule)).toBe(value);
  });

  it.each([
    ['Paris', 'Paris'],
    [' Paris', ' Paris'],
    ['', null],
    ['NULL', null],
    [42, '42'],
    [false, 'false'],
    [null, null],
  ])('category %j → %p', (cell, value) => {
    expect(parseCategoryCell(cell, rule)).toBe(value);
  });
});
