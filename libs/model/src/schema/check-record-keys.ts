import { InvalidFeatureRecordError, MissingFeatureError, UnexpectedFeatureError } from '../errors';
import { describeValue } from './describe-value';
import type { FeatureDefinition } from './feature-schema';

/**
 * Throws a typed error naming the first feature that is absent from `record` (or present as
 * `undefined`), or the first key the schema does not have. Values are checked by the encoders.
 */
export function checkRecordKeys(
  record: unknown,
  schema: readonly FeatureDefinition[],
  names: ReadonlySet<string>,
  row?: number,
): asserts record is Readonly<Record<string, unknown>> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new InvalidFeatureRecordError(describeValue(record), row);
  }
  const values = record as Readonly<Record<string, unknown>>;
  for (const f of schema) {
    if (!Object.hasOwn(values, f.name) || values[f.name] === undefined) throw new MissingFeatureError(f.name, row);
  }
  // Every schema key is present, so a larger key count means extra keys: only then look for them.
  const keys = Object.keys(values);
  if (keys.length > schema.length) {
    const extra = keys.find((k) => !names.has(k));
    if (extra !== undefined) throw new UnexpectedFeatureError(extra, row);
  }
}
