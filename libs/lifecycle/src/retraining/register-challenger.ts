import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DataWindow } from '@mlops/contracts';
import { profileToJSONText } from '@mlops/drift-stats';
import { saveTabularModel, type TabularModel } from '@mlops/model';
import type { StructuredLogger } from '@mlops/observability';
import { ModelAlias, type JsonValue, type KafkaOffsetRange, type ModelRegistry, type ModelVersion } from '@mlops/registry';
import type { ChampionComparison } from './compare-with-champion';
import { comparisonTags } from './model-events';

export interface Registration {
  model: string;
  challenger: TabularModel;
  /** Held-out metrics of the challenger: the version's metrics. */
  metrics: Readonly<Record<string, number>>;
  comparison: ChampionComparison;
  lineage: { parentVersion?: string; requestId: string; dataWindow: DataWindow; kafkaOffsets?: KafkaOffsetRange[] };
  params: Readonly<Record<string, string | number | boolean>>;
  tags: Readonly<Record<string, string>>;
  description: string;
}

/**
 * Saves the challenger and logs it to the registry as a new version: held-out metrics,
 * parameters, tags (trigger, comparison), the new baseline profile and lineage. Then points the
 * `challenger` alias at it. The saved copy is removed whatever happens.
 */
export async function registerChallenger(
  registration: Registration,
  deps: { registry: ModelRegistry; workDir: string; logger: StructuredLogger },
): Promise<ModelVersion> {
  const directory = path.join(path.resolve(deps.workDir), `challenger-${registration.model}-${randomBytes(4).toString('hex')}`);
  await mkdir(path.dirname(directory), { recursive: true });
  try {
    const saved = await saveTabularModel(registration.challenger, directory);
    const version = await deps.registry.createVersion({
      model: registration.model,
      sourceDir: saved.directory,
      metrics: registration.metrics,
      params: registration.params,
      tags: { ...registration.tags, ...comparisonTags(registration.comparison) },
      baselineProfile: JSON.parse(profileToJSONText(registration.challenger.baseline)) as JsonValue,
      lineage: registration.lineage,
      description: registration.description,
    });
    try {
      await deps.registry.setAlias(registration.model, ModelAlias.Challenger, version.version);
    } catch (error) {
      // The version is registered; the alias is a convenience for people browsing the registry.
      deps.logger.warn('could not point the challenger alias at the new version', { model: registration.model, version: version.version, error: (error as Error).message });
    }
    return version;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
