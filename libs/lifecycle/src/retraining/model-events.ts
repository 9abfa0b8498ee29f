import {
  MAX_REASON_LENGTH,
  MODEL_REGISTERED_SCHEMA_VERSION,
  MODEL_REJECTED_SCHEMA_VERSION,
  ModelRegisteredSchema,
  ModelRejectedSchema,
  type ModelRegistered,
  type ModelRejected,
  type RejectionReason,
} from '@mlops/contracts';
import type { ModelVersion } from '@mlops/registry';
import type { ChampionComparison } from './compare-with-champion';

/** Version tags that keep the comparison with the version, so its event can be rebuilt from the registry. */
export const ComparisonTag = {
  PrimaryMetric: 'comparison.primary_metric',
  Challenger: 'comparison.challenger',
  Champion: 'comparison.champion',
  ChampionVersion: 'comparison.champion_version',
  Outperforms: 'comparison.outperforms_champion',
} as const;

export function comparisonTags(comparison: ChampionComparison): Record<string, string> {
  return {
    [ComparisonTag.PrimaryMetric]: comparison.primaryMetric,
    [ComparisonTag.Challenger]: String(comparison.challenger),
    ...(comparison.champion !== undefined && { [ComparisonTag.Champion]: String(comparison.champion) }),
    ...(comparison.championVersion !== undefined && { [ComparisonTag.ChampionVersion]: comparison.championVersion }),
    [ComparisonTag.Outperforms]: String(comparison.outperformsChampion),
  };
}

/** The comparison stored by comparisonTags, or undefined when the version has none (not trained here). */
export function comparisonFromTags(tags: Readonly<Record<string, string>>): ChampionComparison | undefined {
  const primaryMetric = tags[ComparisonTag.PrimaryMetric];
  const challenger = Number(tags[ComparisonTag.Challenger]);
  if (primaryMetric === undefined || !Number.isFinite(challenger)) return undefined;
  const champion = tags[ComparisonTag.Champion] === undefined ? undefined : Number(tags[ComparisonTag.Champion]);
  const championVersion = tags[ComparisonTag.ChampionVersion];
  return {
    primaryMetric,
    challenger,
    ...(champion !== undefined && Number.isFinite(champion) && { champion }),
    ...(championVersion !== undefined && { championVersion }),
    outperformsChampion: tags[ComparisonTag.Outperforms] === 'true',
  };
}

/** ModelRegistered for a stored version; the registry's lineage loses its Kafka offsets (not in the event). */
export function modelRegisteredEvent(
  version: Pick<ModelVersion, 'model' | 'version' | 'metrics' | 'lineage' | 'artifact' | 'baselineProfile'>,
  comparison: ChampionComparison,
  registeredAt: Date,
): ModelRegistered {
  const { parentVersion, requestId, dataWindow } = version.lineage;
  return ModelRegisteredSchema.parse({
    schemaVersion: MODEL_REGISTERED_SCHEMA_VERSION,
    model: version.model,
    version: version.version,
    metrics: version.metrics,
    comparison,
    lineage: { ...(parentVersion !== undefined && { parentVersion }), requestId, dataWindow },
    artifact: version.artifact,
    baselineProfile: version.baselineProfile,
    registeredAt: registeredAt.toISOString(),
  });
}

export interface Rejection {
  model: string;
  requestId: string;
  reason: RejectionReason;
  detail: string;
  version?: string;
}

export function modelRejectedEvent(rejection: Rejection, rejectedAt: Date): ModelRejected {
  return ModelRejectedSchema.parse({
    schemaVersion: MODEL_REJECTED_SCHEMA_VERSION,
    model: rejection.model,
    requestId: rejection.requestId,
    reason: rejection.reason,
    detail: oneLine(rejection.detail),
    ...(rejection.version !== undefined && { version: rejection.version }),
    rejectedAt: rejectedAt.toISOString(),
  });
}

/** A detail fit for an event and a log line: one line, within the contract's length. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim() || 'no detail';
  return flat.length > MAX_REASON_LENGTH ? `${flat.slice(0, MAX_REASON_LENGTH - 1)}…` : flat;
}
