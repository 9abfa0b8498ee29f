/**
 * A separate process that registers versions into a FilesystemRegistry, for the cross-process
 * tests. Run: node -r @swc-node/register register-versions.child.ts <root> <model> <sourceDir> <count> <goFile>
 * It prints "ready", waits until <goFile> exists (so two children start together), registers
 * <count> versions one after another and prints one JSON line: { versions, collisions }.
 */
import type { StructuredLogger } from '@mlops/observability';
import { existsSync } from 'node:fs';
import { FilesystemRegistry } from '../filesystem/filesystem-registry';
import { versionInput } from './saved-model.fixture';

const [root, model, sourceDir, count, goFile] = process.argv.slice(2) as [string, string, string, string, string];

let collisions = 0;
const countingLogger: StructuredLogger = {
  debug: (message) => {
    if (message.startsWith('version number taken')) collisions++;
  },
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => countingLogger,
};

async function main(): Promise<void> {
  const registry = new FilesystemRegistry({ root, logger: countingLogger });
  process.stdout.write('ready\n');
  while (!existsSync(goFile)) await new Promise((r) => setTimeout(r, 2));
  const versions: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    versions.push((await registry.createVersion(versionInput(model, sourceDir, { tags: { writer: String(process.pid) } }))).version);
  }
  process.stdout.write(`${JSON.stringify({ versions, collisions })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
