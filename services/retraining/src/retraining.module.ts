import { Module } from '@nestjs/common';
import { RetrainingMetrics } from './metrics/retraining.metrics';
import { RetrainingPublisher } from './publishing/retraining.publisher';
import { RetrainRequestsConsumer } from './requests/retrain-requests.consumer';
import { RetrainScheduler } from './scheduling/retrain.scheduler';

/**
 * The retraining service: answers each RetrainRequest (from drift, the schedule or a person) with
 * a challenger trained on the request's window of `predictions.labeled`, evaluated against the
 * champion and logged to the registry (ModelRegistered), or with the reason it could not
 * (ModelRejected). Kafka, health and /metrics come from the shared service runtime.
 */
@Module({ providers: [RetrainingMetrics, RetrainingPublisher, RetrainRequestsConsumer, RetrainScheduler] })
export class RetrainingModule {}
