import type { DataTable } from './data-table';
import { checkTrainable, distinctLabels, inferTaskKind, trainingRows } from './labeled-rows';

const table: DataTable = {
  file: 'd.csv',
  columns: [
    { name: 'x', type: 'numerical' },
    { name: 'c', type: 'categorical' },
    { name: 'y', type: 'categorical' },
  ],
  rows: [
    [1, 'a', 'yes'],
    [2, null, 'no'],
    [3, 'b', null],
    [4, 'a', 'yes'],
  ],
  modifiedAt: new Date(0),
};
const roles = { target: 2, features: [0, 1], leftOut: [] };

describe('trainingRows', () => {
  it('makes one example per labeled row and counts the unlabeled ones', () => {
    expect(trainingRows(table, roles)).toEqual({
      examples: [
        { features: { x: 1, c: 'a' }, label: 'yes' },
        { features: { x: 2, c: null }, label: 'no' },
        { features: { x: 4, c: 'a' }, label: 'yes' },
      ],
      unlabeled: 1,
    });
  });

  it('orders rows by event time, oldest first (the holdout is the newest)', () => {
    const { examples } = trainingRows(table, roles, [40, 10, 30, 20]);
    expect(examples.map((e) => e.features['x'])).toEqual([2, 4, 1]);
  });
});

describe('checkTrainable', () => {
  it('refuses a single class, too few rows and no label, naming the target and file', () => {
    const one = { examples: [1, 2, 3].map((x) => ({ features: { x }, label: 1 })), unlabeled: 0 };
    expect(() => checkTrainable(table, 'y', one, 2)).toThrow('--target "y" in d.csv: every one of the 3 labels is 1; a single class cannot train a classifier');
    expect(() => checkTrainable(table, 'y', one, 10)).toThrow('--target "y" in d.csv: 3 labeled row(s); at least 10 are needed (--min-rows)');
    expect(() => checkTrainable(table, 'y', { examples: [], unlabeled: 4 }, 2)).toThrow('--target "y" in d.csv: every value is missing; there is nothing to train on');
  });

  it('accepts a regression target with one repeated value among many', () => {
    const rows = { examples: [0.5, 1.25, 2.75].map((label) => ({ features: {}, label })), unlabeled: 0 };
    expect(() => checkTrainable(table, 'y', rows, 2)).not.toThrow();
  });
});

describe('inferTaskKind and distinctLabels', () => {
  it('follows the retraining rule: text, booleans and a few integers are classes', () => {
    expect(inferTaskKind(['a', 'b'])).toBe('classification');
    expect(inferTaskKind([true, false])).toBe('classification');
    expect(inferTaskKind([0, 1, 2, 1])).toBe('classification');
    expect(inferTaskKind([0.5, 1])).toBe('regression');
    expect(inferTaskKind(Array.from({ length: 11 }, (_, i) => i))).toBe('regression');
  });

  it('sorts classes as the model does', () => {
    expect(distinctLabels([2, 'b', 1, 'a', true, false, 2])).toEqual([1, 2, 'a', 'b', false, true]);
  });
});
