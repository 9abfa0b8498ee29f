import type { DataTable } from './data-table';
import { resolveRoles } from './resolve-roles';

const table: DataTable = {
  file: 'data.csv',
  columns: [
    { name: 'id', type: 'categorical' },
    { name: 'ts', type: 'datetime' },
    { name: 'age', type: 'numerical' },
    { name: 'city', type: 'categorical' },
    { name: 'label', type: 'numerical' },
    { name: 'pred', type: 'numerical' },
  ],
  rows: [],
  modifiedAt: new Date(0),
};

describe('resolveRoles', () => {
  it('splits roles from features and says why columns are left out', () => {
    expect(resolveRoles(table, { target: 'label', prediction: 'pred', ignore: ['id'] })).toEqual({
      target: 4,
      prediction: 5,
      score: undefined,
      time: undefined,
      features: [2, 3],
      leftOut: [
        { name: 'id', reason: '--ignore' },
        { name: 'ts', reason: 'a date column (use --time-column to order the rows by it)' },
      ],
    });
    expect(resolveRoles(table, { target: 'label', timeColumn: 'ts', ignore: [] })).toMatchObject({ time: 1, features: [0, 2, 3, 5] });
  });

  it('names the flag and lists the columns when a column is unknown', () => {
    expect(() => resolveRoles(table, { target: 'y', ignore: [] })).toThrow('--target "y": not a column of data.csv (its columns: "id", "ts", "age", "city", "label", "pred")');
    expect(() => resolveRoles(table, { ignore: ['nope'] })).toThrow('--ignore "nope": not a column of data.csv');
  });

  it('refuses one column in two roles, a date target and no features', () => {
    expect(() => resolveRoles(table, { target: 'label', prediction: 'label', ignore: [] })).toThrow('--target and --prediction name the same column ("label")');
    expect(() => resolveRoles(table, { target: 'ts', ignore: [] })).toThrow('--target "ts": a date column cannot be a target');
    expect(() => resolveRoles(table, { target: 'label', ignore: ['label'] })).toThrow('--ignore "label": it is the --target column');
    expect(() => resolveRoles(table, { target: 'label', prediction: 'pred', ignore: ['id', 'age', 'city'] })).toThrow(/data\.csv: no feature column left/);
  });

  it('refuses a feature named like a baseline column', () => {
    const reserved: DataTable = { ...table, columns: [...table.columns, { name: '__prediction__', type: 'numerical' }] };
    expect(() => resolveRoles(reserved, { target: 'label', ignore: [] })).toThrow(/"__prediction__" has a name reserved for the baseline profile/);
  });
});
