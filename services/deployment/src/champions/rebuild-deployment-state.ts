import { CloudEventHeader, decodeEvent, DeployCommandSchema, ModelDeployedSchema, ModelRegisteredSchema, Topic } from '@mlops/contracts';
import { replayTopic } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';
import type { ChampionTable } from './champion-table';
import { DecidedKeys } from './decided-keys';

export interface RebuildDeps {
  kafka: Kafka;
  /** The deployment consumer group: what it committed was decided. */
  groupId: string;
  topic: (topic: Topic) => string;
  logger: StructuredLogger;
}

/**
 * Deployment's state, read back from Kafka: every model's champion from the compacted
 * `models.deployed`, and the registrations and commands already decided, i.e. those before the
 * group's committed offsets on `models.registered` and `deploy.commands` (the ingestion pattern).
 */
export async function rebuildDeploymentState(table: ChampionTable, decided: DecidedKeys, deps: RebuildDeps): Promise<void> {
  await replayTopic({
    kafka: deps.kafka,
    topic: deps.topic(Topic.ModelsDeployed),
    from: 'earliest',
    logger: deps.logger,
    handle: (messages) => {
      for (const m of messages) {
        const decoded = decodeEvent(ModelDeployedSchema, m.value);
        if (decoded.ok) table.apply(decoded.value, { eventId: m.headers[CloudEventHeader.Id]?.toString(), offset: m.offset });
      }
    },
  });
  const registered = deps.topic(Topic.ModelsRegistered);
  const commands = deps.topic(Topic.DeployCommands);
  const admin = deps.kafka.admin();
  await admin.connect();
  const committed = await admin.fetchOffsets({ groupId: deps.groupId, topics: [registered, commands] }).finally(() => admin.disconnect());
  const until = (topic: string) => committed.find((c) => c.topic === topic)?.partitions ?? [];
  await replayTopic({
    kafka: deps.kafka,
    topic: registered,
    from: 'earliest',
    until: until(registered),
    logger: deps.logger,
    handle: (messages) => {
      for (const m of messages) {
        const decoded = decodeEvent(ModelRegisteredSchema, m.value);
        if (decoded.ok) decided.add(DecidedKeys.registered(decoded.value.model, decoded.value.version));
      }
    },
  });
  await replayTopic({
    kafka: deps.kafka,
    topic: commands,
    from: 'earliest',
    until: until(commands),
    logger: deps.logger,
    handle: (messages) => {
      for (const m of messages) {
        const decoded = decodeEvent(DeployCommandSchema, m.value);
        if (decoded.ok) decided.add(DecidedKeys.command(decoded.value.commandId));
      }
    },
  });
  deps.logger.info('deployment state rebuilt', { champions: table.size, decided: decided.size });
}
