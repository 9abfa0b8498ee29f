import { registryEnvSchema, requireMlflowUriWhenSelected, runtimeEnvSchema } from '@mlops/service-runtime';
import { z } from 'zod';
import { InvalidPolicyFileError, loadPolicyFile } from '../policy/load-policy-file';
import { resolvePolicies } from '../policy/resolve-policies';
import type { PolicySection } from '../policy/retrain-policy.schema';
import { DETECTOR_METHODS, type DetectorMethod } from '../detectors/streaming-detectors';
import { DETECTOR_DRIFT_USES, DRIFT_RESPONSES, type DetectorDriftUse, type DriftResponse } from '../policy/retrain-policy';
import { DURATION_HINT, parseDuration } from './duration';

const duration = (min: number) =>
  z.string().transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined || ms < min) {
      ctx.addIssue({ code: 'custom', message: `expected ${DURATION_HINT}${min > 0 ? ` (at least ${min} ms)` : ''}` });
      return z.NEVER;
    }
    return ms;
  });
const int = (what: string, min: number, max: number) =>
  z.coerce.number({ error: `expected ${what}` }).int(`expected ${what}`).min(min, `expected ${what} ≥ ${min}`).max(max, `expected ${what} ≤ ${max}`);
const fraction = z.coerce.number({ error: 'expected a number in [0, 1]' }).min(0, 'expected a number in [0, 1]').max(1, 'expected a number in [0, 1]');
const detectorList = z.string().transform((text, ctx) => {
  const names = text.split(',').map((n) => n.trim()).filter((n) => n !== '' && n !== 'none');
  const unknown = names.filter((n) => !(DETECTOR_METHODS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `expected a comma-separated list of ${DETECTOR_METHODS.join(', ')} (or none), not ${unknown.join(', ')}` });
    return z.NEVER;
  }
  return names as DetectorMethod[];
});
const response = z.enum(DRIFT_RESPONSES, { error: `expected one of ${DRIFT_RESPONSES.join(', ')}` });

/** The drift-computation service's environment: runtime, registry, windows, retrain policy. */
export const driftComputationConfigSchema = runtimeEnvSchema
  .extend({
    ...registryEnvSchema.shape,
    DRIFT_GROUP_ID: z.string().regex(/^[A-Za-z0-9._-]{1,180}$/, 'expected 1-180 of [A-Za-z0-9._-]').default('mlops-drift'),
    /** `time`: tumbling event-time windows of DRIFT_WINDOW_SIZE; `count`: windows of DRIFT_WINDOW_EVENTS predictions. */
    DRIFT_WINDOW_KIND: z.enum(['time', 'count'], { error: 'expected time or count' }).default('time'),
    DRIFT_WINDOW_SIZE: duration(1000).default(3_600_000),
    DRIFT_WINDOW_EVENTS: int('an event count', 10, 100_000_000).default(10_000),
    /** Events up to this much older than the newest event of their partition still count. */
    DRIFT_ALLOWED_LATENESS: duration(0).default(300_000),
    /** How many later windows a window waits for its labels before it is reported without them. */
    DRIFT_LABEL_WAIT_WINDOWS: int('a window count', 0, 1000).default(1),
    /** A source partition silent this long (wall clock) no longer holds back a window that others closed. */
    DRIFT_IDLE_TIMEOUT: duration(100).default(300_000),
    /** Longest delay between an event's time and its arrival on `predictions` that a restart must cover. */
    DRIFT_REPLAY_MARGIN: duration(0).default(3_600_000),
    DRIFT_MAX_CHUNK: int('a message count', 1, 20_000).default(2000),
    /** Members of the source consumer group in this process: while one fetches, another profiles (see README). */
    DRIFT_SOURCE_CONSUMERS: int('a consumer count', 1, 16).default(4),
    /** Reservoir sample per numerical feature of a window profile (0 disables exact small-window tests). */
    DRIFT_WINDOW_SAMPLE_SIZE: int('a sample size', 0, 100_000).default(512),
    DRIFT_PARTIALS_PARTITIONS: int('a partition count', 1, 1000).optional(),
    /** Recent reports kept per model for GET /models/:name/reports/latest. */
    DRIFT_HISTORY_WINDOWS: int('a window count', 1, 10_000).default(48),
    /** Features exported per model version as Prometheus series; the rest are counted, not exported. */
    DRIFT_METRICS_MAX_FEATURES: int('a feature count', 1, 512).default(100),
    /** Errors kept per window and source partition for the streaming detectors (beyond: thinned out evenly). */
    DRIFT_DETECTOR_MAX_ERRORS: int('an error count', 2, 1_000_000).default(20_000),
    /** Wall-clock time without a closed window after which a model's windows count as stalled (exported for the alert). */
    DRIFT_STALL_AFTER: duration(1000).optional(),
    DRIFT_POLICY_FILE: z.string().min(1).optional(),
    DRIFT_POLICY_DATASET_DRIFT_SHARE: fraction.optional(),
    DRIFT_POLICY_PERFORMANCE_DROP: z.coerce.number({ error: 'expected a number ≥ 0' }).min(0, 'expected a number ≥ 0').optional(),
    DRIFT_POLICY_PRIMARY_METRIC: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/, 'expected a metric name such as accuracy or rmse').optional(),
    DRIFT_POLICY_MIN_SAMPLES: int('a sample count', 1, 1_000_000_000).optional(),
    DRIFT_POLICY_MIN_LABELED: int('a label count', 1, 1_000_000_000).optional(),
    DRIFT_POLICY_CONSECUTIVE_WINDOWS: int('a window count', 1, 1000).optional(),
    DRIFT_POLICY_COOLDOWN: duration(0).optional(),
    DRIFT_POLICY_ON_DATA: response.optional(),
    DRIFT_POLICY_ON_PREDICTION: response.optional(),
    DRIFT_POLICY_ON_CONCEPT: response.optional(),
    DRIFT_POLICY_ON_DATA_AND_CONCEPT: response.optional(),
    DRIFT_POLICY_DETECTORS: detectorList.optional(),
    DRIFT_POLICY_DETECTOR_DRIFT: z.enum(DETECTOR_DRIFT_USES, { error: `expected one of ${DETECTOR_DRIFT_USES.join(', ')}` }).optional(),
  })
  .superRefine(requireMlflowUriWhenSelected)
  .transform((env, ctx) => {
    let file;
    if (env.DRIFT_POLICY_FILE) {
      try {
        file = loadPolicyFile(env.DRIFT_POLICY_FILE);
      } catch (error) {
        const problems = error instanceof InvalidPolicyFileError ? error.problems : [(error as Error).message];
        for (const problem of problems) ctx.addIssue({ code: 'custom', path: ['DRIFT_POLICY_FILE'], message: problem });
        return z.NEVER;
      }
    }
    return { ...env, policies: resolvePolicies(file, policyFromEnv(env)) };
  });

