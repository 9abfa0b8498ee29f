import { CategoricalFeatureProfile, CategoricalFeatureSpec } from '@mlops/drift-stats';
import { categoricalProfileFromCounts } from './categorical-from-counts';

/** Counts of `values` in first-seen order, as a column store gives them. */
function countsOf(values: readonly (string | null)[]) {
  const seen = new Map<string, number>();
  for (const v of values) if (v !== null) seen.set(v, (seen.get(v) ?? 0) + 1);
  return { seen: [...seen.entries()], missing: values.filter((v) => v === null).length };
}

describe('categoricalProfileFromCounts', () => {
  const values = ['b', 'x', null, 'a', 'y', 'b', 'z', 'x', 'w', null, 'z', 'z'];

  it.each([
    ['within the cap', 10],
    ['past the cap: later new categories go to "other"', 4],
  ])('builds the profile value-by-value updates build (%s)', (_name, maxCategories) => {
    const spec: CategoricalFeatureSpec = { name: 'c', type: 'categorical', role: 'feature', categories: ['a', 'b', 'q'], maxCategories };
    const updated = new CategoricalFeatureProfile(spec);
    updated.updateMany(values);
    const restored = categoricalProfileFromCounts(spec, countsOf(values));
    expect(restored.toJSON()).toEqual(updated.toJSON());
    expect([...restored.toView().counts.entries()]).toEqual([...updated.toView().counts.entries()]); // same order too
  });
});
