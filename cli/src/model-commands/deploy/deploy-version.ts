import type { ModelDeployed, ModelRegistered, ModelRejected } from '@mlops/contracts';
import { decisionEventId, gateCandidate, promoteVersion, refusalEvent, type GateResult, type PromotionPolicy } from '@mlops/lifecycle';
import { ModelAlias, type ModelRegistry, type ModelVersion } from '@mlops/registry';
import type { ModelEventPublisher, Published } from '../publishing/model-event-publisher';
import { findAlias } from '../registry-lookups';

/** The alias the deployment service sets for `pin` (models it must not promote automatically). */
export const PINNED_ALIAS = 'pinned';

/** The cause in the decision's ce_id (`deployed:<model>:<version>:cli`), beside the service's `registered` and `command:<id>`. */
export const CLI_CAUSE = 'cli';

export type DeployOutcome =
  | { kind: 'promoted'; event: ModelDeployed; published: Published; gates: GateResult[]; previousVersion?: string }
  | { kind: 'refused'; event: ModelRejected; published: Published; gates: GateResult[] }
  | { kind: 'held'; gates: GateResult[] }
  | { kind: 'unchanged' };

export interface DeployInput {
  registry: ModelRegistry;
  version: ModelVersion;
  /** The training's comparison with the champion (metric gate); absent for a baseline (an operator's choice). */
  comparison?: ModelRegistered['comparison'];
  policy: PromotionPolicy;
  workDir: string;
  publisher: ModelEventPublisher;
  now: () => Date;
}

/**
 * What the deployment service does with a registration, for a version the CLI just made: the
 * gates of libs/lifecycle (pin, checksum, load, sanity, metric), then either promotion (the
 * `champion` alias moves, then ModelDeployed goes to the compacted `models.deployed`) or a
 * ModelRejected on `models.rejected` naming every gate. A version that is already champion is
 * left alone.
 */
export async function deployVersion(input: DeployInput): Promise<DeployOutcome> {
  const { registry, version } = input;
  const champion = (await findAlias(registry, version.model, ModelAlias.Champion))?.version;
  if (champion === version.version) return { kind: 'unchanged' };
  const pin = await findAlias(registry, version.model, PINNED_ALIAS);
  const { verdict, gates } = await gateCandidate({
    registry,
    version,
    expectedSha256: version.artifact.sha256,
    comparison: input.comparison,
    currentChampion: champion,
    policy: input.policy,
    pinned: pin && `the model is pinned at version ${pin.version}`,
    manualApproval: false,
    workDir: input.workDir,
  });
  if (verdict === 'hold') return { kind: 'held', gates };
  if (verdict === 'fail') {
    const event = refusalEvent({ model: version.model, version: version.version, requestId: version.lineage.requestId, gates, cause: CLI_CAUSE }, input.now());
    const published = await input.publisher.rejected(event, decisionEventId('refused', version.model, version.version, CLI_CAUSE));
    return { kind: 'refused', event, published, gates };
  }
  const event = await promoteVersion(registry, version, champion, input.now());
  const published = await input.publisher.deployed(event, decisionEventId('deployed', version.model, version.version, CLI_CAUSE));
  return { kind: 'promoted', event, published, gates, ...(champion !== undefined && { previousVersion: champion }) };
}

