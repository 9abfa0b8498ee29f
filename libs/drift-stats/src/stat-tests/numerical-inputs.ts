import type { NumericalView } from '../views';
import { StatInput, toNumericalView, toViewPair } from '../views';
import { assertSupported } from './decision';
import type { StatTestMeta, StatTestOptions } from './stat-test.types';

/** Numerical views of both sides, or null when a side has no valid value. */
export function numericalInputs(
  meta: StatTestMeta,
  reference: StatInput,
  current: StatInput,
  options: StatTestOptions,
): [NumericalView, NumericalView] | null {
  const [refView, curView] = toViewPair(reference, current, options.feature);
  assertSupported(meta, refView, options.feature);
  assertSupported(meta, curView, options.feature);
  const ref = toNumericalView(refView, options.feature);
  const cur = toNumericalView(curView, options.feature);
  return ref.count === 0 || cur.count === 0 ? null : [ref, cur];
}
