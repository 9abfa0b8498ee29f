import type { ModelRegistered } from '@mlops/contracts';
import type { ModelRegistry, ModelVersion } from '@mlops/registry';
import { fail, failed, pass, skipped, type GateResult } from './gates/gate-result';
import { metricGate, type PromotionPolicy } from './gates/metric-gate';
import { verifyArtifact } from './gates/verify-artifact';

export interface Candidate {
  registry: ModelRegistry;
  version: ModelVersion;
  /** The digest announced by the event that proposed it. */
  expectedSha256?: string;
  /** The retraining comparison; absent for an operator's promote or rollback (no metric gate). */
  comparison?: ModelRegistered['comparison'];
  currentChampion?: string;
  policy: PromotionPolicy;
  /** Why automatic promotion is stopped for the model, when it is (e.g. `pinned at version 3`). */
  pinned?: string;
  manualApproval: boolean;
  workDir: string;
}

export type Verdict = 'pass' | 'fail' | 'hold';

/** Versions made elsewhere (`mlops register`, `mlops baseline`) say so in their `trainer` tag. */
export function isLoadable(version: ModelVersion): boolean {
  return version.tags['trainer'] !== 'external';
}

/**
 * Runs the promotion gates on a candidate, each reported: pin, checksum, load, sanity, metric,
 * approval. A pinned model is held before anything runs; a failed integrity or metric gate
 * fails the candidate; one that passes everything waits for an approve command in manual mode.
 */
export async function gateCandidate(candidate: Candidate): Promise<{ verdict: Verdict; gates: GateResult[] }> {
  if (candidate.pinned !== undefined) {
    return { verdict: 'hold', gates: [fail('pin', `automatic promotion is stopped: ${candidate.pinned}`)] };
  }
  const gates = await verifyArtifact({
    registry: candidate.registry,
    version: candidate.version,
    expectedSha256: candidate.expectedSha256,
    loadable: isLoadable(candidate.version),
    workDir: candidate.workDir,
  });
  gates.push(candidate.comparison ? metricGate(candidate.comparison, candidate.currentChampion, candidate.policy) : skipped('metric', 'chosen by an operator'));
  if (failed(gates).length > 0) return { verdict: 'fail', gates };
  if (candidate.comparison && candidate.manualApproval) {
    gates.push(fail('approval', 'manual approval mode: waiting for an approve command'));
    return { verdict: 'hold', gates };
  }
  gates.push(candidate.comparison ? pass('approval', 'automatic promotion') : pass('approval', 'operator command'));
  return { verdict: 'pass', gates };
}
