import { DEFAULT_NA_VALUES } from '../schema/cell-kind';
import type { PlannedColumn } from '../schema/column-plan';
import { ColumnTally } from '../schema/column-tally';
import { resolvePerformancePlan } from './resolve-performance-plan';

const na = new Set(DEFAULT_NA_VALUES);
const column = (name: string, type: PlannedColumn['type'], role: PlannedColumn['role']): PlannedColumn => ({ name, type, role, referenceIndex: 0, currentIndex: 0, datetimeAsNumber: false, typeSource: 'inferred' });
const tally = (cells: string[]) => {
  const t = new ColumnTally();
  cells.forEach((c, i) => t.add(c, na, 'f', i));
  return t;
};

describe('resolvePerformancePlan', () => {
  it('needs both a target and a prediction', () => {
    expect(resolvePerformancePlan([column('x', 'numerical', 'feature'), column('y', 'numerical', 'label')], {}, undefined)).toBeNull();
  });

  it('picks classification for integer targets with few values, regression otherwise', () => {
    const cols = [column('x', 'numerical', 'feature'), column('p', 'numerical', 'prediction'), column('y', 'numerical', 'label')];
    expect(resolvePerformancePlan(cols, {}, tally(['0', '1', '1']))).toEqual({ task: 'classification', targetColumn: 2, predictionColumn: 1, labelsAsText: false, positiveLabel: 1 });
    expect(resolvePerformancePlan(cols, {}, tally(['0.5', '1.25']))?.task).toBe('regression');
    expect(resolvePerformancePlan(cols, {}, tally(['1', '2', '3', '4', '5', '6']))?.task).toBe('regression');
    expect(resolvePerformancePlan(cols, { task: 'classification', positiveLabel: 0 }, tally(['0.5']))).toMatchObject({ task: 'classification', positiveLabel: 0 });
  });

  it('compares labels as text when target and prediction types differ', () => {
    const cols = [column('p', 'categorical', 'prediction'), column('y', 'boolean', 'label')];
    expect(resolvePerformancePlan(cols, {}, undefined)).toMatchObject({ task: 'classification', labelsAsText: true, positiveLabel: 'true' });
  });

  it('refuses regression on a categorical column', () => {
    const cols = [column('p', 'categorical', 'prediction'), column('y', 'numerical', 'label')];
    expect(() => resolvePerformancePlan(cols, { task: 'regression' }, undefined)).toThrow(/regression needs a numerical target and prediction, but "p" is categorical/);
  });
});
