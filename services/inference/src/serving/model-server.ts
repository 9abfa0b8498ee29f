import type { ModelDeployed } from '@mlops/contracts';
import { isRetriable } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import { ModelNotServedError } from './model-not-served.error';
import { ServedModel } from './served-model';

export type DeployOutcome = 'swapped' | 'unchanged' | 'failed' | 'ignored';

export interface ModelServerHooks {
  onSwap?(model: string, version: string, previous: string | undefined): void;
  onFailure?(model: string, version: string, error: Error): void;
}

/**
 * The champions this instance serves, one per model. A deployment loads and warms up the new
 * version first (the loader throws if it cannot), then swaps it in atomically: requests that
 * already hold the old version finish on it, new ones get the new one, and the old one is
 * disposed when idle. A version that fails to load never replaces the one serving.
 * Deployments of one model are applied one at a time, in arrival order. A retriable load failure
 * (registry unavailable) rejects, so the deployment event is retried rather than dropped.
 */
export class ModelServer {
  private readonly current = new Map<string, ServedModel>();
  private readonly queue = new Map<string, Promise<unknown>>();
  /** Deployments being applied, per model: a model with one is "coming", not unknown. */
  private readonly applying = new Map<string, number>();

  constructor(
    private readonly load: (deployed: ModelDeployed) => Promise<ServedModel>,
    private readonly logger: StructuredLogger,
    private readonly allowed: readonly string[] = [],
    private readonly hooks: ModelServerHooks = {},
  ) {}

  models(): ServedModel[] {
    return [...this.current.values()];
  }

  get(model: string): ServedModel | undefined {
    return this.current.get(model);
  }

  /** True while a deployment of `model` is being loaded (its requests should wait, not fail). */
  isLoading(model: string): boolean {
    return this.applying.has(model);
  }

  deploy(event: ModelDeployed): Promise<DeployOutcome> {
    const previous = this.queue.get(event.model) ?? Promise.resolve();
    this.applying.set(event.model, (this.applying.get(event.model) ?? 0) + 1);
    const next = previous
      .catch(() => undefined)
      .then(() => this.apply(event))
      .finally(() => {
        const left = (this.applying.get(event.model) ?? 1) - 1;
        if (left > 0) this.applying.set(event.model, left);
        else this.applying.delete(event.model);
      });
    this.queue.set(event.model, next);
    return next;
  }

  /** Runs `fn` with the model's current version held, so a swap cannot dispose it meanwhile. */
  async withModel<T>(model: string, fn: (served: ServedModel) => Promise<T>): Promise<T> {
    const served = this.current.get(model);
    if (!served) throw new ModelNotServedError(model);
    served.acquire();
    try {
      return await fn(served);
    } finally {
      served.release();
    }
  }

  /** Retires every model (on shutdown); each is disposed once idle. */
  close(): void {
    for (const served of this.current.values()) served.retire();
    this.current.clear();
  }

  private async apply(event: ModelDeployed): Promise<DeployOutcome> {
    const log = { model: event.model, version: event.version };
    if (this.allowed.length > 0 && !this.allowed.includes(event.model)) return 'ignored';
    const serving = this.current.get(event.model);
    if (serving?.version === event.version) return 'unchanged';
    const started = Date.now();
    let loaded: ServedModel;
    try {
      loaded = await this.load(event);
    } catch (error) {
      if (isRetriable(error)) {
        // The registry (or the network to it) is down, not the version bad: the caller retries
        // the deployment event until it loads, serving the current version meanwhile.
        this.logger.warn('new version cannot be loaded yet; keeping the current one and retrying', { ...log, serving: serving?.version ?? null, error: (error as Error).message });
        throw error;
      }
      this.logger.error('deployment refused: the new version failed to load; keeping the current one', {
        ...log,
        serving: serving?.version ?? null,
        error: (error as Error).message,
      });
      this.hooks.onFailure?.(event.model, event.version, error as Error);
      return 'failed';
    }
    this.current.set(event.model, loaded);
    serving?.retire();
    this.logger.info('model swapped in', { ...log, previous: serving?.version ?? null, loadMs: Date.now() - started });
    this.hooks.onSwap?.(event.model, event.version, serving?.version);
    return 'swapped';
  }
}
