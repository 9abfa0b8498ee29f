import type { ModelDeployed, ModelRegistered, ModelRejected } from '@mlops/contracts';
import { PermanentError } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import { AliasNotFoundError, ModelAlias, type ModelRegistry, type ModelVersion } from '@mlops/registry';
import type { ChampionTable } from '../champions/champion-table';
import { DecidedKeys } from '../champions/decided-keys';
import { summarizeGates, type GateResult } from '@mlops/lifecycle';
import type { PromotionPolicy } from '@mlops/lifecycle';
import { decisionEventId, gateCandidate, promoteVersion, refusalEvent } from '@mlops/lifecycle';
import { findAlias, findVersion } from './registry-lookups';
import { PINNED_ALIAS, type DecisionOutcome, type OperatorCommand, type PinCommand } from './operator-command';

export interface DeploymentSettings {
  policy: PromotionPolicy;
  manualApproval: boolean;
  /** Models pinned by configuration: never promoted automatically. */
  pinnedModels: ReadonlySet<string>;
  /** Commands older than this are not applied (a new consumer group must not replay old rollbacks). */
  commandMaxAgeMs: number;
  workDir: string;
}

export interface DeploymentDeps {
  registry: ModelRegistry;
  table: ChampionTable;
  decided: DecidedKeys;
  /** Publishes on `models.deployed` with the given ce_id; returns the offset it got, when known. */
  publishDeployed(event: ModelDeployed, eventId: string): Promise<{ offset?: string }>;
  publishRejected(event: ModelRejected, eventId: string): Promise<void>;
  settings: DeploymentSettings;
  logger: StructuredLogger;
  onDecision?: (model: string, outcome: DecisionOutcome, gates: readonly GateResult[]) => void;
  now?: () => Date;
}

/**
 * Deployment's decisions. A ModelRegistered goes through the gates and is promoted, refused
 * (ModelRejected) or held (pinned, awaiting approval); a DeployCommand promotes, approves or rolls
 * back after the integrity gates. Each decision is logged with every gate, and registrations and
 * commands are acted on at most once (DecidedKeys, the champion table, the command's age).
 * A command that cannot apply (unknown version, nothing to roll back to) throws a PermanentError
 * and is dead-lettered with that reason; an unavailable registry or broker throws retriably.
 */
export class DeploymentProcessor {
  private readonly now: () => Date;

