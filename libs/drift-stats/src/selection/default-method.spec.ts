import type { CategoricalFeatureSpec, NumericalFeatureSpec } from '../profile/feature-spec';
import { defaultMethod } from './default-method';

const numerical = (distinct: number): NumericalFeatureSpec => ({
  name: 'n',
  type: 'numerical',
  role: 'feature',
  edges: [],
  distinct,
  sketchK: 200,
  sampleSize: 0,
});
const categorical = (categories: string[]): CategoricalFeatureSpec => ({
  name: 'c',
  type: 'categorical',
  role: 'feature',
  categories,
  maxCategories: 1000,
});
const boolean: CategoricalFeatureSpec = { name: 'b', type: 'boolean', role: 'feature', categories: ['false', 'true'], maxCategories: 1000 };

describe('defaultMethod', () => {
  it.each([
    ['numerical, many values, small reference', numerical(500), 1000, { method: 'ks', threshold: 0.05, minEffect: 0.1 }],
    ['numerical, many values, large reference', numerical(500), 1001, { method: 'wasserstein-normed', threshold: 0.1 }],
    ['numerical, 5 values, small reference', numerical(5), 300, { method: 'chi-square', threshold: 0.05, minEffect: 0.1 }],
    ['numerical, 6 values, small reference', numerical(6), 300, { method: 'ks', threshold: 0.05, minEffect: 0.1 }],
    ['numerical, 2 values, small reference', numerical(2), 300, { method: 'z-test', threshold: 0.05, minEffect: 0.2 }],
    ['numerical, 3 values, large reference', numerical(3), 5000, { method: 'jensen-shannon', threshold: 0.1 }],
    ['categorical, 3 categories, small reference', categorical(['a', 'b', 'c']), 50, { method: 'chi-square', threshold: 0.05, minEffect: 0.1 }],
    ['categorical, 2 categories, small reference', categorical(['a', 'b']), 50, { method: 'z-test', threshold: 0.05, minEffect: 0.2 }],
    ['categorical, large reference', categorical(['a', 'b', 'c']), 2000, { method: 'jensen-shannon', threshold: 0.1 }],
    ['boolean, small reference', boolean, 999, { method: 'z-test', threshold: 0.05, minEffect: 0.2 }],
    ['boolean, large reference', boolean, 1e6, { method: 'jensen-shannon', threshold: 0.1 }],
  ] as const)('%s', (_label, spec, n, expected) => {
    expect(defaultMethod(spec, n)).toEqual(expected);
  });

  it('drops the effect-size floors when not effect-aware (the plain p-value rule)', () => {
    expect(defaultMethod(numerical(500), 100, { effectAware: false })).toEqual({ method: 'ks', threshold: 0.05 });
  });
});
