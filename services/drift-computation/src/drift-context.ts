import { Inject, Injectable } from '@nestjs/common';
import { Topic } from '@mlops/contracts';
import { STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { createModelRegistry } from '@mlops/registry';
import { KafkaRuntime, registryConfigFromEnv, SERVICE_CONFIG } from '@mlops/service-runtime';
import { BaselineStore } from './baselines/baseline-store';
import { DeploymentTable } from './baselines/deployment-table';
import type { DriftComputationConfig } from './config/drift-computation-config.schema';
import { driftPartialsTopic } from './drift-computation.constants';
import type { Resolution } from './partials/apply-events';
import type { SourceRole } from './partials/partial-message.schema';
import type { RetrainPolicies } from './policy/retrain-policy';
import { windowSettings, WindowSettings } from './windows/window-settings';

/**
 * What both stages of the service share: topic names, window settings, retrain policies, the
 * table of deployed versions and the baselines loaded from the registry.
 */
@Injectable()
export class DriftContext {
  readonly settings: WindowSettings;
  readonly policies: RetrainPolicies;
  readonly deployments = new DeploymentTable();
  readonly baselines: BaselineStore;
  readonly topics: { predictions: string; labeled: string; deployed: string; reports: string; requests: string; partials: string };
  /** Partition counts of the source topics, read from the broker before the consumers start. */
  partitions: Record<SourceRole, number> = { predictions: 0, labeled: 0 };

  constructor(
    runtime: KafkaRuntime,
    @Inject(SERVICE_CONFIG) readonly config: DriftComputationConfig,
    @Inject(STRUCTURED_LOGGER) logger: StructuredLogger,
  ) {
    this.policies = config.policies;
    const policies = [config.policies.defaults, ...config.policies.models().map((m) => config.policies.for(m))];
    this.settings = windowSettings({
      kind: config.DRIFT_WINDOW_KIND,
      sizeMs: config.DRIFT_WINDOW_SIZE,
      events: config.DRIFT_WINDOW_EVENTS,
      latenessMs: config.DRIFT_ALLOWED_LATENESS,
      labelWaitWindows: config.DRIFT_LABEL_WAIT_WINDOWS,
      idleTimeoutMs: config.DRIFT_IDLE_TIMEOUT,
      replayMarginMs: config.DRIFT_REPLAY_MARGIN,
      maxConsecutiveWindows: Math.max(...policies.map((p) => p.consecutiveWindows)),
      maxCooldownMs: Math.max(...policies.map((p) => p.cooldownMs)),
    });
    this.baselines = new BaselineStore(createModelRegistry(registryConfigFromEnv(config, logger)), logger);
    this.topics = {
      predictions: runtime.topic(Topic.Predictions),
      labeled: runtime.topic(Topic.PredictionsLabeled),
      deployed: runtime.topic(Topic.ModelsDeployed),
      reports: runtime.topic(Topic.DriftReports),
      requests: runtime.topic(Topic.RetrainRequests),
      partials: driftPartialsTopic(config.KAFKA_TOPIC_PREFIX, config.DRIFT_GROUP_ID),
    };
  }

  /** The version an event is monitored as (its own, else the deployed one) and that version's baseline, if loaded. */
  resolve(model: string, version: string | undefined): Resolution {
    const v = version ?? this.deployments.versionOf(model);
    if (v === undefined) return { unmonitored: 'no_version' };
    const found = this.baselines.peek(model, v);
    return found?.ok ? { baseline: found.baseline } : { unmonitored: 'no_baseline' };
  }

  /** Loads the baselines a chunk needs before it is applied (RetriableError when the registry is down). */
  async prefetch(pairs: Iterable<{ model: string; version: string | undefined }>): Promise<void> {
    const wanted = new Map<string, { model: string; version: string }>();
    for (const { model, version } of pairs) {
      const v = version ?? this.deployments.versionOf(model);
      if (v !== undefined && this.baselines.peek(model, v) === undefined) wanted.set(`${model}@${v}`, { model, version: v });
    }
    await Promise.all([...wanted.values()].map((p) => this.baselines.get(p.model, p.version)));
  }
}
