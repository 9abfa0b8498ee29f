import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { highestVersion, publishAsNextVersion } from './claim-version-number';

describe('publishAsNextVersion', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'claim-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function staged(name: string): Promise<string> {
    const dir = join(work, name);
    await mkdir(dir);
    await writeFile(join(dir, 'record'), name);
    return dir;
  }

  it('numbers from 1 and ignores names that are not versions', async () => {
    const versions = join(work, 'versions');
    expect(await highestVersion(versions)).toBe(0);
    await mkdir(join(versions, '.tmp'), { recursive: true });
    await mkdir(join(versions, '007'));
    expect(await publishAsNextVersion(await staged('a'), versions, { prepare: async () => undefined })).toBe('1');
    expect(await highestVersion(versions)).toBe(1);
  });

  it('moves on to the next number when another writer publishes the candidate first', async () => {
    const versions = join(work, 'versions');
    await mkdir(versions);
    const rival = await staged('rival');
    const taken: string[] = [];
    const prepared: string[] = [];
    const version = await publishAsNextVersion(await staged('mine'), versions, {
      prepare: async (candidate) => {
        prepared.push(candidate);
        // The rival wins the race for the first candidate, between our choice and our rename.
        if (prepared.length === 1) await publishAsNextVersion(rival, versions, { prepare: async () => undefined });
      },
      onTaken: (v) => taken.push(v),
    });
    expect(version).toBe('2');
    expect(prepared).toEqual(['1', '2']);
    expect(taken).toEqual(['1']);
    expect(await readFile(join(versions, '1', 'record'), 'utf8')).toBe('rival');
    expect(await readFile(join(versions, '2', 'record'), 'utf8')).toBe('mine');
    expect((await readdir(work)).sort()).toEqual(['versions']);
  });
});
