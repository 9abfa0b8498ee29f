import { INestApplication, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createLogger } from '@mlops/observability';
import { testBrokers, uniqueName, waitFor } from '@mlops/testing';
import { Kafka, logLevel } from 'kafkajs';
import { ConsumerRegistration, KafkaRuntime } from '../kafka/kafka-runtime';
import { ServiceRuntimeModule } from '../service-runtime.module';

const logger = createLogger({ name: 'service-runtime-int-spec', level: 'warn' });

/**
 * A Nest application with ServiceRuntimeModule on the test broker (topic and its dead-letter
 * topic bootstrapped) and a feature module that registers `registrations` at init, as services do.
 */
async function startRuntime(service: string, topic: string, partitions: number, registrations: ConsumerRegistration[]): Promise<{ app: INestApplication; runtime: KafkaRuntime }> {
  @Injectable()
  class RegisteringHandler implements OnModuleInit {
    constructor(private readonly runtime: KafkaRuntime) {}
    onModuleInit() {
      for (const registration of registrations) this.runtime.registerConsumer(registration);
    }
  }

  @Module({ providers: [RegisteringHandler] })
  class FeatureModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      ServiceRuntimeModule.forRoot({
        identity: { service, version: '0.0.0' },
        logger,
        config: {},
        kafka: {
          config: { brokers: testBrokers(), clientId: service, topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 },
          topics: [
            { name: topic, partitions },
            { name: `${topic}.dlq`, partitions: 1 },
          ],
          bootstrapTopics: true,
          deadLetterTopic: `${topic}.dlq`,
          probeIntervalMs: 500,
        },
      }),
      FeatureModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return { app, runtime: app.get(KafkaRuntime) };
}

describe('ServiceRuntimeModule with a real broker', () => {
  it('starts registered consumers, reports ready, on close commits what was handled and deletes per-instance groups', async () => {
    const topic = uniqueName('runtime');
    const groupId = uniqueName('runtime-group');
    const instanceGroupId = `${groupId}.instance`;
    const handled: string[] = [];
    const seenByInstance: string[] = [];

    const registrations: ConsumerRegistration[] = [
      {
        groupId,
        topics: [topic],
        fromBeginning: true,
        handle: async (m) => {
          handled.push(m.value!.toString());
        },
      },
      {
        groupId: instanceGroupId,
        topics: [topic],
        fromBeginning: true,
        ephemeral: true,
        handle: async (m) => {
          seenByInstance.push(m.value!.toString());
        },
      },
    ];
    const { app, runtime } = await startRuntime('runtime-spec', topic, 2, registrations);
    await waitFor(() => runtime.check().up, 'runtime ready', { timeoutMs: 60000 });

    await runtime.producer.send({ topic, messages: Array.from({ length: 300 }, (_, i) => ({ key: String(i % 5), value: String(i) })) });
    await waitFor(() => handled.length === 300 && seenByInstance.length === 300, 'all 300 messages handled by both groups');
    await app.close();
    expect(runtime.check()).toEqual({ up: false, detail: 'shutting down' });

    // After close, the group's committed offsets cover every handled message.
    const kafka = new Kafka({ clientId: 'runtime-spec-check', brokers: testBrokers(), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
    await admin.disconnect();
    expect(groups).toContain(groupId);
    expect(groups).not.toContain(instanceGroupId);
    const total = committed.partitions.reduce((sum, p) => sum + Number(p.offset), 0);
    expect(total).toBe(300);
    expect(committed.partitions.map((p) => p.offset).sort()).toEqual(ends.map((e) => e.high).sort());
  });

  it('runs `members` consumers of one group in the process: the partitions are shared among them, each message handled once, in order per partition', async () => {
    const topic = uniqueName('runtime-members');
    const groupId = uniqueName('runtime-members-group');
    const handled: { partition: number; value: number }[] = [];

    const registration: ConsumerRegistration = {
      groupId,
      topics: [topic],
      fromBeginning: true,
      members: 2,
      handleBatch: async (messages) => {
        for (const m of messages) handled.push({ partition: m.partition, value: Number(m.value!.toString()) });
        return messages.map(() => ({ status: 'handled' as const }));
      },
    };
    const { app, runtime } = await startRuntime('runtime-members-spec', topic, 4, [registration]);
    await waitFor(() => runtime.check().up, 'runtime ready with both members', { timeoutMs: 60000 });

    const kafka = new Kafka({ clientId: 'runtime-members-check', brokers: testBrokers(), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      // Both members joined and each owns partitions of the topic.
      let members: { memberId: string; memberAssignment: Buffer }[] = [];
      await waitFor(async () => {
        const { groups } = await admin.describeGroups([groupId]);
        members = groups[0].state === 'Stable' ? groups[0].members : [];
        return members.length === 2 && members.every((m) => m.memberAssignment.length > 0);
      }, 'a stable group of two members');

      await runtime.producer.send({ topic, messages: Array.from({ length: 400 }, (_, i) => ({ partition: i % 4, value: String(i) })) });
      await waitFor(() => handled.length >= 400, 'all 400 messages handled');
      await app.close();

      expect(handled).toHaveLength(400);
      expect(new Set(handled.map((h) => h.value)).size).toBe(400);
      for (let partition = 0; partition < 4; partition++) {
        const values = handled.filter((h) => h.partition === partition).map((h) => h.value);
        expect(values).toEqual(Array.from({ length: 100 }, (_, i) => i * 4 + partition));
      }
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      expect(committed.partitions.reduce((sum, p) => sum + Number(p.offset), 0)).toBe(400);
    } finally {
      await admin.disconnect();
    }
  });
});
