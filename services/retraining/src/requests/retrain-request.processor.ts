import { decodeEvent, RetrainRequestSchema, type DataWindow, type RetrainRequest } from '@mlops/contracts';
import { isRetriable, PermanentError, type BatchItemOutcome, type ConsumedMessage } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import { RegistryNotFoundError, type ModelRegistry } from '@mlops/registry';
import type { CollectedWindow } from '../data/training-window-collector';
import type { HandledRequests } from '../state/handled-requests';
import { findRegisteredVersion, isLoadable, modelRejectedEvent, trainAndRegister, type RetrainOutcome, type RetrainSettings } from '@mlops/lifecycle';
import { baseRows } from './base-rows';
import { planRequests, type PlannedTraining } from './plan-requests';
import { NO_OBSERVER, type RetrainObserver, type ServiceStage } from './retrain-observer';
import { triggerOf } from './trigger-of';

export interface RetrainProcessorDeps {
  registry: ModelRegistry;
  readWindow(model: string, window: DataWindow): Promise<CollectedWindow>;
  /** Publishes the answer; throws a RetriableError when Kafka does not take it. */
  publish(outcome: RetrainOutcome): Promise<void>;
  handled: HandledRequests;
  externalModels: ReadonlySet<string>;
  settings: RetrainSettings;
  /** Original training rows mixed in per row of the request's window (0: none). */
  mixRatio?: number;
  workDir: string;
  logger: StructuredLogger;
  observer?: RetrainObserver;
  now?: () => Date;
}

/**
 * Handles a chunk of `retrain.requests`: each requestId at most once (HandledRequests, rebuilt
 * from the answers on the topics, and the registry for a version whose event was lost), one
 * training per model for the newest of its requests, the others coalesced into it. Trainings run
 * one after another, so a model never trains twice at once. Only a retriable failure (registry
 * or Kafka unavailable) escapes, so the chunk is retried; anything else becomes a ModelRejected.
 */
export class RetrainRequestProcessor {
  private readonly observer: RetrainObserver;
  private readonly now: () => Date;

  constructor(private readonly deps: RetrainProcessorDeps) {
    this.observer = deps.observer ?? NO_OBSERVER;
    this.now = deps.now ?? (() => new Date());
  }

  async handleChunk(messages: readonly ConsumedMessage[]): Promise<BatchItemOutcome[]> {
    const outcomes: BatchItemOutcome[] = [];
    const requests: RetrainRequest[] = [];
    for (const message of messages) {
      const decoded = decodeEvent(RetrainRequestSchema, message.value);
      if (decoded.ok) {
        requests.push(decoded.value);
        outcomes.push({ status: 'handled' });
      } else {
        this.observer.outcome('unknown', 'invalid');
        outcomes.push({ status: 'rejected', error: new PermanentError(`invalid RetrainRequest: ${decoded.reason}`, { topic: message.topic, offset: message.offset }) });
      }
    }
    const external = await this.externalModelsOf(requests);
    const plan = planRequests(requests, (id) => this.deps.handled.has(id), (model) => external.has(model));
    for (const { request, why } of plan.skipped) {
      const context = { model: request.model, requestId: request.requestId };
      if (why === 'duplicate') this.deps.logger.info('retrain request already handled; skipped', context);
      else this.deps.logger.info('retrain request handed off: the model is trained by its own pipeline (trainer: external)', context);
      if (why === 'external_trainer') this.deps.handled.add(request.requestId, this.now().getTime());
      this.observer.outcome(request.model, why);
    }
    for (const training of plan.trainings) await this.train(training);
    return outcomes;
  }

