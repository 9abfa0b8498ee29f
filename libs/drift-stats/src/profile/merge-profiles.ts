import { SchemaMismatchError } from '../errors';
import type { DatasetProfile } from './dataset-profile';

/**
 * merge(profile(A), profile(B)) = profile(A ∪ B): a new profile, inputs untouched. Exact for
 * counts, histograms, min/max and categories; moments up to floating-point rounding; quantile
 * sketches within their error bound. Commutative and associative under the same laws.
 * Throws SchemaMismatchError naming the feature when schemas, bin edges or memory parameters
 * differ.
 */
export function mergeProfiles<P extends DatasetProfile>(a: P, b: P): P {
  if (a.kind !== b.kind) throw new SchemaMismatchError(undefined, `cannot merge a ${a.kind} profile with a ${b.kind} profile`);
  const merged = a.clone() as P;
  merged.mergeFrom(b);
  return merged;
}

/** Merge any number of partial profiles (e.g. one per partition), left to right. */
export function mergeAll<P extends DatasetProfile>(profiles: readonly P[]): P {
  if (profiles.length === 0) throw new SchemaMismatchError(undefined, 'nothing to merge');
  const merged = profiles[0].clone() as P;
  for (let i = 1; i < profiles.length; i++) {
    if (profiles[i].kind !== merged.kind) throw new SchemaMismatchError(undefined, 'cannot merge profiles of different kinds');
    merged.mergeFrom(profiles[i]);
  }
  return merged;
}
