import { Injectable } from '@nestjs/common';
import { MODEL_REGISTERED_TYPE, MODEL_REJECTED_TYPE, RETRAIN_REQUEST_TYPE, Topic, toCloudEventHeaders, type RetrainRequest } from '@mlops/contracts';
import { RetriableError } from '@mlops/kafka';
import { KafkaRuntime } from '@mlops/service-runtime';
import type { RetrainOutcome } from '@mlops/lifecycle';

export const RETRAINING_SOURCE = '/mlops/retraining';

/**
 * Writes retraining's events, keyed by model, with CloudEvents headers. The ce_id is derived from
 * what the event is about (the version, or the request), so a repeat after a crash carries the
 * same id and consumers can drop it. A send that fails is a RetriableError.
 */
@Injectable()
export class RetrainingPublisher {
  constructor(private readonly runtime: KafkaRuntime) {}

  async publish(outcome: RetrainOutcome): Promise<void> {
    const { event } = outcome;
    const registered = outcome.kind === 'registered';
    await this.send(registered ? Topic.ModelsRegistered : Topic.ModelsRejected, event.model, event, {
      id: registered ? `registered:${event.model}:${outcome.event.version}` : `rejected:${event.model}:${outcome.event.requestId}`,
      type: registered ? MODEL_REGISTERED_TYPE : MODEL_REJECTED_TYPE,
    });
  }

  /** A RetrainRequest, for the schedule. */
  async request(request: RetrainRequest): Promise<void> {
    await this.send(Topic.RetrainRequests, request.model, request, { id: request.requestId, type: RETRAIN_REQUEST_TYPE });
  }

  private async send(topic: Topic, model: string, value: unknown, ce: { id: string; type: string }): Promise<void> {
    try {
      await this.runtime.producer.send({
        topic: this.runtime.topic(topic),
        messages: [{ key: model, value: JSON.stringify(value), headers: toCloudEventHeaders({ ...ce, source: RETRAINING_SOURCE, subject: model }) }],
      });
    } catch (error) {
      throw new RetriableError(`cannot write to ${topic}: ${(error as Error).message}`, { topic, model });
    }
  }
}
