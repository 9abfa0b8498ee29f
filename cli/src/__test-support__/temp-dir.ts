import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory for one spec file; `cleanup()` in afterAll. */
export function tempDir(prefix = 'mlops-cli-'): { path: string; file(name: string, content?: string | Buffer): string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file(name, content) {
      const file = join(path, name);
      if (content !== undefined) writeFileSync(file, content);
      return file;
    },
    cleanup: () => rmSync(path, { recursive: true, force: true }),
  };
}
