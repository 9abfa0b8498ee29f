import type { PlannedColumn } from '../schema/column-plan';
import { DEFAULT_NA_VALUES } from '../schema/cell-kind';
import { CellConversionError } from './cell-conversion.error';
import { missingRule } from './cell-parsers';
import { ColumnBatch } from './column-batch';

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
});
