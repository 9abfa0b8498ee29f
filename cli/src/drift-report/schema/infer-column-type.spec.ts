import { DEFAULT_NA_VALUES } from './cell-kind';
import { ColumnTally } from './column-tally';
import { inferColumnType } from './infer-column-type';

const na = new Set(DEFAULT_NA_VALUES);

function tally(reference: unknown[], current: unknown[] = []): ColumnTally {
  const t = new ColumnTally();
  reference.forEach((cell, row) => t.add(cell as string, na, 'ref.csv', row));
  current.forEach((cell, row) => t.add(cell as string, na, 'cur.csv', row));
  return t;
}

describe('inferColumnType', () => {
  it.each([
    [['1', '2.5', '', 'NA', '-3'], 'numerical'],
    [['true', 'False', ''], 'boolean'],
    [['2024-01-01', '2024-02-01T00:00:00Z'], 'datetime'],
    [['Paris', 'Rome', '3'], 'categorical'],
    [['a1', 'b2', '1', '2'], 'categorical'],
    [[1, 2, null], 'numerical'],
    [[true, null], 'boolean'],
  ])('%j → %s', (cells, type) => {
    expect(inferColumnType(tally(cells))).toMatchObject({ ok: true, type, empty: false });
  });

  it('calls a column without values categorical and empty', () => {
    expect(inferColumnType(tally(['', 'NA']))).toEqual({ ok: true, type: 'categorical', empty: true });
  });

  it('reports a mostly numerical column with text as mixed, naming the first odd value', () => {
    const result = inferColumnType(tally(['1', '2', '3'], ['4', 'n/a?', 'oops']));
    expect(result).toEqual({ ok: false, dominant: 'number', share: 4 / 6, offender: { file: 'cur.csv', row: 1, value: 'n/a?', seq: 4 } });
  });

  it('reports numbers in the reference and text in the current file as mixed', () => {
    const result = inferColumnType(tally(['1', '2'], ['x', 'y']));
    expect(result).toMatchObject({ ok: false, dominant: 'number', offender: { file: 'cur.csv', row: 0 } });
  });

  it('reports dates mixed with free text', () => {
    expect(inferColumnType(tally(['2024-01-01', '2024-01-02', 'soon']))).toMatchObject({ ok: false, dominant: 'datetime' });
  });

  it('tracks integers and distinct numbers (for the task rule)', () => {
    const t = tally(['0', '1', '1', '0']);
    expect(t.integersOnly).toBe(true);
    expect([...t.distinctNumbers].sort()).toEqual([0, 1]);
    expect(tally(['0.5']).integersOnly).toBe(false);
  });
});
