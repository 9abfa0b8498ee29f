import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { selectBackend } from '@mlops/model';
import { HealthRegistry, STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import { createModelRegistry } from '@mlops/registry';
import { registryConfigFromEnv, SERVICE_CONFIG } from '@mlops/service-runtime';
import type { InferenceConfig } from '../config/inference-config.schema';
import { InferenceMetrics } from '../metrics/inference.metrics';
import { createModelLoader } from './model-loader';
import { ModelServer } from './model-server';

/**
 * The Nest provider that owns the ModelServer: picks the tfjs backend once (logged), builds the
 * registry client and the loader, and wires swap outcomes to metrics. Readiness does not wait
 * for a model: a service with no champion yet is up and answers "model not ready" per model.
 */
@Injectable()
export class ModelServerProvider implements OnApplicationShutdown {
  readonly server: ModelServer;
  private readonly backendReady: Promise<void>;

  constructor(
    @Inject(SERVICE_CONFIG) config: InferenceConfig,
    @Inject(STRUCTURED_LOGGER) logger: StructuredLogger,
    metrics: InferenceMetrics,
    health: HealthRegistry,
  ) {
    const registry = createModelRegistry(registryConfigFromEnv(config, logger));
    this.backendReady = selectBackend(config.TFJS_BACKEND, { logger }).then(() => undefined);
    this.backendReady.catch((error: Error) => logger.error('tfjs backend unavailable; no model can load', { backend: config.TFJS_BACKEND, error: error.message }));
    const load = createModelLoader({ registry, directory: config.INFERENCE_MODEL_DIR, batchSize: config.INFERENCE_MAX_BATCH, logger });
    this.server = new ModelServer(
      async (event) => {
        await this.backendReady;
        return load(event);
      },
      logger,
      config.INFERENCE_MODELS,
      {
        onSwap: (model, version, previous) => metrics.swapped(model, version, previous),
        onFailure: (model) => metrics.swapFailed(model),
      },
    );
    health.register({
      name: 'tfjs',
      check: async () => {
        try {
          await this.backendReady;
          return { up: true };
        } catch (error) {
          return { up: false, detail: `backend ${config.TFJS_BACKEND} unavailable: ${(error as Error).message}` };
        }
      },
    });
  }

  onApplicationShutdown(): void {
    this.server.close();
  }
}
