import { RetriableError } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { ModelRegistry } from '@mlops/registry';
import { Baseline, toBaseline } from './baseline';

export type BaselineLookup = { ok: true; baseline: Baseline } | { ok: false; reason: string };

export interface BaselineStoreOptions {
  /** Versions kept in memory (least recently used dropped first). */
  capacity?: number;
  /** How long a permanent failure (unknown version, bad profile) is remembered before asking again. */
  failureTtlMs?: number;
  now?: () => number;
}

/**
 * Baselines by model version, loaded once from the registry and kept (LRU). A registry that is
 * down raises RetriableError (the consumer retries the chunk); a version that does not exist or
 * whose profile is unusable is a permanent miss, remembered for a while, and its events are
 * counted as unmonitored rather than dead-lettered.
 */
export class BaselineStore {
  private readonly loaded = new Map<string, Baseline>();
  private readonly failed = new Map<string, { reason: string; at: number }>();
  private readonly inFlight = new Map<string, Promise<BaselineLookup>>();
  private readonly capacity: number;
  private readonly failureTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly registry: Pick<ModelRegistry, 'getBaselineProfile' | 'getVersion'>,
    private readonly logger: StructuredLogger,
    options: BaselineStoreOptions = {},
  ) {
    this.capacity = options.capacity ?? 64;
    this.failureTtlMs = options.failureTtlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The baseline if already in memory (hot path: no promise). */
  peek(model: string, version: string): BaselineLookup | undefined {
    const key = `${model}@${version}`;
    const baseline = this.loaded.get(key);
    if (baseline) {
      // Least recently used first: a hit moves the entry to the end.
      this.loaded.delete(key);
      this.loaded.set(key, baseline);
      return { ok: true, baseline };
    }
    const failure = this.failed.get(key);
    if (failure && this.now() - failure.at < this.failureTtlMs) return { ok: false, reason: failure.reason };
    return undefined;
  }

  async get(model: string, version: string): Promise<BaselineLookup> {
    const known = this.peek(model, version);
    if (known) return known;
    const key = `${model}@${version}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.load(model, version).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async load(model: string, version: string): Promise<BaselineLookup> {
    const key = `${model}@${version}`;
    try {
      const [profile, record] = await Promise.all([this.registry.getBaselineProfile(model, version), this.registry.getVersion(model, version)]);
      const baseline = toBaseline(model, version, profile, record.metrics);
      this.loaded.set(key, baseline);
      if (this.loaded.size > this.capacity) this.loaded.delete(this.loaded.keys().next().value as string);
      this.failed.delete(key);
      this.logger.info('baseline loaded', { model, version, rows: baseline.reference.rows, features: baseline.features.length, task: baseline.task });
      return { ok: true, baseline };
    } catch (error) {
      if ((error as { retriable?: unknown }).retriable === true) {
        throw new RetriableError(`registry unavailable for ${model} version ${version}: ${(error as Error).message}`, { model, version });
      }
      const reason = (error as Error).message;
      this.failed.set(key, { reason, at: this.now() });
      this.logger.warn('no usable baseline; events of this version are not monitored', { model, version, reason });
      return { ok: false, reason };
    }
  }
}
