import { STAT_METHODS, type StatMethod } from '@mlops/drift-stats';
import { z } from 'zod';
import { DURATION_HINT, parseDuration } from '../config/duration';
import { DETECTOR_METHODS } from '../detectors/streaming-detectors';
import { DETECTOR_DRIFT_USES, DRIFT_RESPONSES } from './retrain-policy';

const fraction = z.number({ error: 'expected a number in [0, 1]' }).min(0, 'expected a number in [0, 1]').max(1, 'expected a number in [0, 1]');
const count = (min: number) => z.number({ error: `expected an integer ≥ ${min}` }).int(`expected an integer ≥ ${min}`).min(min, `expected an integer ≥ ${min}`);
const response = z.enum(DRIFT_RESPONSES, { error: `expected one of ${DRIFT_RESPONSES.join(', ')}` });

/** `30s`, `6h`, `7d` or a number of milliseconds. */
export const durationSchema = z.union([z.string(), z.number()], { error: `expected ${DURATION_HINT}` }).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : parseDuration(value);
  if (ms === undefined || !Number.isInteger(ms) || ms < 0) {
    ctx.addIssue({ code: 'custom', message: `expected ${DURATION_HINT} (not ${JSON.stringify(value)})` });
    return z.NEVER;
  }
  return ms;
});

const columnSchema = z.strictObject({
  method: z.enum(STAT_METHODS as [StatMethod, ...StatMethod[]], { error: `expected one of ${STAT_METHODS.join(', ')}` }).optional(),
  threshold: z.number({ error: 'expected a number ≥ 0' }).min(0, 'expected a number ≥ 0').optional(),
  minEffect: z.number({ error: 'expected a number ≥ 0 or null' }).min(0).nullable().optional(),
  decideOn: z.enum(['p-value', 'score'], { error: 'expected p-value or score' }).optional(),
});

/** One policy section of the file: every key optional, unknown keys refused (a typo must not pass). */
export const policySectionSchema = z.strictObject({
  datasetDriftShare: fraction.optional(),
  performanceDrop: z.number({ error: 'expected a number ≥ 0' }).min(0, 'expected a number ≥ 0').optional(),
  primaryMetric: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/, 'expected a metric name such as accuracy, f1 or rmse').optional(),
  positiveLabel: z.union([z.string().min(1), z.number(), z.boolean()], { error: 'expected a class label (string, number or boolean)' }).optional(),
  minSamples: count(1).optional(),
  minLabeled: count(1).optional(),
  consecutiveWindows: count(1).optional(),
  cooldown: durationSchema.optional(),
  responses: z
    .strictObject({ data: response.optional(), prediction: response.optional(), concept: response.optional(), data_and_concept: response.optional() })
    .optional(),
  columns: z.record(z.string().min(1), columnSchema).optional(),
  /** Streaming detectors on the error stream (`[]`: none). */
  detectors: z.array(z.enum(DETECTOR_METHODS, { error: `expected one of ${DETECTOR_METHODS.join(', ')}` })).optional(),
  detectorDrift: z.enum(DETECTOR_DRIFT_USES, { error: `expected one of ${DETECTOR_DRIFT_USES.join(', ')}` }).optional(),
});
export type PolicySection = z.output<typeof policySectionSchema>;

/** The policy file: `defaults` for every model, and `models.<name>` for one model. */
export const policyFileSchema = z.strictObject({
  defaults: policySectionSchema.optional(),
  models: z.record(z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,127}$/, 'expected a model name'), policySectionSchema).optional(),
});
export type PolicyFile = z.output<typeof policyFileSchema>;
