import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ModelAlias, FilesystemRegistry } from '@mlops/registry';
import { tempDir } from '../../__test-support__/temp-dir';
import type { ModelEventPublisher, Published } from '../publishing/model-event-publisher';
import { deployVersion, PINNED_ALIAS } from './deploy-version';

const dir = tempDir('mlops-deploy-');
afterAll(() => dir.cleanup());

/** Records what would go to Kafka (the broker-backed path is in model-commands.int-spec.ts). */
function recordingPublisher(): ModelEventPublisher & { sent: { kind: string; id: string; value: unknown }[] } {
  const sent: { kind: string; id: string; value: unknown }[] = [];
  const at = (topic: string): Published => ({ topic, partition: 0, offset: String(sent.length - 1) });
  return {
    sent,
    registered: async (event) => (sent.push({ kind: 'registered', id: `registered:${event.model}:${event.version}`, value: event }), at('models.registered')),
    deployed: async (event, id) => (sent.push({ kind: 'deployed', id, value: event }), at('models.deployed')),
    rejected: async (event, id) => (sent.push({ kind: 'rejected', id, value: event }), at('models.rejected')),
    close: async () => undefined,
  };
}

describe('deployVersion', () => {
  const registry = new FilesystemRegistry({ root: path.join(dir.path, 'registry') });
  const source = path.join(dir.path, 'artifact');
  const now = () => new Date('2026-11-27T12:00:00Z');
  const external = async () => {
    writeFileSync(path.join(source, 'monitoring-only.json'), '{}');
    return registry.createVersion({
      model: 'ext',
      sourceDir: source,
      metrics: { accuracy: 0.9 },
      tags: { trainer: 'external' },
      baselineProfile: {},
      lineage: { requestId: 'r', dataWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' } },
    });
  };

  beforeAll(() => mkdirSync(source, { recursive: true }));

  it('holds a pinned model, promotes otherwise, and leaves the champion alone the second time', async () => {
    const v1 = await external();
    const v2 = await external();
    const publisher = recordingPublisher();
    const input = { registry, policy: { mode: 'better' as const, margin: 0 }, workDir: path.join(dir.path, 'work'), publisher, now };

    const first = await deployVersion({ ...input, version: v1 });
    expect(first).toMatchObject({ kind: 'promoted', gates: expect.arrayContaining([{ gate: 'load', status: 'skipped', detail: 'trained outside this project' }]) });
    expect(publisher.sent).toEqual([
      { kind: 'deployed', id: 'deployed:ext:1:cli', value: { schemaVersion: 1, model: 'ext', version: '1', artifact: v1.artifact, baselineProfile: v1.baselineProfile, deployedAt: '2026-11-27T12:00:00.000Z' } },
    ]);
    expect(await deployVersion({ ...input, version: v1 })).toEqual({ kind: 'unchanged' });

    await registry.setAlias('ext', PINNED_ALIAS, '1');
    const held = await deployVersion({ ...input, version: v2 });
    expect(held).toEqual({ kind: 'held', gates: [{ gate: 'pin', status: 'fail', detail: 'automatic promotion is stopped: the model is pinned at version 1' }] });
    expect(publisher.sent).toHaveLength(1);
    expect((await registry.getAlias('ext', ModelAlias.Champion)).version).toBe('1');

    await registry.deleteAlias('ext', PINNED_ALIAS);
    expect(await deployVersion({ ...input, version: v2 })).toMatchObject({ kind: 'promoted', previousVersion: '1', event: { version: '2', previousVersion: '1' } });
    expect((await registry.getAlias('ext', ModelAlias.Champion)).version).toBe('2');
  });
});
