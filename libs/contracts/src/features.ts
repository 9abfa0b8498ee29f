import { z } from 'zod';
import { MAX_FEATURE_NAME_LENGTH, MAX_FEATURE_STRING_LENGTH, MAX_FEATURES, MIN_FEATURES } from './limits';

/**
 * One feature value: a finite number (NaN and ±Infinity are rejected; JSON cannot carry them
 * and an in-process producer that computes one has a bug), a category string, a boolean, or
 * null for a missing value, which drift statistics count separately.
 */
export const FeatureValueSchema = z.union([
  z.number(),
  z.string().max(MAX_FEATURE_STRING_LENGTH),
  z.boolean(),
  z.null(),
]);
export type FeatureValue = z.infer<typeof FeatureValueSchema>;

/**
 * Feature name → value, with 1 to 512 entries and names of 1 to 128 characters. The bounds keep
 * per-feature state and metric label cardinality finite; an empty map is rejected because a
 * prediction without inputs cannot be monitored.
 */
export const FeaturesSchema = z
  .record(z.string().min(1).max(MAX_FEATURE_NAME_LENGTH), FeatureValueSchema)
  .refine((f) => Object.keys(f).length >= MIN_FEATURES, `must have at least ${MIN_FEATURES} feature`)
  .refine((f) => Object.keys(f).length <= MAX_FEATURES, `must have at most ${MAX_FEATURES} features`)
  .meta({ minProperties: MIN_FEATURES, maxProperties: MAX_FEATURES });
export type Features = z.infer<typeof FeaturesSchema>;