export type DriftComputationConfig = z.output<typeof driftComputationConfigSchema>;

interface PolicyEnv {
  DRIFT_POLICY_DATASET_DRIFT_SHARE?: number;
  DRIFT_POLICY_PERFORMANCE_DROP?: number;
  DRIFT_POLICY_PRIMARY_METRIC?: string;
  DRIFT_POLICY_MIN_SAMPLES?: number;
  DRIFT_POLICY_MIN_LABELED?: number;
  DRIFT_POLICY_CONSECUTIVE_WINDOWS?: number;
  DRIFT_POLICY_COOLDOWN?: number;
  DRIFT_POLICY_ON_DATA?: DriftResponse;
  DRIFT_POLICY_ON_PREDICTION?: DriftResponse;
  DRIFT_POLICY_ON_CONCEPT?: DriftResponse;
  DRIFT_POLICY_ON_DATA_AND_CONCEPT?: DriftResponse;
  DRIFT_POLICY_DETECTORS?: DetectorMethod[];
  DRIFT_POLICY_DETECTOR_DRIFT?: DetectorDriftUse;
}

/** The DRIFT_POLICY_* variables as a policy section (they override the file's defaults). */
function policyFromEnv(env: PolicyEnv): PolicySection {
  return {
    datasetDriftShare: env.DRIFT_POLICY_DATASET_DRIFT_SHARE,
    performanceDrop: env.DRIFT_POLICY_PERFORMANCE_DROP,
    primaryMetric: env.DRIFT_POLICY_PRIMARY_METRIC,
    minSamples: env.DRIFT_POLICY_MIN_SAMPLES,
    minLabeled: env.DRIFT_POLICY_MIN_LABELED,
    consecutiveWindows: env.DRIFT_POLICY_CONSECUTIVE_WINDOWS,
    cooldown: env.DRIFT_POLICY_COOLDOWN,
    detectors: env.DRIFT_POLICY_DETECTORS,
    detectorDrift: env.DRIFT_POLICY_DETECTOR_DRIFT,
    responses: {
      data: env.DRIFT_POLICY_ON_DATA,
      prediction: env.DRIFT_POLICY_ON_PREDICTION,
      concept: env.DRIFT_POLICY_ON_CONCEPT,
      data_and_concept: env.DRIFT_POLICY_ON_DATA_AND_CONCEPT,
    },
  };
}
