import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixtureBytes, versionInput, writeSavedModel } from '../__tests__/saved-model.fixture';
import { FilesystemRegistry } from './filesystem-registry';

const WORKSPACE = resolve(__dirname, '../../../..');
const CHILD = resolve(__dirname, '../__tests__/register-versions.child.ts');

interface Child {
  process: ChildProcessWithoutNullStreams;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startChild(args: string[]): Child {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD, ...args], { cwd: WORKSPACE });
  const lines: string[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) process.stderr.write(stderr);
      resolve({ code, signal });
    }),
  );
  return { process: child, lines, exited };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30000, intervalMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

describe('FilesystemRegistry across real processes', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'fs-registry-procs-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('two processes registering the same model at once get distinct, gap-free versions', async () => {
    const root = join(work, 'root');
    const source = join(work, 'src');
    await writeSavedModel(source);
    const go = join(work, 'go');
    const perChild = 15;
    const children = [0, 1].map(() => startChild([root, 'shared-model', source, String(perChild), go]));
    await until(() => children.every((c) => c.lines.includes('ready')), 'both children to load');
    await writeFile(go, '');
    const exits = await Promise.all(children.map((c) => c.exited));
    expect(exits).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);

    const results = children.map((c) => JSON.parse(c.lines[c.lines.length - 1]!) as { versions: string[]; collisions: number });
    const all = results.flatMap((r) => r.versions.map(Number)).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 2 * perChild }, (_, i) => i + 1));
    process.stderr.write(`[registry] two writers: ${results.map((r) => r.collisions).join(' + ')} version-number collisions resolved\n`);

    // The store reads back whole: every version's record, manifest and files verify.
    const registry = new FilesystemRegistry({ root });
    const versions = await registry.listVersions('shared-model');
    expect(versions.map((v) => v.version)).toEqual(all.map(String));
    expect(new Set(versions.map((v) => v.tags.writer)).size).toBe(2);
    for (const v of versions) await registry.downloadVersion('shared-model', v.version, join(work, 'out', v.version));
    expect(await readdir(join(root, 'staging'))).toEqual([]);
  }, 60000);

  it('a writer killed with SIGKILL mid-copy leaves no visible version and no gap', async () => {
    const root = join(work, 'root');
    const registry = new FilesystemRegistry({ root });
    const small = join(work, 'small');
    await writeSavedModel(small);
    await registry.createVersion(versionInput('crashy', small));

    // Many files make the copy last long enough to be interrupted in the middle.
    const big = join(work, 'big');
    await mkdir(big);
    const fileCount = 3000;
    for (let i = 0; i < fileCount; i++) await writeFile(join(big, `shard-${String(i).padStart(4, '0')}.bin`), fixtureBytes(`s${i}`, 4096));

    const go = join(work, 'go');
    await writeFile(go, '');
    const child = startChild([root, 'crashy', big, '1', go]);
    const staging = join(root, 'staging');
    let copied = 0;
    await until(async () => {
      const dirs = await readdir(staging).catch(() => [] as string[]);
      const mine = dirs.find((d) => d.startsWith('crashy.'));
      if (!mine) return false;
      copied = (await readdir(join(staging, mine, 'artifact')).catch(() => [] as string[])).length;
      return copied > 0;
    }, 'the child to start copying');
    child.process.kill('SIGKILL');
    expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const leftovers = await readdir(staging);
    expect(leftovers).toHaveLength(1);
    const partial = (await readdir(join(staging, leftovers[0]!, 'artifact'))).length;
    expect(partial).toBeLessThan(fileCount);

    expect((await registry.listVersions('crashy')).map((v) => v.version)).toEqual(['1']);
    expect(await readdir(join(root, 'models', 'crashy', 'versions'))).toEqual(['1']);
    expect((await registry.createVersion(versionInput('crashy', small))).version).toBe('2');
  }, 60000);
});
