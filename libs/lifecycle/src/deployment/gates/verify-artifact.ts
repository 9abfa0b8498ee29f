import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isRetriable } from '@mlops/kafka';
import { loadTabularModel, type TabularModel } from '@mlops/model';
import type { ModelRegistry, ModelVersion } from '@mlops/registry';
import { fail, pass, skipped, type GateResult } from './gate-result';
import { isFinitePrediction, sanityRows } from './sanity-rows';

export interface ArtifactCheck {
  registry: ModelRegistry;
  version: ModelVersion;
  /** The digest the triggering event announced, when there is one: it must be the registry's. */
  expectedSha256?: string;
  /** False for versions trained outside this project: their artifact is not a model this service can load. */
  loadable: boolean;
  workDir: string;
  batchSize?: number;
}

/**
 * The integrity gates, in order, each reported: `checksum` (the announced digest is the
 * registry's, and every file verifies on download), `load` (the model loads, its own manifest
 * verified again), `sanity` (finite outputs on a sanity batch). After a failure the rest are
 * skipped. An unavailable registry is thrown (retriable), never reported as a failed gate.
 */
export async function verifyArtifact(check: ArtifactCheck): Promise<GateResult[]> {
  const { model, version, artifact } = check.version;
  if (check.expectedSha256 !== undefined && check.expectedSha256 !== artifact.sha256) {
    return [fail('checksum', `the event announces sha256 ${check.expectedSha256}, the registry holds ${artifact.sha256}`), ...skip('load', 'sanity')];
  }
  const directory = path.join(path.resolve(check.workDir), `candidate-${model}-${version}-${randomBytes(4).toString('hex')}`);
  await mkdir(path.dirname(directory), { recursive: true });
  let loaded: TabularModel | undefined;
  try {
    try {
      const downloaded = await check.registry.downloadVersion(model, version, directory);
      if (downloaded.sha256 !== artifact.sha256) return [fail('checksum', `downloaded files digest to ${downloaded.sha256}, expected ${artifact.sha256}`), ...skip('load', 'sanity')];
    } catch (error) {
      if (isRetriable(error)) throw error;
      return [fail('checksum', (error as Error).message), ...skip('load', 'sanity')];
    }
    const checksum = pass('checksum', `sha256 ${artifact.sha256.slice(0, 12)}… verified`);
    if (!check.loadable) return [checksum, skipped('load', 'trained outside this project'), skipped('sanity', 'trained outside this project')];
    try {
      loaded = await loadTabularModel(directory);
    } catch (error) {
      return [checksum, fail('load', (error as Error).message), ...skip('sanity')];
    }
    const load = pass('load', `${loaded.task}, ${loaded.schema.length} features`);
    try {
      const outputs = await loaded.predict(sanityRows(loaded.schema), { batchSize: check.batchSize ?? 1024 });
      const bad = outputs.filter((o) => !isFinitePrediction(o)).length;
      return [checksum, load, bad === 0 ? pass('sanity', `${outputs.length} rows, finite outputs`) : fail('sanity', `${bad} of ${outputs.length} sanity rows give non-finite outputs`)];
    } catch (error) {
      return [checksum, load, fail('sanity', `prediction failed: ${(error as Error).message}`)];
    }
  } finally {
    loaded?.dispose();
    await rm(directory, { recursive: true, force: true });
  }
}

function skip(...gates: ('load' | 'sanity')[]): GateResult[] {
  return gates.map((g) => skipped(g, 'an earlier gate failed'));
}