  constructor(private readonly deps: DeploymentDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async onRegistered(event: ModelRegistered): Promise<DecisionOutcome> {
    const { model, version } = event;
    const key = DecidedKeys.registered(model, version);
    const log = this.deps.logger.child({ model, version, cause: 'registered' });
    if (this.deps.decided.has(key)) return this.skip(log, model, 'duplicate', 'this registration was already decided');
    const champion = await this.currentChampion(model);
    if (champion === version) return this.skip(log, model, 'duplicate', 'already champion', key);
    if (isOlder(version, champion)) return this.skip(log, model, 'stale', `older than champion ${champion}`, key);
    const record = await findVersion(this.deps.registry, model, version);
    if (!record) {
      const gates = [{ gate: 'checksum' as const, status: 'fail' as const, detail: `version ${version} is not in the registry` }];
      await this.refuse({ model, version, requestId: event.lineage.requestId, gates, cause: 'registered' }, log);
      return this.decided(key, 'refused');
    }
    const { verdict, gates } = await gateCandidate({
      registry: this.deps.registry,
      version: record,
      expectedSha256: event.artifact.sha256,
      comparison: event.comparison,
      currentChampion: champion,
      policy: this.deps.settings.policy,
      pinned: await this.pinned(model),
      manualApproval: this.deps.settings.manualApproval,
      workDir: this.deps.settings.workDir,
    });
    if (verdict === 'fail') {
      await this.refuse({ model, version, requestId: record.lineage.requestId, gates, cause: 'registered' }, log);
      return this.decided(key, 'refused');
    }
    if (verdict === 'hold') {
      log.info('deployment decision: held', { outcome: 'held', gates: summarizeGates(gates) });
      this.deps.onDecision?.(model, 'held', gates);
      return this.decided(key, 'held');
    }
    await this.promote(record, champion, 'registered', gates, log);
    return this.decided(key, 'promoted');
  }

  async onCommand(command: OperatorCommand): Promise<DecisionOutcome> {
    const { model, commandId } = command;
    const key = DecidedKeys.command(commandId);
    const cause = `command:${commandId}`;
    const log = this.deps.logger.child({ model, commandId, command: command.command, requestedBy: command.requestedBy });
    if (this.deps.decided.has(key)) return this.skip(log, model, 'duplicate', 'this command was already applied');
    const ageMs = this.now().getTime() - Date.parse(command.requestedAt);
    if (ageMs > this.deps.settings.commandMaxAgeMs) return this.skip(log, model, 'stale', `requested ${Math.round(ageMs / 1000)} s ago, more than DEPLOYMENT_COMMAND_MAX_AGE_MS`, key);
    if (this.deps.table.get(model)?.eventId?.endsWith(`:${cause}`)) return this.skip(log, model, 'duplicate', 'applied before a restart (models.deployed says so)', key);
    const champion = await this.currentChampion(model);
    if (isPinCommand(command)) return this.decided(key, await this.pin(command.command, model, champion, log));

    const target = command.command === 'rollback' ? (command.version ?? this.deps.table.get(model)?.previousVersion) : command.version;
    if (target === undefined) throw new PermanentError(`rollback of ${model}: no previous champion is known; name a version`, { model, commandId });
    if (target === champion) return this.skip(log, model, 'unchanged', `version ${target} is already champion`, key);
    const record = await findVersion(this.deps.registry, model, target);
    if (!record) throw new PermanentError(`${command.command} of ${model}: version ${target} is not in the registry`, { model, commandId });
    const { verdict, gates } = await gateCandidate({
      registry: this.deps.registry,
      version: record,
      policy: this.deps.settings.policy,
      manualApproval: false,
      workDir: this.deps.settings.workDir,
    });
    if (verdict !== 'pass') {
      await this.refuse({ model, version: target, requestId: record.lineage.requestId, gates, cause }, log);
      return this.decided(key, 'refused');
    }
    const outcome = command.command === 'rollback' ? 'rolled_back' : 'promoted';
    await this.promote(record, champion, cause, gates, log, outcome);
    return this.decided(key, outcome);
  }

  /** The champion per `models.deployed`, else per the registry's alias (set by the CLI, or before Kafka had it). */
  private async currentChampion(model: string): Promise<string | undefined> {
    const known = this.deps.table.get(model)?.version;
    if (known !== undefined) return known;
    return (await findAlias(this.deps.registry, model, ModelAlias.Champion))?.version;
  }

  private async pinned(model: string): Promise<string | undefined> {
    if (this.deps.settings.pinnedModels.has(model)) return 'DEPLOYMENT_PINNED_MODELS lists the model';
    const pin = await findAlias(this.deps.registry, model, PINNED_ALIAS);
    return pin && `the model is pinned at version ${pin.version}`;
  }

  private async pin(kind: 'pin' | 'unpin', model: string, champion: string | undefined, log: StructuredLogger): Promise<DecisionOutcome> {
    if (kind === 'pin') {
      if (champion === undefined) throw new PermanentError(`pin of ${model}: the model has no champion to pin`, { model });
      await this.deps.registry.setAlias(model, PINNED_ALIAS, champion);
    } else {
      await this.deps.registry.deleteAlias(model, PINNED_ALIAS).catch((error: unknown) => {
        if (!(error instanceof AliasNotFoundError)) throw error;
      });
    }
    const outcome = kind === 'pin' ? 'pinned' : 'unpinned';
    log.info(`deployment decision: ${outcome}`, { outcome, champion });
    this.deps.onDecision?.(model, outcome, []);
    return outcome;
  }

  private async promote(record: ModelVersion, champion: string | undefined, cause: string, gates: GateResult[], log: StructuredLogger, outcome: DecisionOutcome = 'promoted'): Promise<void> {
    const event = await promoteVersion(this.deps.registry, record, champion, this.now());
    const eventId = decisionEventId('deployed', record.model, record.version, cause);
    const { offset } = await this.deps.publishDeployed(event, eventId);
    this.deps.table.apply(event, { eventId, offset });
    log.info(`deployment decision: ${outcome}`, { outcome, version: record.version, previousVersion: champion, gates: summarizeGates(gates) });
    this.deps.onDecision?.(record.model, outcome, gates);
  }

  private async refuse(input: { model: string; version: string; requestId: string; gates: GateResult[]; cause: string }, log: StructuredLogger): Promise<void> {
    const event = refusalEvent(input, this.now());
    await this.deps.publishRejected(event, decisionEventId('refused', input.model, input.version, input.cause));
    log.warn('deployment decision: refused', { outcome: 'refused', version: input.version, reason: event.reason, gates: summarizeGates(input.gates) });
    this.deps.onDecision?.(input.model, 'refused', input.gates);
  }

  private skip(log: StructuredLogger, model: string, outcome: DecisionOutcome, why: string, key?: string): DecisionOutcome {
    log.info(`deployment decision: ${outcome}`, { outcome, why });
    this.deps.onDecision?.(model, outcome, []);
    if (key !== undefined) this.deps.decided.add(key);
    return outcome;
  }

  private decided(key: string, outcome: DecisionOutcome): DecisionOutcome {
    this.deps.decided.add(key);
    return outcome;
  }
}

function isPinCommand(command: OperatorCommand): command is PinCommand {
  return command.command === 'pin' || command.command === 'unpin';
}

/** Registry versions are numbers; an older one than the champion is never promoted automatically. */
function isOlder(version: string, champion: string | undefined): boolean {
  return champion !== undefined && /^\d+$/.test(version) && /^\d+$/.test(champion) && Number(version) < Number(champion);
}
