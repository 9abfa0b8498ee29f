import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createLogger } from '@mlops/observability';
import { testBrokers, uniqueName, waitFor } from '@mlops/testing';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { ServiceRuntimeModule } from '../service-runtime.module';

const logger = createLogger({ name: 'service-runtime-int-spec', level: 'warn' });

describe('ServiceRuntimeModule with a real broker', () => {
  it('starts registered consumers, reports ready, on close commits what was handled and deletes per-instance groups', async () => {
    const topic = uniqueName('runtime');
    const groupId = uniqueName('runtime-group');
    const instanceGroupId = `${groupId}.instance`;
    const handled: string[] = [];
    const seenByInstance: string[] = [];

    @Injectable()
    class CountingHandler implements OnModuleInit {
      constructor(private readonly runtime: KafkaRuntime) {}
      onModuleInit() {
        this.runtime.registerConsumer({
          groupId,
          topics: [topic],
          fromBeginning: true,
          handle: async (m) => {
            handled.push(m.value!.toString());
          },
        });
        this.runtime.registerConsumer({
          groupId: instanceGroupId,
          topics: [topic],
          fromBeginning: true,
          ephemeral: true,
          handle: async (m) => {
            seenByInstance.push(m.value!.toString());
          },
        });
      }
    }

    @Module({ providers: [CountingHandler] })
    class FeatureModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        ServiceRuntimeModule.forRoot({
          identity: { service: 'runtime-spec', version: '0.0.0' },
          logger,
          config: {},
          kafka: {
            config: { brokers: testBrokers(), clientId: 'runtime-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 },
            topics: [
              { name: topic, partitions: 2 },
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
    const runtime = app.get(KafkaRuntime);
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
});
