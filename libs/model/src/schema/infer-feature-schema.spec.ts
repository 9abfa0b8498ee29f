import { EmptyTrainingSetError, InvalidFeatureRecordError, InvalidTrainingDataError } from '../errors';
import { inferFeatureSchema } from './infer-feature-schema';

describe('inferFeatureSchema', () => {
  it('types features by their non-null values and sorts them by name', () => {
    const schema = inferFeatureSchema([
      { zip: 'a', age: 30, ok: true },
      { zip: null, age: null, ok: false },
    ]);
    expect(schema).toEqual([
      { name: 'age', type: 'numerical' },
      { name: 'ok', type: 'boolean' },
      { name: 'zip', type: 'categorical' },
    ]);
  });

  it('lets declared types win (numeric codes as categories)', () => {
    expect(inferFeatureSchema([{ car: 3 }, { car: 7 }], [{ name: 'car', type: 'categorical' }])).toEqual([{ name: 'car', type: 'categorical' }]);
  });

  it('refuses a feature with mixed types, naming it', () => {
    expect(() => inferFeatureSchema([{ a: 1 }, { a: 'x' }])).toThrow('feature "a" mixes number (first at row 0) and string (first at row 1) values; declare its type');
  });

  it('refuses a feature that is always null unless declared', () => {
    expect(() => inferFeatureSchema([{ a: null }])).toThrow(InvalidTrainingDataError);
    expect(inferFeatureSchema([{ a: null }], [{ name: 'a', type: 'numerical' }])).toEqual([{ name: 'a', type: 'numerical' }]);
  });

  it('refuses a declared feature absent from the data', () => {
    expect(() => inferFeatureSchema([{ a: 1 }], [{ name: 'b', type: 'numerical' }])).toThrow(/declared feature "b"/);
  });

  it('refuses an empty set and records that are not objects', () => {
    expect(() => inferFeatureSchema([])).toThrow(EmptyTrainingSetError);
    expect(() => inferFeatureSchema([{ a: 1 }, [1]])).toThrow(InvalidFeatureRecordError);
    expect(() => inferFeatureSchema([{ a: 1 }, [1]])).toThrow(/row 1/);
  });

  it('refuses values that are neither numbers, strings nor booleans', () => {
    expect(() => inferFeatureSchema([{ a: { nested: 1 } }])).toThrow(/feature "a" holds object values/);
  });
});
