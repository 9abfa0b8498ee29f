import { writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ModelRegisteredSchema } from '@mlops/contracts';
import { FilesystemRegistry } from '@mlops/registry';
import { runMlops } from '../__test-support__/run-mlops';
import { tempDir } from '../__test-support__/temp-dir';
import { loanCsv } from '../model-commands/__test-support__/labeled-csv';
import { runMlopsWithEnv } from '../model-commands/__test-support__/run-mlops-with-env';

const dir = tempDir('mlops-register-');
afterAll(() => dir.cleanup());
const env = { REGISTRY_ROOT: `${dir.path}/registry` };
const reference = dir.file('holdout.csv', loanCsv(200, 9));
const artifact = path.join(dir.path, 'their-model');
mkdirSync(path.join(artifact, 'weights'), { recursive: true });
writeFileSync(path.join(artifact, 'model.pkl'), Buffer.from([0x80, 0x04, 0x95, 0x00]));
writeFileSync(path.join(artifact, 'weights', 'layer0.bin'), Buffer.alloc(64, 7));

describe('mlops register', () => {
  it('documents both ways in', async () => {
    const run = await runMlops(['register', '--help']);
    expect(run.code).toBe(0);
    for (const text of ['--artifact <dir>', '--from-event <file>', '--champion-metric <x>', '--no-publish', 'models.registered']) expect(run.stdout).toContain(text);
  });

  it('stores the team\'s folder byte for byte as an external version and prints the event it would publish', async () => {
    const run = await runMlopsWithEnv(
      ['register', '--model', 'fraud', '--artifact', artifact, '--reference', reference, '--target', 'label', '--prediction', 'predicted', '--ignore', 'id,ts,score', '--metric', 'auc=0.97', '--request-id', 'rq-9', '--no-publish', '--json'],
      env,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const { event } = JSON.parse(run.stdout) as { event: unknown };
    const parsed = ModelRegisteredSchema.parse(event);
    expect(parsed).toMatchObject({ model: 'fraud', version: '1', lineage: { requestId: 'rq-9' }, comparison: { primaryMetric: 'accuracy', outperformsChampion: true } });
    expect(parsed.metrics).toMatchObject({ auc: 0.97, accuracy: expect.any(Number), f1: expect.any(Number) });
    const version = await new FilesystemRegistry({ root: env.REGISTRY_ROOT }).getVersion('fraud', '1');
    expect(version.tags).toMatchObject({ trainer: 'external', trigger: 'retrain_request' });
    expect(version.files.map((f) => `${f.path}:${f.size}`)).toEqual(['model.pkl:4', 'weights/layer0.bin:64']);
    expect(version.artifact.sha256).toBe(parsed.artifact.sha256);
  });

  it('checks an event against the registry before anything is published', async () => {
    const run = await runMlopsWithEnv(['register', '--model', 'fraud', '--artifact', artifact, '--reference', reference, '--metric', 'auc=0.9', '--no-publish', '--json'], env);
    const { event } = JSON.parse(run.stdout) as { event: { artifact: { sha256: string } } };
    const good = dir.file('event.json', JSON.stringify(event));
    const checked = await runMlopsWithEnv(['register', '--from-event', good, '--no-publish'], env);
    expect(checked).toMatchObject({ code: 0 });
    expect(checked.stdout).toMatch(/^checked ModelRegistered for fraud version 2 against the filesystem registry at .*: artifact and baseline profile digests match\nnot published/);

    const forged = dir.file('forged.json', JSON.stringify({ ...event, artifact: { ...event.artifact, sha256: 'a'.repeat(64) } }));
    const refused = await runMlopsWithEnv(['register', '--from-event', forged, '--no-publish'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^mlops register: --from-event .*forged\.json: artifact\.sha256 a{64} is not the registry's \([0-9a-f]{64}\) for version 2 of fraud\n$/);

    const other = await runMlopsWithEnv(['register', '--from-event', good, '--model', 'loan', '--no-publish'], env);
    expect(other.stderr).toBe(`mlops register: --from-event ${good}: the event is about model "fraud", not --model "loan"\n`);
  });

  it.each([
    ['a missing artifact folder', ['--model', 'm', '--artifact', 'NOPE', '--reference', 'REF'], /^mlops register: --artifact NOPE: no such directory/],
    ['an empty artifact folder', ['--model', 'm', '--artifact', 'EMPTY', '--reference', 'REF', '--metric', 'auc=0.9'], /^mlops register: sourceDir: .*\n$/],
    ['an invalid event', ['--from-event', 'BADEVENT'], /^mlops register: --from-event .*bad-event\.json: not a valid ModelRegistered \(/],
    ['an unknown version in the event', ['--from-event', 'GHOST'], /^mlops register: --from-event .*ghost\.json: version 99 of fraud is not in the filesystem registry/],
    ['no metric at all', ['--model', 'm', '--artifact', 'ART', '--reference', 'REF'], /^mlops register: no metric: give --metric NAME=VALUE, or --target and --prediction/],
  ])('exits 2 on %s, naming it', async (_what, args, message) => {
    const valid = JSON.parse(
      (await runMlopsWithEnv(['register', '--model', 'fraud', '--artifact', artifact, '--reference', reference, '--metric', 'auc=0.9', '--no-publish', '--json'], env)).stdout,
    ) as { event: Record<string, unknown> };
    const files: Record<string, () => string> = {
      REF: () => dir.file('plain.csv', 'a,b\n1,x\n2,y\n'),
      ART: () => artifact,
      EMPTY: () => {
        mkdirSync(path.join(dir.path, 'empty'), { recursive: true });
        return path.join(dir.path, 'empty');
      },
      BADEVENT: () => dir.file('bad-event.json', JSON.stringify({ ...valid.event, schemaVersion: 7 })),
      GHOST: () => dir.file('ghost.json', JSON.stringify({ ...valid.event, version: '99' })),
    };
    const run = await runMlopsWithEnv(['register', ...args.map((a) => files[a]?.() ?? a), '--no-publish'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
