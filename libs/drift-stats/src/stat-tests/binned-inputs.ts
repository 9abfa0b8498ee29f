import { alignCounts, AlignedCounts, StatInput, toViewPair } from '../views';
import { assertSupported } from './decision';
import type { StatTestMeta, StatTestOptions } from './stat-test.types';

/** Views of both sides on shared buckets, or null when a side has no valid value. */
export function binnedInputs(meta: StatTestMeta, reference: StatInput, current: StatInput, options: StatTestOptions): AlignedCounts | null {
  const [ref, cur] = toViewPair(reference, current, options.feature);
  assertSupported(meta, ref, options.feature);
  assertSupported(meta, cur, options.feature);
  const aligned = alignCounts(ref, cur, options.bins);
  return aligned.referenceTotal === 0 || aligned.currentTotal === 0 ? null : aligned;
}
