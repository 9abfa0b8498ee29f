import { ColumnMappingError, ColumnMismatchError, MixedTypesError, UsageError } from '../errors';
import { buildColumnPlan, PlanInput } from './build-column-plan';
import { DEFAULT_NA_VALUES } from './cell-kind';
import type { ColumnMapping } from './column-mapping.schema';
import { ColumnTally } from './column-tally';

const na = new Set(DEFAULT_NA_VALUES);

/** Plan input for two files whose rows are given as records (same values in both unless `current` is given). */
function input(reference: Record<string, string[]>, options: { currentData?: Record<string, string[]>; mapping?: ColumnMapping; allowMissingColumns?: boolean } = {}): PlanInput {
  const current = options.currentData ?? reference;
  const tallies = new Map<string, ColumnTally>();
  for (const [file, data] of [
    ['ref.csv', reference],
    ['cur.csv', current],
  ] as const) {
    for (const [name, cells] of Object.entries(data)) {
      const t = tallies.get(name) ?? new ColumnTally();
      tallies.set(name, t);
      cells.forEach((cell, row) => t.add(cell, na, file, row));
    }
  }
  return {
    reference: { file: 'ref.csv', columns: Object.keys(reference) },
    current: { file: 'cur.csv', columns: Object.keys(current) },
    mapping: options.mapping ?? {},
    mappingFile: 'map.json',
    targetSource: '--target',
    predictionSource: '--prediction',
    allowMissingColumns: options.allowMissingColumns ?? false,
    inferRows: 100,
    tallies,
    locate: async (_file, row) => row + 2,
  };
}

const data = {
  age: ['31', '45', ''],
  city: ['Oslo', 'Rome', 'NA'],
  member: ['true', 'false', 'true'],
  when: ['2024-01-01', '2024-01-02', '2024-01-03'],
  y: ['1', '0', '1'],
  p: ['1', '1', '0'],
};

describe('buildColumnPlan', () => {
  it('types every common column and leaves datetimes out', async () => {
    const plan = await buildColumnPlan(input(data));
    expect(plan.columns.map((c) => [c.name, c.type, c.role])).toEqual([
      ['age', 'numerical', 'feature'],
      ['city', 'categorical', 'feature'],
      ['member', 'boolean', 'feature'],
      ['y', 'numerical', 'feature'],
      ['p', 'numerical', 'feature'],
    ]);
    expect(plan.ignored).toEqual([{ name: 'when', reason: expect.stringMatching(/^a datetime column/) }]);
  });

  it('gives target and prediction their roles and puts them last', async () => {
    const plan = await buildColumnPlan(input(data, { mapping: { target: 'y', prediction: 'p' } }));
    expect(plan.columns.slice(-2).map((c) => [c.name, c.role])).toEqual([
      ['p', 'prediction'],
      ['y', 'label'],
    ]);
  });

  it('applies the mapping: types, ignore and features', async () => {
    const plan = await buildColumnPlan(input(data, { mapping: { types: { y: 'categorical', when: 'numerical' }, ignore: ['city'], features: ['y', 'when', 'city', 'member'] } }));
    expect(plan.columns.map((c) => [c.name, c.type, c.typeSource, c.datetimeAsNumber])).toEqual([
      ['member', 'boolean', 'inferred', false],
      ['when', 'numerical', 'mapping', true],
      ['y', 'categorical', 'mapping', false],
    ]);
    expect(plan.ignored.map((c) => c.name)).toEqual(['age', 'city', 'p']);
  });

  it('refuses columns present in one file only, unless allowed', async () => {
    const current = { age: data.age, city: data.city, extra: ['1', '2', '3'] };
    const error = await buildColumnPlan(input({ age: data.age, city: data.city, member: data.member }, { currentData: current })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ColumnMismatchError);
    expect((error as Error).message).toBe(
      'the files have different columns (only in ref.csv: "member"; only in cur.csv: "extra"); pass --allow-missing-columns to compare the common ones',
    );
    const plan = await buildColumnPlan(input({ age: data.age, member: data.member }, { currentData: current, allowMissingColumns: true }));
    expect(plan.columns.map((c) => c.name)).toEqual(['age']);
    expect(plan.ignored).toEqual([
      { name: 'member', reason: 'only in ref.csv' },
      { name: 'city', reason: 'only in cur.csv' },
      { name: 'extra', reason: 'only in cur.csv' },
    ]);
  });

  it('explains files without a common column, hinting at the delimiter', async () => {
    const error = buildColumnPlan(input({ 'a;b': ['1;2'] }, { currentData: { a: ['1'], b: ['2'] } }));
    await expect(error).rejects.toThrow(ColumnMismatchError);
    await expect(error).rejects.toThrow(/no column in common: ref\.csv has "a;b"; cur\.csv has "a", "b"\. .*try --delimiter ";"/);
  });

  it('names a mixed column with the file and line of the odd value', async () => {
    const error = await buildColumnPlan(input({ age: ['1', '2', '3', 'old'] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MixedTypesError);
    expect((error as Error).message).toMatch(/^ref\.csv line 5, column "age": "old" among numbers \(75\.0% /);
  });

  it('skips unnamed columns (a pandas index)', async () => {
    const plan = await buildColumnPlan(input({ '': ['0', '1', '2'], age: data.age }));
    expect(plan.columns.map((c) => c.name)).toEqual(['age']);
    expect(plan.ignored[0]).toEqual({ name: '', reason: expect.stringMatching(/unnamed/) });
  });

  it.each([
    [{ target: 'nope' }, UsageError, /--target "nope": not a column of both files/],
    [{ target: 'y', prediction: 'y' }, UsageError, /target and prediction are the same column/],
    [{ ignore: ['agee'] }, ColumnMappingError, /--column-mapping map\.json: ignore names "agee", not a column of both files/],
    [{ columns: { ghost: { method: 'psi' } } }, ColumnMappingError, /columns names "ghost"/],
    [{ ignore: ['age', 'city', 'member', 'y', 'p'] }, ColumnMismatchError, /no feature column left to compare/],
  ] as const)('rejects mapping %j', async (mapping, type, message) => {
    const error = await buildColumnPlan(input(data, { mapping: mapping as ColumnMapping })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
  });
});
