import { cellKind, DEFAULT_NA_VALUES } from './cell-kind';

const na = new Set(DEFAULT_NA_VALUES);

describe('cellKind', () => {
  it.each([
    ['', 'missing'],
    ['  ', 'missing'],
    ['NA', 'missing'],
    ['null', 'missing'],
    [null, 'missing'],
    [Number.NaN, 'missing'],
    ['42', 'number'],
    [' -3.5e-2 ', 'number'],
    ['.5', 'number'],
    ['1.', 'number'],
    ['inf', 'number'],
    ['-Infinity', 'number'],
    [7, 'number'],
    ['true', 'boolean'],
    ['FALSE', 'boolean'],
    [false, 'boolean'],
    ['2024-01-31', 'datetime'],
    ['2024-01-31T10:15:00Z', 'datetime'],
    ['2024-01-31 10:15:00.123+02:00', 'datetime'],
    ['Paris', 'text'],
    ['0x1F', 'text'],
    ['1,5', 'text'],
    ['12 kg', 'text'],
    ['yes', 'text'],
  ])('%j → %s', (cell, kind) => {
    expect(cellKind(cell, na)).toBe(kind);
  });

  it('uses the NA tokens it is given', () => {
    expect(cellKind('NA', new Set(['']))).toBe('text');
    expect(cellKind('?', new Set(['?']))).toBe('missing');
  });
});
