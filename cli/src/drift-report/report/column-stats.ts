import { FeatureView, OTHER_CATEGORY, supportQuantile } from '@mlops/drift-stats';
import type { ColumnStats } from './drift-report.types';
import { finiteOrNull } from './json-number';

/** Summary statistics of one side of a column, from its profile's view. */
export function columnStats(view: FeatureView): ColumnStats {
  if (view.kind === 'numerical') {
    const q = (p: number) => (view.count === 0 ? null : finiteOrNull(supportQuantile(view.distribution, p)));
    return {
      kind: 'numerical',
      count: view.count,
      missing: view.missing,
      invalid: view.invalid,
      mean: finiteOrNull(view.mean),
      std: finiteOrNull(Math.sqrt(view.variance)),
      min: finiteOrNull(view.min),
      p25: q(0.25),
      median: q(0.5),
      p75: q(0.75),
      max: finiteOrNull(view.max),
    };
  }
  let top: string | null = null;
  let topCount = 0;
  for (const [category, count] of view.counts) {
    if (category !== OTHER_CATEGORY && (count > topCount || (count === topCount && top !== null && category < top))) {
      top = category;
      topCount = count;
    }
  }
  return {
    kind: 'categorical',
    count: view.count,
    missing: view.missing,
    invalid: view.invalid,
    distinct: [...view.counts].filter(([k, n]) => k !== OTHER_CATEGORY && n > 0).length,
    top,
    topShare: view.count === 0 || top === null ? null : topCount / view.count,
  };
}
