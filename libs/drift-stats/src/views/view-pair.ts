import type { FeatureView } from './feature-view';
import { StatInput, toView } from './to-view';

function isArrayInput(x: StatInput): x is ArrayLike<unknown> {
  return Array.isArray(x) || ArrayBuffer.isView(x);
}

/**
 * Views of both sides. When one side is a profile (or view) and the other raw values, the raw
 * values are read with the profile's feature type, so e.g. numeric category codes stay
 * categories.
 */
export function toViewPair(reference: StatInput, current: StatInput, feature?: string): [FeatureView, FeatureView] {
  if (isArrayInput(reference) && !isArrayInput(current)) {
    const cur = toView(current, feature);
    return [toView(reference, feature ?? cur.feature, cur.featureType), cur];
  }
  const ref = toView(reference, feature);
  const cur = toView(current, feature ?? ref.feature, isArrayInput(current) ? ref.featureType : undefined);
  return [ref, cur];
}
