import { FeatureTypeMismatchError } from '../errors';
import type { FeatureType } from '../profile/feature-schema';
import { booleanKey, categoryKey, isMissing } from '../profile/values';
import type { CategoricalView, FeatureView, NumericalView, ViewSource } from './feature-view';
import { sortedNumericalView } from './sorted-numerical-view';

/**
 * What every stat test accepts for each side: raw values (an array or typed array), a feature
 * profile (anything with `toView()`), or a ready view.
 */
export type StatInput = ArrayLike<unknown> | ViewSource | FeatureView;

function isView(x: unknown): x is FeatureView {
  return typeof x === 'object' && x !== null && 'kind' in x && ((x as FeatureView).kind === 'numerical' || (x as FeatureView).kind === 'categorical') && 'count' in x;
}

function isViewSource(x: unknown): x is ViewSource {
  return typeof x === 'object' && x !== null && typeof (x as ViewSource).toView === 'function';
}

/**
 * The view of one side. Raw arrays are read as numerical when `type` says so (or, without a
 * type, when every valid value is a finite number), as boolean when every valid value is a
 * boolean, and as categorical otherwise.
 */
export function toView(input: StatInput, feature?: string, type?: FeatureType): FeatureView {
  if (isView(input)) return input;
  if (isViewSource(input)) return input.toView();
  const values = input as ArrayLike<unknown>;
  const t = type ?? inferArrayType(values);
  return t === 'numerical' ? numericalViewFromArray(values, feature) : categoricalViewFromArray(values, t, feature);
}

/** The numerical view of one side; throws FeatureTypeMismatchError for a categorical input. */
export function toNumericalView(input: StatInput, feature?: string): NumericalView {
  const view = toView(input, feature, 'numerical');
  if (view.kind !== 'numerical') throw new FeatureTypeMismatchError(view.feature ?? feature, 'numerical', view.featureType);
  return view;
}

function inferArrayType(values: ArrayLike<unknown>): FeatureType {
  if (ArrayBuffer.isView(values)) return 'numerical';
  let sawNumber = false;
  let sawBoolean = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) continue;
    if (typeof v === 'number') sawNumber = true;
    else if (typeof v === 'boolean') sawBoolean = true;
    else return 'categorical';
  }
  if (sawNumber && !sawBoolean) return 'numerical';
  if (sawBoolean && !sawNumber) return 'boolean';
  return sawNumber ? 'categorical' : 'numerical';
}

export function numericalViewFromArray(values: ArrayLike<unknown>, feature?: string): NumericalView {
  const valid = new Float64Array(values.length);
  let n = 0;
  let missing = 0;
  let invalid = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) valid[n++] = v;
    else if (isMissing(v)) missing++;
    else invalid++;
  }
  const sorted = valid.slice(0, n).sort();
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sorted[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i] - mean) * (sorted[i] - mean);
  return sortedNumericalView({ feature, sorted, missing, invalid, mean, variance: ss / n, histogram: null });
}

export function categoricalViewFromArray(
  values: ArrayLike<unknown>,
  type: Exclude<FeatureType, 'numerical'>,
  feature?: string,
): CategoricalView {
  const keyOf = type === 'boolean' ? booleanKey : categoryKey;
  const counts = new Map<string, number>();
  let n = 0;
  let missing = 0;
  let invalid = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const k = keyOf(v);
    if (k === null) {
      if (isMissing(v)) missing++;
      else invalid++;
      continue;
    }
    n++;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return { kind: 'categorical', featureType: type, feature, count: n, missing, invalid, counts };
}
