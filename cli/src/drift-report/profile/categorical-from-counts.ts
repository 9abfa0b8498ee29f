import { CategoricalFeatureProfile, CategoricalFeatureSpec } from '@mlops/drift-stats';

/** Exact counts of one categorical or boolean column: per category in first-seen order, and missing cells. */
export interface CategoryCounts {
  readonly seen: readonly (readonly [string, number])[];
  readonly missing: number;
}

/**
 * The drift-stats profile that updating value by value would build, from counts: the spec's
 * categories are tracked first, then new categories in first-seen order up to the spec's cap,
 * the rest counted as "other". Counting codes is far cheaper than a million Map updates.
 */
export function categoricalProfileFromCounts(spec: CategoricalFeatureSpec, counts: CategoryCounts): CategoricalFeatureProfile {
  const known = new Set(spec.categories);
  const kept: [string, number][] = [];
  let slots = known.size;
  let other = 0;
  let count = 0;
  for (const [category, n] of counts.seen) {
    if (n === 0) continue;
    count += n;
    if (known.has(category)) kept.push([category, n]);
    else if (slots < spec.maxCategories) {
      kept.push([category, n]);
      slots++;
    } else other += n;
  }
  return CategoricalFeatureProfile.fromJSON({ spec, count, missing: counts.missing, invalid: 0, counts: kept, other }, spec);
}
