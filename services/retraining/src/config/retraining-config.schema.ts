import { BACKEND_NAMES, DEFAULT_BACKEND } from '@mlops/model';
import { registryEnvSchema, requireMlflowUriWhenSelected, runtimeEnvSchema } from '@mlops/service-runtime';
import { z } from 'zod';
import { parseSchedules } from '../scheduling/schedule-setting';

const DAY_MS = 86_400_000;
const int = (what: string, min: number, max: number) => z.coerce.number({ error: `expected ${what}` }).int().min(min).max(max);
const fraction = (what: string) => z.coerce.number({ error: `expected ${what}` }).gt(0).lt(1);
const list = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

/** The retraining service's environment: runtime, registry, tfjs backend, data, training, schedules. */
export const retrainingConfigSchema = runtimeEnvSchema
  .extend({
    ...registryEnvSchema.shape,
    TFJS_BACKEND: z.enum(BACKEND_NAMES, { error: `expected one of ${BACKEND_NAMES.join(', ')}` }).default(DEFAULT_BACKEND),
    RETRAINING_GROUP_ID: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'expected 1-200 of [A-Za-z0-9._-]').default('mlops-retraining'),
    /** A training runs inside the handler and sends no heartbeats: the group must wait that long. */
    RETRAINING_SESSION_TIMEOUT_MS: int('milliseconds', 6000, 1_800_000).default(600_000),
    /** Scratch folder for downloaded champions and saved challengers. */
    RETRAINING_WORK_DIR: z.string().min(1).default('./var/retraining'),
    RETRAINING_MIN_ROWS: int('a row count', 2, 100_000_000).default(200),
    RETRAINING_MAX_ROWS: int('a row count', 2, 100_000_000).default(1_000_000),
    RETRAINING_HOLDOUT_FRACTION: fraction('a fraction in (0, 1)').default(0.2),
    /** Comparison metric (default accuracy, or rmse for regression). */
    RETRAINING_PRIMARY_METRIC: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/, 'expected a metric name such as accuracy').optional(),
    /** Original training rows (the champion's window) mixed in per new row; 0 (default) trains on the window only. */
    RETRAINING_MIX_RATIO: z.coerce.number({ error: 'expected a ratio' }).min(0).max(10).default(0),
    RETRAINING_MIN_IMPROVEMENT: z.coerce.number({ error: 'expected a number' }).min(0).default(0),
    RETRAINING_SEED: int('a seed', 0, 4294967295).default(0),
    RETRAINING_HIDDEN_UNITS: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'expected layer sizes such as 64,32')
      .transform((v) => v.split(',').map(Number))
      .optional(),
    RETRAINING_MAX_EPOCHS: int('an epoch count', 1, 10000).optional(),
    RETRAINING_LEARNING_RATE: z.coerce.number({ error: 'expected a number' }).positive().max(1).optional(),
    RETRAINING_BATCH_SIZE: int('a batch size', 1, 65536).optional(),
    /** Feature names to treat as categories when a model has no champion to take types from. */
    RETRAINING_CATEGORICAL_FEATURES: list,
    /** Models trained by their team's own pipeline (policy `trainer: external`): requests are handed off, not trained. */
    RETRAINING_EXTERNAL_MODELS: list,
    /** `model=cron;model=cron`, UTC, e.g. `loan=@weekly`; empty (default) schedules nothing. */
    RETRAINING_SCHEDULES: z.string().default('').transform((text, ctx) => {
      try {
        return parseSchedules(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
    RETRAINING_SCHEDULE_WINDOW_MS: int('milliseconds', 60_000, 365 * DAY_MS).default(7 * DAY_MS),
    /** How far before a window's start the read seeks by message time (clock skew between producers). */
    RETRAINING_READ_SLACK_MS: int('milliseconds', 0, DAY_MS).default(300_000),
    /** How far back handled requestIds are remembered (the retention of retrain.requests). */
    RETRAINING_HANDLED_HORIZON_MS: int('milliseconds', 60_000, 3650 * DAY_MS).default(30 * DAY_MS),
    RETRAINING_MAX_CHUNK: int('a message count', 1, 10_000).default(100),
  })
  .superRefine(requireMlflowUriWhenSelected)
  .superRefine((env, ctx) => {
    if (env.RETRAINING_MAX_ROWS < env.RETRAINING_MIN_ROWS) {
      ctx.addIssue({ code: 'custom', path: ['RETRAINING_MAX_ROWS'], message: `must be at least RETRAINING_MIN_ROWS (${env.RETRAINING_MIN_ROWS})` });
    }
  });

export type RetrainingConfig = z.infer<typeof retrainingConfigSchema>;
