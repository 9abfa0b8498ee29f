import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtIsCurrent } from './built-cli';

describe('builtIsCurrent (whether bin/mlops.js may run the compiled CLI)', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'built-cli-'));
    mkdirSync(join(root, 'src', 'nested'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    for (const file of ['src/a.ts', 'src/nested/b.ts', 'package.json', 'dist/main.js']) writeFileSync(join(root, file), '');
    for (const file of ['src/a.ts', 'src/nested/b.ts', 'package.json']) at(join(root, file), 1_000);
    at(join(root, 'dist/main.js'), 2_000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const sources = () => [join(root, 'src'), join(root, 'package.json'), join(root, 'missing-folder')];

  it('runs the build when it is newer than every source (a missing source path is no reason not to)', () => {
    expect(builtIsCurrent(join(root, 'dist/main.js'), sources())).toBe(true);
  });

  it('falls back to the sources when one nested source file was modified after the build', () => {
    at(join(root, 'src/nested/b.ts'), 3_000);
    expect(builtIsCurrent(join(root, 'dist/main.js'), sources())).toBe(false);
  });

  it('falls back to the sources when a source given as a file is newer', () => {
    at(join(root, 'package.json'), 3_000);
    expect(builtIsCurrent(join(root, 'dist/main.js'), sources())).toBe(false);
  });

  it('falls back to the sources when there is no build', () => {
    expect(builtIsCurrent(join(root, 'dist/nothing.js'), sources())).toBe(false);
  });
});
