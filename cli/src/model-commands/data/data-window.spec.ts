import type { DataTable } from './data-table';
import { chooseDataWindow, parseDataWindow, rowTimes, UNKNOWN_START } from './data-window';

const table = (rows: (string | number | null)[], type: 'datetime' | 'numerical' | 'categorical' = 'datetime'): DataTable => ({
  file: 'd.csv',
  columns: [{ name: 'ts', type }],
  rows: rows.map((v) => [v]),
  modifiedAt: new Date('2026-11-20T10:00:00Z'),
});

describe('data windows', () => {
  it('parses FROM/TO and refuses anything else', () => {
    expect(parseDataWindow('2026-11-01T00:00:00Z/2026-11-08T00:00:00+01:00')).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-07T23:00:00.000Z' });
    expect(() => parseDataWindow('2026-11-01')).toThrow(/--data-window: expected FROM\/TO/);
    expect(() => parseDataWindow('2026-11-08T00:00:00Z/2026-11-01T00:00:00Z')).toThrow('--data-window: FROM must be before TO, got "2026-11-08T00:00:00Z/2026-11-01T00:00:00Z"');
  });

  it('spans the time column, else ends when the file was written', () => {
    const t = table(['2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z']);
    expect(chooseDataWindow(t, undefined, rowTimes(t, 0))).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.001Z' });
    expect(chooseDataWindow(t, undefined, undefined)).toEqual({ from: UNKNOWN_START, to: '2026-11-20T10:00:00.000Z' });
    expect(rowTimes(table([1_700_000_000_000], 'numerical'), 0)).toEqual([1_700_000_000_000]);
  });

  it('names a time column that cannot give times', () => {
    expect(() => rowTimes(table(['a'], 'categorical'), 0)).toThrow('--time-column "ts": expected ISO dates or epoch milliseconds, the column is categorical');
    expect(() => rowTimes(table(['2026-11-01', null]), 0)).toThrow('--time-column "ts": data row 2 of d.csv has no usable time (null)');
  });
});
