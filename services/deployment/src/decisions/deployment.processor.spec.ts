import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DeployCommand, ModelDeployed, ModelRegistered, ModelRejected } from '@mlops/contracts';
import { selectBackend } from '@mlops/model';
import { createLogger } from '@mlops/observability';
import { FilesystemRegistry, ModelAlias, type ModelVersion } from '@mlops/registry';
import { registerTestModel } from '@mlops/testing';
import { ChampionTable } from '../champions/champion-table';
import { DecidedKeys } from '../champions/decided-keys';
import { DeploymentProcessor, type DeploymentSettings } from './deployment.processor';

// The decisions with a real filesystem registry and real (small) models; Kafka is replaced by
// two publish functions that record what would be sent.
jest.setTimeout(120_000);
const logger = createLogger({ name: 'deployment-processor-spec', level: 'silent' });
const NOW = new Date('2026-01-10T00:00:00Z');

describe('DeploymentProcessor', () => {
  let root: string;
  let registry: FilesystemRegistry;
  let deployed: { event: ModelDeployed; eventId: string }[];
  let rejected: { event: ModelRejected; eventId: string }[];
  let table: ChampionTable;
  let models: Record<string, ModelVersion[]>;
  const settings: DeploymentSettings = { policy: { mode: 'better', margin: 0 }, manualApproval: false, pinnedModels: new Set(), commandMaxAgeMs: 3_600_000, workDir: '' };

  const processor = (overrides: Partial<DeploymentSettings> = {}) =>
    new DeploymentProcessor({
      registry,
      table,
      decided: new DecidedKeys(),
      publishDeployed: async (event, eventId) => {
        deployed.push({ event, eventId });
        return { offset: String(deployed.length) };
      },
      publishRejected: async (event, eventId) => void rejected.push({ event, eventId }),
      settings: { ...settings, workDir: path.join(root, 'work'), ...overrides },
      logger,
      now: () => NOW,
    });
  const registered = (v: ModelVersion, comparison: Partial<ModelRegistered['comparison']> = {}): ModelRegistered => ({
    schemaVersion: 1,
    model: v.model,
    version: v.version,
    metrics: v.metrics,
    comparison: { primaryMetric: 'accuracy', challenger: 0.9, outperformsChampion: true, ...comparison },
    lineage: { requestId: v.lineage.requestId, dataWindow: v.lineage.dataWindow },
    artifact: v.artifact,
    baselineProfile: v.baselineProfile,
    registeredAt: NOW.toISOString(),
  });
  const command = (fields: Partial<DeployCommand> & Pick<DeployCommand, 'command' | 'commandId' | 'model'>): DeployCommand =>
    ({ schemaVersion: 1, requestedBy: 'spec', requestedAt: NOW.toISOString(), ...fields }) as DeployCommand;
  const champion = async (model: string) => (await registry.getAlias(model, ModelAlias.Champion)).version;

  beforeAll(async () => {
    await selectBackend('wasm');
    root = await mkdtemp(path.join(os.tmpdir(), 'deployment-processor-spec-'));
    registry = new FilesystemRegistry({ root: path.join(root, 'registry') });
    models = {};
    for (const model of ['gates', 'commands', 'held']) {
      models[model] = [];
      for (let seed = 1; seed <= 4; seed++) models[model].push(await registerTestModel(registry, model, { seed, rows: 300, requestId: `req-${seed}` }));
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    deployed = [];
    rejected = [];
    table = new ChampionTable();
  });

  it('promotes a first version and a better one once, refuses worse, stale and corrupt ones', async () => {
    const [v1, v2, v3, v4] = models.gates;
    const p = processor();
    expect(await p.onRegistered(registered(v1))).toBe('promoted');
    expect(await p.onRegistered(registered(v2, { challenger: 0.9, champion: 0.8, championVersion: '1' }))).toBe('promoted');
    expect(await p.onRegistered(registered(v2, { challenger: 0.9, champion: 0.8, championVersion: '1' }))).toBe('duplicate');
    expect(deployed.map((d) => [d.event.version, d.event.previousVersion, d.eventId])).toEqual([
      ['1', undefined, 'deployed:gates:1:registered'],
      ['2', '1', 'deployed:gates:2:registered'],
    ]);
    expect(await champion('gates')).toBe('2');

    expect(await p.onRegistered(registered(v3, { challenger: 0.7, champion: 0.9, championVersion: '2' }))).toBe('refused');
    expect(rejected[0].event).toMatchObject({ model: 'gates', version: '3', requestId: 'req-3', reason: 'not_better_than_champion', detail: expect.stringMatching(/checksum: pass .*load: pass .*sanity: pass .*metric: fail \(accuracy 0.7 vs champion 0.9/) });

    // v4 compared against v1 while v2 is champion: the comparison says nothing about v2.
    expect(await processor().onRegistered(registered(v4, { champion: 0.5, championVersion: '1' }))).toBe('refused');
    expect(rejected[1].event.detail).toMatch(/compared against version 1, but version 2 is champion/);

    // A tampered weights file: refused at the checksum gate, nothing loaded.
    const dir = path.join(root, 'registry', 'models', 'gates', 'versions', '4', 'artifact');
    const weights = path.join(dir, (await readdir(dir)).find((f) => f.endsWith('.bin'))!);
    const original = await readFile(weights);
    const bytes = Buffer.from(original);
    bytes[0] ^= 0xff;
    await writeFile(weights, bytes);
    expect(await processor().onRegistered(registered(v4, { champion: 0.5, championVersion: '2' }))).toBe('refused');
    expect(rejected[2].event).toMatchObject({ reason: 'gate_failed', detail: expect.stringMatching(/checksum: fail \(.*weights\.bin.*load: skipped/) });
    await writeFile(weights, original);
    expect(await champion('gates')).toBe('2');
    expect(deployed).toHaveLength(2);

    // The event announces another digest than the registry holds.
    const lying = { ...registered(v4, { champion: 0.5, championVersion: '2' }), artifact: { ...v4.artifact, sha256: 'f'.repeat(64) } };
    expect(await processor().onRegistered(lying)).toBe('refused');
    expect(rejected[3].event.detail).toMatch(/checksum: fail \(the event announces sha256 f+/);
    // An older version than the champion is never promoted automatically.
    expect(await processor().onRegistered(registered(v1))).toBe('stale');
  });

  it('rolls back to the previous champion or a named version, once per command, and dead-letters impossible commands', async () => {
    const [v1, v2] = models.commands;
    const p = processor();
    await p.onRegistered(registered(v1));
    await p.onRegistered(registered(v2, { champion: 0.8, championVersion: '1' }));
    expect(await p.onCommand(command({ command: 'rollback', commandId: 'rb-1', model: 'commands' }))).toBe('rolled_back');
    expect(await champion('commands')).toBe('1');
    expect(deployed[2]).toMatchObject({ event: { version: '1', previousVersion: '2' }, eventId: 'deployed:commands:1:command:rb-1' });
    expect(await p.onCommand(command({ command: 'rollback', commandId: 'rb-1', model: 'commands' }))).toBe('duplicate');
    // After a restart (empty DecidedKeys), models.deployed still says the command was applied.
    expect(await processor().onCommand(command({ command: 'rollback', commandId: 'rb-1', model: 'commands' }))).toBe('duplicate');

    expect(await p.onCommand(command({ command: 'promote', commandId: 'pr-1', model: 'commands', version: '3' }))).toBe('promoted');
    expect(deployed[3].event).toMatchObject({ version: '3', previousVersion: '1' });
    expect(await p.onCommand(command({ command: 'rollback', commandId: 'rb-2', model: 'commands', version: '3' }))).toBe('unchanged');
    await expect(p.onCommand(command({ command: 'promote', commandId: 'pr-2', model: 'commands', version: '99' }))).rejects.toThrow(/version 99 is not in the registry/);
    expect(await p.onCommand(command({ command: 'rollback', commandId: 'old', model: 'commands', requestedAt: '2026-01-09T00:00:00.000Z' }))).toBe('stale');
    await expect(processor().onCommand(command({ command: 'rollback', commandId: 'rb-3', model: 'nothing-deployed' }))).rejects.toThrow(/no previous champion/);
  });

  it('holds a pinned model and, in manual mode, waits for approval', async () => {
    const [v1, v2, v3] = models.held;
    const p = processor();
    await p.onRegistered(registered(v1));
    expect(await p.onCommand({ schemaVersion: 1, command: 'pin', commandId: 'pin-1', model: 'held', requestedBy: 'spec', requestedAt: NOW.toISOString() })).toBe('pinned');
    expect((await registry.getAlias('held', 'pinned')).version).toBe('1');
    expect(await p.onRegistered(registered(v2, { champion: 0.5, championVersion: '1' }))).toBe('held');
    expect(await p.onCommand({ schemaVersion: 1, command: 'unpin', commandId: 'unpin-1', model: 'held', requestedBy: 'spec', requestedAt: NOW.toISOString() })).toBe('unpinned');
    expect(await processor({ pinnedModels: new Set(['held']) }).onRegistered(registered(v3, { champion: 0.5, championVersion: '1' }))).toBe('held');

    const manual = processor({ manualApproval: true });
    expect(await manual.onRegistered(registered(v3, { champion: 0.5, championVersion: '1' }))).toBe('held');
    expect(await champion('held')).toBe('1');
    expect(await manual.onCommand(command({ command: 'approve', commandId: 'ok-3', model: 'held', version: '3' }))).toBe('promoted');
    expect(await champion('held')).toBe('3');
    expect(rejected).toEqual([]);
  });
});
