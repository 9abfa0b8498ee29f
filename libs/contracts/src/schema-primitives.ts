import { z } from 'zod';
import {
  IDENTIFIER_PATTERN,
  MAX_CLASSES,
  MAX_ID_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_METRICS,
  MAX_REASON_LENGTH,
  MAX_URI_LENGTH,
  METRIC_NAME_PATTERN,
  MODEL_NAME_PATTERN,
  MODEL_VERSION_PATTERN,
  SHA256_PATTERN,
} from './limits';

/** Building blocks shared by several events; each limit is documented in `limits.ts`. */

export const ModelNameSchema = z.string().regex(MODEL_NAME_PATTERN);
export const ModelVersionSchema = z.string().regex(MODEL_VERSION_PATTERN);
export const IdentifierSchema = z.string().min(1).max(MAX_ID_LENGTH).regex(IDENTIFIER_PATTERN);
export const MetricNameSchema = z.string().regex(METRIC_NAME_PATTERN);
export const ReasonDetailSchema = z.string().min(1).max(MAX_REASON_LENGTH);

/** z.number() already rejects NaN and ±Infinity; the alias names the intent at call sites. */
export const FiniteNumberSchema = z.number();
export const FractionSchema = z.number().min(0).max(1);
export const CountSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * Instants written by our own services: ISO-8601 in UTC with a `Z` suffix, exactly what
 * `Date.prototype.toISOString()` produces, so they sort and compare as strings.
 */
export const UtcDateTimeSchema = z.iso.datetime();

/** A class label: the same type space for predictions and ground truth. */
export const LabelValueSchema = z.union([z.string().min(1).max(MAX_LABEL_LENGTH), z.number(), z.boolean()]);

/** Class name → probability in [0, 1]. */
export const ProbabilitiesSchema = z
  .record(z.string().min(1).max(MAX_LABEL_LENGTH), FractionSchema)
  .refine((p) => Object.keys(p).length >= 1, 'must have at least 1 class')
  .refine((p) => Object.keys(p).length <= MAX_CLASSES, `must have at most ${MAX_CLASSES} classes`)
  .meta({ minProperties: 1, maxProperties: MAX_CLASSES });

/** Named metrics of a model (accuracy, f1, rmse, …). */
export const MetricsSchema = z
  .record(MetricNameSchema, z.number())
  .refine((m) => Object.keys(m).length >= 1, 'must have at least 1 metric')
  .refine((m) => Object.keys(m).length <= MAX_METRICS, `must have at most ${MAX_METRICS} metrics`)
  .meta({ minProperties: 1, maxProperties: MAX_METRICS });

/**
 * An absolute URI (it must have a scheme: `file:`, `s3:`, `mlflow-artifacts:`, `runs:`), plus the
 * sha256 of the bytes behind it, checked again before anything is loaded.
 */
export const ArtifactRefSchema = z.strictObject({
  uri: z
    .string()
    .max(MAX_URI_LENGTH)
    .regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/),
  sha256: z.string().regex(SHA256_PATTERN),
});
export type ArtifactRef = z.infer<typeof ArtifactRefSchema>;

/** A half-open range of event time `[from, to)`, used to select training data. */
export const DataWindowSchema = z
  .strictObject({ from: UtcDateTimeSchema, to: UtcDateTimeSchema })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: 'from must be before to', path: ['to'] });
export type DataWindow = z.infer<typeof DataWindowSchema>;
