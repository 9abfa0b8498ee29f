import {
  MAX_REASON_LENGTH,
  MODEL_DEPLOYED_SCHEMA_VERSION,
  MODEL_REJECTED_SCHEMA_VERSION,
  ModelDeployedSchema,
  ModelRejectedSchema,
  type ModelDeployed,
  type ModelRejected,
  type RejectionReason,
} from '@mlops/contracts';
import type { ModelVersion } from '@mlops/registry';
import { failed, summarizeGates, type GateResult } from './gates/gate-result';

/** ce_id of a deployment decision: what, and why (`registered`, or `command:<commandId>`). */
export function decisionEventId(kind: 'deployed' | 'refused', model: string, version: string, cause: string): string {
  return `${kind}:${model}:${version}:${cause}`;
}

export function modelDeployedEvent(version: Pick<ModelVersion, 'model' | 'version' | 'artifact' | 'baselineProfile'>, previousVersion: string | undefined, at: Date): ModelDeployed {
  return ModelDeployedSchema.parse({
    schemaVersion: MODEL_DEPLOYED_SCHEMA_VERSION,
    model: version.model,
    version: version.version,
    artifact: version.artifact,
    baselineProfile: version.baselineProfile,
    ...(previousVersion !== undefined && previousVersion !== version.version && { previousVersion }),
    deployedAt: at.toISOString(),
  });
}

/**
 * The contract's closest reason for a refusal: a failed integrity gate (checksum, load, sanity)
 * is `gate_failed`, a failed metric gate `not_better_than_champion`. The detail carries
 * every gate's result.
 */
export function refusalReason(gates: readonly GateResult[]): RejectionReason {
  return failed(gates).some((g) => g.gate === 'checksum' || g.gate === 'load' || g.gate === 'sanity') ? 'gate_failed' : 'not_better_than_champion';
}

/** ModelRejected for a version the gates refused; `requestId` is the one in the version's lineage. */
export function refusalEvent(input: { model: string; version: string; requestId: string; gates: readonly GateResult[]; cause: string }, at: Date): ModelRejected {
  const detail = `deployment refused (${input.cause}): ${summarizeGates(input.gates)}`;
  return ModelRejectedSchema.parse({
    schemaVersion: MODEL_REJECTED_SCHEMA_VERSION,
    model: input.model,
    requestId: input.requestId,
    reason: refusalReason(input.gates),
    detail: detail.length > MAX_REASON_LENGTH ? `${detail.slice(0, MAX_REASON_LENGTH - 1)}…` : detail,
    version: input.version,
    rejectedAt: at.toISOString(),
  });
}
