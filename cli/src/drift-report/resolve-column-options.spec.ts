import type { DriftReportOptions } from './drift-report-options';
import { parseDriftReportFlags } from './parse-drift-report-flags';
import { resolveColumnOptions } from './resolve-column-options';
import type { PlannedColumn } from './schema/column-plan';

const column = (name: string, type: PlannedColumn['type']): PlannedColumn => ({ name, type, role: 'feature', referenceIndex: 0, currentIndex: 0, datetimeAsNumber: false, typeSource: 'inferred' });
const columns = [column('age', 'numerical'), column('income', 'numerical'), column('city', 'categorical'), column('member', 'boolean')];
const options = (flags: Record<string, unknown>): DriftReportOptions => parseDriftReportFlags({ reference: 'a', current: 'b', ...flags });

describe('resolveColumnOptions', () => {
  it('leaves drift-stats defaults alone when nothing is set', () => {
    expect(resolveColumnOptions(columns, options({}), {})).toEqual({});
  });

  it('applies the most specific setting: column flag, mapping, type flag, global flag', () => {
    const resolved = resolveColumnOptions(
      columns,
      options({ method: ['psi', 'age=ks'], numThreshold: '0.3', threshold: ['age=0.01'] }),
      { columns: { income: { method: 'wasserstein-normed', minEffect: null }, age: { method: 'anderson-darling' } } },
    );
    expect(resolved).toEqual({
      age: { method: 'ks', threshold: 0.01 },
      income: { method: 'wasserstein-normed', threshold: 0.3, minEffect: null },
      city: { method: 'psi' },
      member: { method: 'psi' },
    });
  });

  it.each([
    [{ method: ['ks'] }, /method ks cannot test categorical column "city"/],
    [{ method: ['nope=psi'] }, /--method names "nope", not a compared column/],
    [{ threshold: ['ghost=1'] }, /--threshold names "ghost"/],
    [{ method: ['income=wasserstein'] }, /method wasserstein has no default threshold .* --threshold income=VALUE/],
    [{ numMethod: 'ks', numThreshold: '2' }, /method ks decides on a p-value: threshold 2 for "age" must be in \[0, 1\]/],
  ])('rejects %j before reading any data', (flags, message) => {
    expect(() => resolveColumnOptions(columns, options(flags), {})).toThrow(message);
  });
});
