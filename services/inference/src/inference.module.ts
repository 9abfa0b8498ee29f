import { Module } from '@nestjs/common';
import { DeploymentsConsumer } from './deployments/deployments.consumer';
import { OipController } from './http/oip.controller';
import { InferenceMetrics } from './metrics/inference.metrics';
import { InferenceRequestsConsumer } from './requests/inference-requests.consumer';
import { PredictionEmitter } from './requests/prediction-emitter';
import { ModelServerProvider } from './serving/model-server.provider';

/**
 * The inference service: serves each model's champion from `inference.requests` (batched) and
 * over HTTP (Open Inference Protocol), emits a PredictionEvent per prediction to
 * `predictions.raw`, and hot-swaps versions from `models.deployed`.
 */
@Module({
  controllers: [OipController],
  providers: [InferenceMetrics, ModelServerProvider, PredictionEmitter, DeploymentsConsumer, InferenceRequestsConsumer],
})
export class InferenceModule {}
