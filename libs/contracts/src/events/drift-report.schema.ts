import { z } from 'zod';
import { MAX_FEATURE_NAME_LENGTH, MAX_FEATURES, MAX_METRICS } from '../limits';
import {
  CountSchema,
  FractionSchema,
  IdentifierSchema,
  MetricNameSchema,
  ModelNameSchema,
  ModelVersionSchema,
  UtcDateTimeSchema,
} from '../schema-primitives';
import { DriftTypeSchema } from './drift-type';

export const DRIFT_REPORT_SCHEMA_VERSION = 1;
export const DRIFT_REPORT_TYPE = 'io.mlops.drift.report.v1';

/**
 * How the window was cut: `tumbling` (fixed, non-overlapping time windows), `sliding`
 * (overlapping time windows) or `count` (the last N events).
 */
export const WindowKindSchema = z.enum(['tumbling', 'sliding', 'count']);

/** The outcome of one statistical test; `pValue` only for tests that define one. */
const StatResultShape = {
  /** The stat-test name as registered in drift-stats (`ks`, `psi`, `chi2`, …). */
  method: MetricNameSchema,
  score: z.number(),
  pValue: FractionSchema.optional(),
  threshold: z.number(),
  drifted: z.boolean(),
};

export const FeatureDriftSchema = z.strictObject({
  feature: z.string().min(1).max(MAX_FEATURE_NAME_LENGTH),
  type: z.enum(['numerical', 'categorical']),
  ...StatResultShape,
});
export type FeatureDrift = z.infer<typeof FeatureDriftSchema>;

export const PredictionDriftSchema = z.strictObject(StatResultShape);

/**
 * One metric against the baseline measured at training time. `threshold` is the largest
 * tolerated relative degradation (0.1 = 10%); the producer knows whether higher or lower is
 * better for the metric and sets `degraded` accordingly.
 */
export const MetricComparisonSchema = z.strictObject({
  metric: MetricNameSchema,
  current: z.number(),
  baseline: z.number(),
  threshold: z.number().min(0),
  degraded: z.boolean(),
});

/** The streaming change detectors the drift service can run on a model's error stream. */
export const DetectorMethodSchema = z.enum(['ddm', 'adwin', 'page_hinkley']);
export type DetectorMethod = z.infer<typeof DetectorMethodSchema>;

/** Detections listed per detector and window; more are counted in `drifts` only. */
export const MAX_DETECTIONS_LISTED = 100;

/**
 * One streaming detector fed the window's labeled events as an error stream (0/1 misclassified
 * for classifiers, absolute error for regression), continuing from the previous windows of the
 * same model version. `index` is the position in that stream (0 = the first value the detector
 * was fed) of the value at which the detector signalled; the time of a detection is the window's.
 */
export const DetectorStateSchema = z.strictObject({
  method: DetectorMethodSchema,
  /** Values fed to the detector in this window. */
  values: CountSchema,
  /** Values fed since the detector started (this version, this evaluator). */
  position: CountSchema,
  /** The detector signalled a change in this window. */
  drifted: z.boolean(),
  /** Changes signalled in this window (also beyond the listed ones). */
  drifts: CountSchema,
  /** The window ended in the detector's warning zone (detectors with one, e.g. DDM). */
  warning: z.boolean(),
  detections: z.array(z.strictObject({ index: CountSchema })).max(MAX_DETECTIONS_LISTED),
});
export type DetectorState = z.infer<typeof DetectorStateSchema>;

export const DriftReportSchema = z
  .strictObject({
    schemaVersion: z.literal(DRIFT_REPORT_SCHEMA_VERSION),
    /** Referenced by RetrainRequest.reportRef. */
    reportId: IdentifierSchema,
    model: ModelNameSchema,
    version: ModelVersionSchema,
    window: z
      .strictObject({ kind: WindowKindSchema, start: UtcDateTimeSchema, end: UtcDateTimeSchema })
      .refine((w) => Date.parse(w.start) <= Date.parse(w.end), { message: 'start must not be after end', path: ['end'] }),
    samples: z.strictObject({
      /** Rows behind the baseline profile. */
      reference: CountSchema,
      /** Predictions in the window. */
      current: CountSchema,
      /** Of those, how many had a label; labeled / current is the label coverage. */
      labeled: CountSchema,
    }),
    /** One entry per monitored feature; may be empty when the window had too few samples. */
    features: z.array(FeatureDriftSchema).max(MAX_FEATURES),
    datasetDrift: z.strictObject({ share: FractionSchema, threshold: FractionSchema, drifted: z.boolean() }),
    /** Absent when the output distribution was not tested (too few samples). */
    predictionDrift: PredictionDriftSchema.optional(),
    /** Absent when the window had no labels to measure performance with. */
    performance: z
      .strictObject({
        metrics: z.array(MetricComparisonSchema).min(1).max(MAX_METRICS),
        degraded: z.boolean(),
      })
      .optional(),
    /** Streaming detectors on the error stream; absent when none ran (no labels, or none configured). */
    detectors: z.array(DetectorStateSchema).max(DetectorMethodSchema.options.length).optional(),
    driftType: DriftTypeSchema,
    generatedAt: UtcDateTimeSchema,
  })
  .meta({
    title: 'DriftReport',
    description: `Drift of one model version over one window (CloudEvents type ${DRIFT_REPORT_TYPE}). Unknown fields are rejected.`,
  });
export type DriftReport = z.infer<typeof DriftReportSchema>;
