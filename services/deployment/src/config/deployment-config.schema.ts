import { BACKEND_NAMES, DEFAULT_BACKEND } from '@mlops/model';
import { registryEnvSchema, requireMlflowUriWhenSelected, runtimeEnvSchema } from '@mlops/service-runtime';
import { z } from 'zod';

const boolString = z.enum(['true', 'false'], { error: 'expected true or false' });

/** The deployment service's environment: runtime, registry, tfjs backend and the promotion policy. */
export const deploymentConfigSchema = runtimeEnvSchema
  .extend({
    ...registryEnvSchema.shape,
    TFJS_BACKEND: z.enum(BACKEND_NAMES, { error: `expected one of ${BACKEND_NAMES.join(', ')}` }).default(DEFAULT_BACKEND),
    DEPLOYMENT_GROUP_ID: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'expected 1-200 of [A-Za-z0-9._-]').default('mlops-deployment'),
    /** `better`: the challenger must beat the champion by more than 0 and at least the margin; `not_worse`: lose at most the margin. */
    DEPLOYMENT_POLICY: z.enum(['better', 'not_worse'], { error: 'expected better or not_worse' }).default('better'),
    DEPLOYMENT_MIN_IMPROVEMENT: z.coerce.number({ error: 'expected a number' }).min(0).default(0),
    /** Hold every candidate that passes the gates until an `approve` command. */
    DEPLOYMENT_MANUAL_APPROVAL: boolString.default('false').transform((v) => v === 'true'),
    /** Models never promoted automatically (operators' promote and rollback still apply). */
    DEPLOYMENT_PINNED_MODELS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((m) => m.trim()).filter(Boolean)),
    /** Commands older than this are logged and not applied (a new consumer group reads the topic from its start). */
    DEPLOYMENT_COMMAND_MAX_AGE_MS: z.coerce.number({ error: 'expected milliseconds' }).int().min(1000).default(3_600_000),
    /** Scratch folder where candidates are downloaded, checked and loaded. */
    DEPLOYMENT_WORK_DIR: z.string().min(1).default('./var/deployment'),
  })
  .superRefine(requireMlflowUriWhenSelected);

export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>;
