import { catchError } from '../__tests__/catch-error';
import { FeatureTypeError, NonFiniteFeatureError, UnknownCategoryError } from '../errors';
import type { FeatureDefinition } from '../schema/feature-schema';
import { Preprocessor } from './preprocessor';

const schema: FeatureDefinition[] = [
  { name: 'age', type: 'numerical' },
  { name: 'car', type: 'categorical' },
  { name: 'owner', type: 'boolean' },
];
const training = [
  { age: 20, car: 'a', owner: true },
  { age: 40, car: 'b', owner: false },
  { age: null, car: 'a', owner: true },
  { age: 30, car: 'c', owner: null },
  { age: 30, car: null, owner: false },
];

describe('Preprocessor', () => {
  const vocab = { minCategoryCount: 1, maxCategories: 10 };

  it('learns mean and std of numbers and booleans, and the sorted vocabulary', () => {
    const p = Preprocessor.fit(training, schema, vocab);
    expect(p.encodings[0]).toEqual({ name: 'age', type: 'numerical', mean: 30, std: Math.sqrt(50) });
    expect(p.encodings[1]).toEqual({ name: 'car', type: 'categorical', categories: ['a', 'b', 'c'] });
    expect(p.encodings[2]).toMatchObject({ name: 'owner', type: 'boolean', mean: 0.5, std: 0.5 });
    expect(p.columnNames()).toEqual(['age', 'age#missing', 'car=a', 'car=b', 'car=c', 'car#unknown', 'car#missing', 'owner', 'owner#missing']);
    expect(p.width).toBe(9);
  });

  it('standardizes, one-hot encodes, and marks missing values (imputed at the mean)', () => {
    const p = Preprocessor.fit(training, schema, vocab);
    const x = Array.from(p.transform([{ age: 40, car: 'b', owner: true }, { age: null, car: null, owner: null }]));
    const z = 10 / Math.sqrt(50);
    expect(x.slice(0, 9)).toEqual([Math.fround(z), 0, 0, 1, 0, 0, 0, 1, 0]);
    expect(x.slice(9)).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 1]);
  });

  it('sends unseen categories to the unknown bucket, or refuses them when asked', () => {
    const p = Preprocessor.fit(training, schema, vocab);
    const x = p.transform([{ age: 30, car: 'zzz', owner: false }]);
    expect(Array.from(x.slice(2, 7))).toEqual([0, 0, 0, 1, 0]);
    const error = catchError(() => p.transform([{ age: 30, car: 'a', owner: false }, { age: 30, car: 'zzz', owner: false }], { unknownCategories: 'error' }));
    expect(error).toBeInstanceOf(UnknownCategoryError);
    expect(error).toMatchObject({ feature: 'car', category: 'zzz', row: 1 });
  });

  it('puts rare categories in the unknown bucket and caps the vocabulary', () => {
    expect(Preprocessor.fit(training, schema, { minCategoryCount: 2, maxCategories: 10 }).encodings[1]).toMatchObject({ categories: ['a'] });
    expect(Preprocessor.fit(training, schema, { minCategoryCount: 1, maxCategories: 2 }).encodings[1]).toMatchObject({ categories: ['a', 'b'] });
  });

  it('reads numeric codes of a categorical feature by their string form', () => {
    const p = Preprocessor.fit([{ zip: 1 }, { zip: 2 }], [{ name: 'zip', type: 'categorical' }], vocab);
    expect(Array.from(p.transform([{ zip: 2 }]))).toEqual([0, 1, 0, 0]);
  });

  it('refuses wrong types and non-finite numbers, naming the feature and the row', () => {
    const p = Preprocessor.fit(training, schema, vocab);
    const ok = { age: 30, car: 'a', owner: true };
    expect(catchError(() => p.transform([ok, { ...ok, age: '30' }]))).toMatchObject({ feature: 'age', row: 1, reason: 'wrong-type' });
    expect(() => p.transform([{ ...ok, age: '30' }])).toThrow('row 0: feature "age" must be a finite number or null, got a string "30"');
    expect(catchError(() => p.transform([{ ...ok, age: Number.NaN }]))).toBeInstanceOf(NonFiniteFeatureError);
    expect(catchError(() => p.transform([{ ...ok, age: Number.POSITIVE_INFINITY }]))).toBeInstanceOf(NonFiniteFeatureError);
    expect(catchError(() => p.transform([{ ...ok, car: true }]))).toBeInstanceOf(FeatureTypeError);
    expect(catchError(() => p.transform([{ ...ok, owner: 1 }]))).toMatchObject({ feature: 'owner', reason: 'wrong-type' });
  });

  it('keeps a constant feature at z = 0 (std 1, no division by zero)', () => {
    const p = Preprocessor.fit([{ a: 5 }, { a: 5 }], [{ name: 'a', type: 'numerical' }], vocab);
    expect(p.encodings[0]).toMatchObject({ mean: 5, std: 1 });
    expect(Array.from(p.transform([{ a: 5 }]))).toEqual([0, 0]);
  });

  it('is rebuilt exactly from its encodings (what preprocessing.json stores)', () => {
    const p = Preprocessor.fit(training, schema, vocab);
    const copy = new Preprocessor(JSON.parse(JSON.stringify(p.encodings)));
    expect(copy.transform(training)).toEqual(p.transform(training));
  });
});
