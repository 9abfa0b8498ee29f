import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeatureSchema } from '@mlops/drift-stats';
import type { TaskKind } from '../data/labeled-rows';

/** The one file of a monitoring-only version: the registry stores a version as a folder of at least one file. */
export const MONITORING_ONLY_FILE = 'monitoring-only.json';
export const MONITORING_ONLY_FORMAT = 'mlops.monitoring-only';

export interface MonitoringDescriptor {
  model: string;
  reference: string;
  rows: number;
  task: TaskKind | null;
  target?: string;
  prediction?: string;
  score?: string;
  features: readonly FeatureSchema[];
}

/**
 * Writes the artifact of a monitoring-only version into `directory`: a descriptor saying what
 * the baseline was built from, and that the model itself lives elsewhere. Its checksum is
 * verified like any artifact; no service ever loads it as a model (the version's `trainer` tag
 * is `external`, so the deployment gates skip load and sanity).
 */
export async function writeMonitoringArtifact(directory: string, descriptor: MonitoringDescriptor): Promise<string> {
  await mkdir(directory, { recursive: true });
  const body = {
    format: MONITORING_ONLY_FORMAT,
    version: 1,
    note: 'No model: this version holds the baseline profile and metrics of a model trained and served elsewhere, for drift monitoring.',
    ...descriptor,
    features: descriptor.features.map((f) => ({ name: f.name, type: f.type })),
  };
  await writeFile(path.join(directory, MONITORING_ONLY_FILE), `${JSON.stringify(body, null, 2)}\n`);
  return directory;
}
