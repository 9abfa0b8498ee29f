import { Injectable } from '@nestjs/common';
import { MODEL_DEPLOYED_TYPE, MODEL_REJECTED_TYPE, Topic, toCloudEventHeaders, type ModelDeployed, type ModelRejected } from '@mlops/contracts';
import { RetriableError } from '@mlops/kafka';
import { KafkaRuntime } from '@mlops/service-runtime';

export const DEPLOYMENT_SOURCE = '/mlops/deployment';

/**
 * Writes deployment's decisions keyed by model, with CloudEvents headers whose ce_id names the
 * decision and its cause (see decisionEventId). A failed send is a RetriableError.
 */
@Injectable()
export class DeploymentPublisher {
  constructor(private readonly runtime: KafkaRuntime) {}

  async deployed(event: ModelDeployed, eventId: string): Promise<{ offset?: string }> {
    return this.send(Topic.ModelsDeployed, event.model, event, eventId, MODEL_DEPLOYED_TYPE);
  }

  async rejected(event: ModelRejected, eventId: string): Promise<void> {
    await this.send(Topic.ModelsRejected, event.model, event, eventId, MODEL_REJECTED_TYPE);
  }

  private async send(topic: Topic, model: string, value: unknown, id: string, type: string): Promise<{ offset?: string }> {
    try {
      const [metadata] = await this.runtime.producer.send({
        topic: this.runtime.topic(topic),
        messages: [{ key: model, value: JSON.stringify(value), headers: toCloudEventHeaders({ id, type, source: DEPLOYMENT_SOURCE, subject: model }) }],
      });
      return metadata?.baseOffset === undefined ? {} : { offset: metadata.baseOffset };
    } catch (error) {
      throw new RetriableError(`cannot write to ${topic}: ${(error as Error).message}`, { topic, model });
    }
  }
}