  /**
   * Models trained elsewhere: those configured as such, and those whose champion says so (a
   * version from `mlops baseline` or `mlops register` is tagged trainer=external), so the hand-off
   * does not depend on keeping the setting in sync with the registry. A registry outage throws
   * (retriable): the chunk waits rather than training a model it should not.
   */
  private async externalModelsOf(requests: readonly RetrainRequest[]): Promise<Set<string>> {
    const external = new Set<string>();
    for (const model of new Set(requests.map((r) => r.model))) {
      if (this.deps.externalModels.has(model)) {
        external.add(model);
        continue;
      }
      try {
        const champion = await this.deps.registry.getAlias(model, 'champion');
        if (!isLoadable(champion)) external.add(model);
      } catch (error) {
        if (!(error instanceof RegistryNotFoundError)) throw error;
      }
    }
    return external;
  }

  private async train({ request, coalesced }: PlannedTraining): Promise<void> {
    const started = performance.now();
    const log = this.deps.logger.child({ model: request.model, requestId: request.requestId });
    if (coalesced.length > 0) log.info('retrain requests coalesced into the newest', { coalesced: coalesced.map((r) => r.requestId) });
    log.info('retrain request started', { reason: request.reason, from: request.dataWindow.from, to: request.dataWindow.to });
    let outcome: RetrainOutcome;
    try {
      outcome = await this.trainOrRecover(request, coalesced, log);
    } catch (error) {
      if (isRetriable(error)) throw error;
      log.error('retraining failed', { error: (error as Error).message });
      outcome = { kind: 'rejected', event: modelRejectedEvent({ model: request.model, requestId: request.requestId, reason: 'training_failed', detail: (error as Error).message }, this.now()) };
    }
    await this.timed(request.model, 'publish', () => this.deps.publish(outcome));
    const at = this.now().getTime();
    for (const r of [request, ...coalesced]) this.deps.handled.add(r.requestId, at);
    this.observer.outcome(request.model, outcome.kind);
    for (let i = 0; i < coalesced.length; i++) this.observer.outcome(request.model, 'coalesced');
    const seconds = (performance.now() - started) / 1000;
    const result = outcome.kind === 'registered' ? { version: outcome.event.version } : { reason: outcome.event.reason, detail: outcome.event.detail };
    log.info(`retrain request completed in ${seconds.toFixed(1)} s`, { outcome: outcome.kind, ...result });
  }

  private async trainOrRecover(request: RetrainRequest, coalesced: readonly RetrainRequest[], log: StructuredLogger): Promise<RetrainOutcome> {
    const registry = this.deps.registry;
    const existing = await findRegisteredVersion(registry, request.model, request.requestId);
    if (existing) {
      log.warn('a version for this request is already registered (its event was not published); publishing it', { version: existing.version });
      return { kind: 'registered', event: existing, version: await registry.getVersion(existing.model, existing.version) };
    }
    const { window, base } = await this.timed(request.model, 'pull', async () => {
      const window = await this.deps.readWindow(request.model, request.dataWindow);
      const base = await baseRows({
        registry,
        request,
        windowRows: window.examples.length,
        ratio: this.deps.mixRatio ?? 0,
        seed: this.deps.settings.seed,
        readWindow: this.deps.readWindow,
      });
      if (base) log.info('original training data mixed in', { baseRows: base.examples.length, from: base.window.from, to: base.window.to });
      return { window, base };
    });
    this.observer.trainingRows(request.model, window.examples.length + (base?.examples.length ?? 0));
    return trainAndRegister(
      {
        model: request.model,
        examples: window.examples,
        ...(base && { baseExamples: base.examples }),
        requestId: request.requestId,
        dataWindow: request.dataWindow,
        trigger: triggerOf(request.reason),
        reason: request.reason,
        ...(request.reportRef !== undefined && { reportRef: request.reportRef }),
        kafkaOffsets: [...window.offsets, ...(base?.offsets ?? [])],
        coalescedRequestIds: coalesced.map((r) => r.requestId),
        settings: this.deps.settings,
      },
      {
        registry,
        workDir: this.deps.workDir,
        logger: this.deps.logger,
        now: this.now,
        onStage: (stage, seconds) => this.observer.stage(request.model, stage, seconds),
      },
    );
  }

  private async timed<T>(model: string, stage: ServiceStage, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.observer.stage(model, stage, (performance.now() - started) / 1000);
    }
  }
}
