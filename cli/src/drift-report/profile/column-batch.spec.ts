import type { PlannedColumn } from '../schema/column-plan';
import { DEFAULT_NA_VALUES } from '../schema/cell-kind';
import { CellConversionError } from './cell-conversion.error';
import { missingRule } from './cell-parsers';
import { ColumnBatch } from './column-batch';
import { CsvScanner } from '../input/csv-scanner';
import type { RawRow } from '../input/raw-row';

const column = (name: string, type: PlannedColumn['type'], index: number): PlannedColumn => ({
  name,
  type,
  role: 'feature',
  referenceIndex: index,
  currentIndex: index,
  datetimeAsNumber: false,
  typeSource: 'inferred',
});

describe('ColumnBatch', () => {
  const columns = [column('n', 'numerical', 2), column('c', 'categorical', 0), column('b', 'boolean', 1)];

  it('converts rows into typed columns, picking cells by position', () => {
    const batch = new ColumnBatch(columns, [2, 0, 1], 4, missingRule(DEFAULT_NA_VALUES));
    batch.push(['x', 'true', '1.5'], 0);
    batch.push(['', 'false', ''], 1);
    expect(batch.size).toBe(2);
    expect(Array.from(batch.column(0) as Float64Array)).toEqual([1.5, Number.NaN]);
    expect(batch.column(1)).toEqual(['x', null]);
    expect(Array.from(batch.column(2) as Float64Array)).toEqual([1, 0]);
    expect(Object.keys(batch.asColumns())).toEqual(['n', 'c', 'b']);
    batch.clear();
    expect(batch.size).toBe(0);
  });

  it('throws the row and value of a cell that does not fit', () => {
    const batch = new ColumnBatch(columns, [2, 0, 1], 4, missingRule(DEFAULT_NA_VALUES));
    expect(() => batch.push(['x', 'maybe', '1'], 41)).toThrow(new CellConversionError('b', 41, 'maybe', 'true or false'));
  });

  it('converts raw CSV rows (bytes) to the same values as rows of text', () => {
    const csv = 'x,true,1.5\nNA,FALSE,\n"a ""q""", true ,-2e-3\nx,,1e400\n  ,n/a,-inf\nZürich,false,0x10\nx,true, 7 \n';
    const rule = missingRule(DEFAULT_NA_VALUES);
    const fromText = new ColumnBatch(columns, [2, 0, 1], 16, rule);
    const fromBytes = new ColumnBatch(columns, [2, 0, 1], 16, rule);
    let row = 0;
    new CsvScanner('f.csv', 0x2c, 3).feed(Buffer.from(csv), (raw: RawRow) => {
      fromText.push(raw.texts(), row);
      fromBytes.pushRaw(raw, row++);
    });
    expect(fromBytes.size).toBe(7);
    for (let c = 0; c < columns.length; c++) expect(fromBytes.column(c)).toEqual(fromText.column(c));
    expect(fromBytes.column(1)).toEqual(['x', null, 'a "q"', 'x', null, 'Zürich', 'x']);
  });

  it('throws the same error for a raw cell that does not fit', () => {
    const batch = new ColumnBatch(columns, [2, 0, 1], 4, missingRule(DEFAULT_NA_VALUES));
    const rows: RawRow[] = [];
    new CsvScanner('f.csv', 0x2c, 3).feed(Buffer.from('x,maybe,1\n'), (raw: RawRow) => {
      rows.push(raw);
      expect(() => batch.pushRaw(raw, 41)).toThrow(new CellConversionError('b', 41, 'maybe', 'true or false'));
    });
    new CsvScanner('f.csv', 0x2c, 3).feed(Buffer.from('x,true,12abc\n'), (raw: RawRow) => {
      rows.push(raw);
      expect(() => batch.pushRaw(raw, 7)).toThrow(new CellConversionError('n', 7, '12abc', 'a number'));
    });
    expect(rows).toHaveLength(2);
  });
});
