import {
  MODEL_DEPLOYED_TYPE,
  MODEL_REGISTERED_TYPE,
  MODEL_REJECTED_TYPE,
  Topic,
  topicName,
  toCloudEventHeaders,
  type ModelDeployed,
  type ModelRegistered,
  type ModelRejected,
} from '@mlops/contracts';
import { createIdempotentProducer, ensureTopics, kafkajsOptions, type KafkaConfig } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import { Kafka } from 'kafkajs';
import { topicSpecsFor } from '@mlops/service-runtime';
import { ServiceUnavailableError } from '../errors';

/** ce_source of the events the CLI writes (the services use /mlops/<service>). */
export const CLI_SOURCE = '/mlops/cli';

/** Where one event went. */
export interface Published {
  readonly topic: string;
  readonly partition: number;
  readonly offset?: string;
}

/**
 * The control-plane events the model commands write, exactly as the services write them: JSON
 * value, key = model, CloudEvents binary-mode headers. ModelRegistered's ce_id is
 * `registered:<model>:<version>` (retraining's), ModelDeployed's and ModelRejected's the
 * deployment decision id passed in.
 */
export interface ModelEventPublisher {
  registered(event: ModelRegistered): Promise<Published>;
  deployed(event: ModelDeployed, eventId: string): Promise<Published>;
  rejected(event: ModelRejected, eventId: string): Promise<Published>;
  close(): Promise<void>;
}

/** kafkajs retries per request (the services use 8). */
export const CLI_RETRIES = 3;

const WRITTEN = [Topic.ModelsRegistered, Topic.ModelsDeployed, Topic.ModelsRejected] as const;

/**
 * Connects to the broker and creates the three topics when missing (with the contracts'
 * settings: `models.deployed` compacted), so the CLI may run before the services. Called before
 * any long work, so a wrong KAFKA_BROKERS fails first. Failures are ServiceUnavailableError.
 */
export async function connectModelEventPublisher(config: KafkaConfig, logger: StructuredLogger): Promise<ModelEventPublisher> {
  // The services' client settings (TLS, SASL, timeouts), with fewer retries: a person waits
  // for the answer, and a wrong KAFKA_BROKERS should fail in seconds, not after a minute.
  const kafka = new Kafka({ ...kafkajsOptions(config, logger), retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: CLI_RETRIES } });
  const where = `Kafka at ${config.brokers.join(',')}`;
  const admin = kafka.admin();
  try {
    await admin.connect();
    await ensureTopics(admin, topicSpecsFor([...WRITTEN], config.topicPrefix), logger);
  } catch (error) {
    throw new ServiceUnavailableError(`${where}: ${(error as Error).message}`, { cause: error });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  const producer = createIdempotentProducer(kafka);
  try {
    await producer.connect();
  } catch (error) {
    throw new ServiceUnavailableError(`${where}: ${(error as Error).message}`, { cause: error });
  }
  const send = async (topic: Topic, model: string, value: unknown, ce: { id: string; type: string }): Promise<Published> => {
    const name = topicName(topic, config.topicPrefix);
    try {
      const [meta] = await producer.send({
        topic: name,
        messages: [{ key: model, value: JSON.stringify(value), headers: toCloudEventHeaders({ ...ce, source: CLI_SOURCE, subject: model }) }],
      });
      return { topic: name, partition: meta?.partition ?? 0, ...(meta?.baseOffset !== undefined && { offset: meta.baseOffset }) };
    } catch (error) {
      throw new ServiceUnavailableError(`cannot write to ${name} on ${where}: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    registered: (event) => send(Topic.ModelsRegistered, event.model, event, { id: `registered:${event.model}:${event.version}`, type: MODEL_REGISTERED_TYPE }),
    deployed: (event, eventId) => send(Topic.ModelsDeployed, event.model, event, { id: eventId, type: MODEL_DEPLOYED_TYPE }),
    rejected: (event, eventId) => send(Topic.ModelsRejected, event.model, event, { id: eventId, type: MODEL_REJECTED_TYPE }),
    close: () => producer.disconnect().catch(() => undefined),
  };
}
