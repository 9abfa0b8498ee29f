import type { FeatureDefinition } from '../schema/feature-schema';
import type { CategoricalEncoding, FeatureEncoding, NumericEncoding } from './feature-encoding';
import { readBoolean, readCategory, readNumber } from './read-feature-value';

export interface VocabularyOptions {
  /** Categories seen fewer times than this in training go to the unknown bucket. */
  readonly minCategoryCount: number;
  /** At most this many categories per feature get their own column (the most frequent). */
  readonly maxCategories: number;
}

/**
 * Learns each feature's encoding from the training rows (never from validation rows, so the
 * validation metric does not see their statistics). Rows must already have passed the key check.
 */
export function fitEncodings(
  records: readonly Readonly<Record<string, unknown>>[],
  schema: readonly FeatureDefinition[],
  options: VocabularyOptions,
): FeatureEncoding[] {
  return schema.map((f) =>
    f.type === 'categorical' ? fitCategorical(records, f.name, options) : fitNumeric(records, f.name, f.type),
  );
}

function fitNumeric(records: readonly Readonly<Record<string, unknown>>[], name: string, type: 'numerical' | 'boolean'): NumericEncoding {
  const read = type === 'numerical' ? readNumber : readBoolean;
  let n = 0;
  let mean = 0;
  let m2 = 0;
  records.forEach((r, row) => {
    const x = read(r[name], name, row);
    if (x === null) return;
    // Welford's update: stable for large values such as salaries, in one pass.
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  });
  const std = n > 0 ? Math.sqrt(m2 / n) : 0;
  return { name, type, mean: n > 0 ? mean : 0, std: std > 0 && Number.isFinite(std) ? std : 1 };
}

function fitCategorical(records: readonly Readonly<Record<string, unknown>>[], name: string, o: VocabularyOptions): CategoricalEncoding {
  const counts = new Map<string, number>();
  records.forEach((r, row) => {
    const c = readCategory(r[name], name, row);
    if (c !== null) counts.set(c, (counts.get(c) ?? 0) + 1);
  });
  const categories = [...counts.entries()]
    .filter(([, count]) => count >= o.minCategoryCount)
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
    .slice(0, o.maxCategories)
    .map(([c]) => c)
    .sort(compareStrings);
  return { name, type: 'categorical', categories };
}

/** Code-unit order, independent of the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
