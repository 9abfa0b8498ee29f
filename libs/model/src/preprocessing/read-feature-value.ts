import { FeatureTypeError, NonFiniteFeatureError } from '../errors';
import { describeValue } from '../schema/describe-value';

/**
 * Reading one raw value of a feature: the value as the encoder needs it, `null` for a missing
 * value, or a typed error naming the feature. Shared by fitting and encoding so training data
 * and requests obey the same rules.
 */

/** A numerical feature: a finite number, or null. */
export function readNumber(value: unknown, feature: string, row?: number): number | null {
  if (value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NonFiniteFeatureError(feature, value, row);
    return value;
  }
  throw new FeatureTypeError(feature, 'a finite number or null', describeValue(value), row);
}

/** A boolean feature, read as 1 or 0, or null. */
export function readBoolean(value: unknown, feature: string, row?: number): number | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new FeatureTypeError(feature, 'a boolean or null', describeValue(value), row);
}

/**
 * A categorical feature: a string, or a finite number used as a code (keyed by `String(v)`,
 * as @mlops/drift-stats keys categories), or null. Booleans are refused: a boolean sent for a
 * categorical feature is almost always a producer bug.
 */
export function readCategory(value: unknown, feature: string, row?: number): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NonFiniteFeatureError(feature, value, row);
    return String(value);
  }
  throw new FeatureTypeError(feature, 'a string, a numeric code or null', describeValue(value), row);
}
