import type { Baseline } from '../baselines/baseline';
import { detectorsFor, RetrainPolicy } from '../policy/retrain-policy';
import { VersionDetectors } from './streaming-detectors';

/** Versions of one model whose detectors are kept (as the Prometheus series): the newest ones. */
const VERSIONS_PER_MODEL = 2;

/**
 * The streaming detectors of the model versions this evaluator judges, created on a version's
 * first window with the policy's detectors. A model redeployed every day keeps only
 * its latest versions' detectors.
 */
export class DetectorShelf {
  private readonly byModel = new Map<string, Map<string, VersionDetectors>>();

  /** The version's detectors; undefined when its baseline has no task (no labels to judge) or none are configured. */
  for(model: string, baseline: Baseline, policy: RetrainPolicy): VersionDetectors | undefined {
    if (baseline.task === null) return undefined;
    let versions = this.byModel.get(model);
    if (!versions) this.byModel.set(model, (versions = new Map()));
    let detectors = versions.get(baseline.version);
    if (!detectors) {
      const methods = detectorsFor(policy);
      if (methods.length === 0) return undefined;
      versions.set(baseline.version, (detectors = new VersionDetectors(methods)));
      while (versions.size > VERSIONS_PER_MODEL) versions.delete(versions.keys().next().value as string);
    }
    return detectors;
  }

  forget(model: string): void {
    this.byModel.delete(model);
  }
}
