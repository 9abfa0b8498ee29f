import { MAX_FEATURE_NAME_LENGTH, MAX_FEATURES } from '@mlops/contracts';
import { EmptyTrainingSetError, InvalidFeatureRecordError, InvalidTrainingDataError } from '../errors';
import { describeValue } from './describe-value';
import { FEATURE_TYPES, FeatureDefinition, FeatureType } from './feature-schema';

/**
 * The feature schema of a training set: the union of its keys, sorted by name (so the column
 * layout does not depend on the key order a producer happened to use), each typed by its
 * non-null values: all numbers → numerical, all strings → categorical, all booleans → boolean.
 * A feature with mixed types, or with no non-null value, cannot be typed: declare it instead.
 * Declared definitions win over inference.
 */
export function inferFeatureSchema(
  records: readonly unknown[],
  declared: readonly FeatureDefinition[] = [],
): FeatureDefinition[] {
  if (records.length === 0) throw new EmptyTrainingSetError();
  const declaredTypes = new Map<string, FeatureType>();
  for (const d of declared) {
    if (!FEATURE_TYPES.includes(d.type)) {
      throw new InvalidTrainingDataError(`feature "${d.name}": declared type must be one of ${FEATURE_TYPES.join(' | ')}`, { feature: d.name });
    }
    declaredTypes.set(d.name, d.type);
  }
  // feature → value kind → first row holding it (for error messages).
  const seen = new Map<string, Map<string, number>>();
  records.forEach((record, row) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new InvalidFeatureRecordError(describeValue(record), row);
    }
    for (const [name, value] of Object.entries(record)) {
      let kinds = seen.get(name);
      if (kinds === undefined) seen.set(name, (kinds = new Map()));
      if (value !== null && value !== undefined && !kinds.has(typeof value)) kinds.set(typeof value, row);
    }
  });
  for (const name of declaredTypes.keys()) {
    if (!seen.has(name)) throw new InvalidTrainingDataError(`declared feature "${name}" is in no training record`, { feature: name });
  }
  const names = [...seen.keys()].sort();
  if (names.length > MAX_FEATURES) {
    throw new InvalidTrainingDataError(`the training records have ${names.length} features; at most ${MAX_FEATURES} are allowed`);
  }
  return names.map((name) => {
    if (name.length === 0 || name.length > MAX_FEATURE_NAME_LENGTH) {
      throw new InvalidTrainingDataError(`feature name "${name}" must have 1 to ${MAX_FEATURE_NAME_LENGTH} characters`, { feature: name });
    }
    return { name, type: declaredTypes.get(name) ?? typeOf(name, seen.get(name) ?? new Map()) };
  });
}

function typeOf(name: string, kinds: ReadonlyMap<string, number>): FeatureType {
  if (kinds.size === 0) {
    throw new InvalidTrainingDataError(`feature "${name}" is null in every training record, so its type is unknown; declare it`, { feature: name });
  }
  if (kinds.size > 1) {
    const firsts = [...kinds.entries()].sort((a, b) => a[1] - b[1]).map(([kind, row]) => `${kind} (first at row ${row})`);
    throw new InvalidTrainingDataError(`feature "${name}" mixes ${firsts.join(' and ')} values; declare its type`, { feature: name });
  }
  const [kind] = kinds.keys();
  if (kind === 'number') return 'numerical';
  if (kind === 'string') return 'categorical';
  if (kind === 'boolean') return 'boolean';
  throw new InvalidTrainingDataError(`feature "${name}" holds ${kind} values; features are numbers, strings, booleans or null`, { feature: name });
}
