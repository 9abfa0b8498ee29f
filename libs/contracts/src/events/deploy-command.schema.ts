import { z } from 'zod';
import {
  IdentifierSchema,
  ModelNameSchema,
  ModelVersionSchema,
  ReasonDetailSchema,
  UtcDateTimeSchema,
} from '../schema-primitives';

export const DEPLOY_COMMAND_SCHEMA_VERSION = 1;
export const DEPLOY_COMMAND_TYPE = 'io.mlops.deploy.command.v1';

/** Who asked (a user or a service name), printable ASCII so it is safe in logs. */
const RequestedBySchema = z.string().min(1).max(128).regex(/^[\x20-\x7E]+$/);

const commonFields = {
  schemaVersion: z.literal(DEPLOY_COMMAND_SCHEMA_VERSION),
  /** Idempotency key: deployment applies a given command at most once. */
  commandId: IdentifierSchema,
  model: ModelNameSchema,
  requestedBy: RequestedBySchema,
  reason: ReasonDetailSchema.optional(),
  requestedAt: UtcDateTimeSchema,
};

/**
 * An operator's command on `deploy.commands` (keyed by model):
 * - `promote`: run the gates on a registered version and make it champion if they pass;
 * - `approve`: release a version held at the manual-approval gate;
 * - `rollback`: make an earlier version champion again; without `version`, the previous one;
 * - `pin`: stop automatic promotion for the model (its champion stays until `unpin` or a command);
 * - `unpin`: resume automatic promotion.
 * Unknown fields are rejected.
 */
export const DeployCommandSchema = z
  .discriminatedUnion('command', [
    z.strictObject({ command: z.literal('promote'), ...commonFields, version: ModelVersionSchema }),
    z.strictObject({ command: z.literal('approve'), ...commonFields, version: ModelVersionSchema }),
    z.strictObject({ command: z.literal('rollback'), ...commonFields, version: ModelVersionSchema.optional() }),
    z.strictObject({ command: z.literal('pin'), ...commonFields }),
    z.strictObject({ command: z.literal('unpin'), ...commonFields }),
  ])
  .meta({
    title: 'DeployCommand',
    description: `Promote, approve, roll back, pin or unpin a model version (CloudEvents type ${DEPLOY_COMMAND_TYPE}). Unknown fields are rejected.`,
  });
export type DeployCommand = z.infer<typeof DeployCommandSchema>;
export type DeployCommandKind = DeployCommand['command'];
