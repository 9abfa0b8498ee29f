import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The architecture's rule, enforced by lint: services import libs, never each other;
// pure libs import only pure libs. These run the real ESLint (as a process: its flat config is
// ESM, which Jest's CommonJS sandbox cannot import) on virtual files fed through stdin.
const root = path.resolve(__dirname, '..', '..');

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', path.join(root, filePath)], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (!run.stdout) throw new Error(`eslint produced no report: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  jest.setTimeout(60000);

  beforeAll(() => {
    // The rule reads Nx's cached project graph and is skipped without one: make sure it exists.
    const graph = spawnSync(path.join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (graph.status !== 0) throw new Error(`nx show projects failed: ${graph.stderr}`);
  });

  it('fails when a service imports another service', async () => {
    const errors = await boundaryErrors(
      'services/ingestion/src/boundary-probe.ts',
      "import { SERVICE_NAME } from '../../inference/src/inference.constants';\nexport const x = SERVICE_NAME;\n",
    );
    expect(errors.join('\n')).toMatch(/cannot be imported by a relative or absolute path/);
  });

  it('fails when a pure lib imports an infrastructure lib', async () => {
    const errors = await boundaryErrors(
      'libs/contracts/src/boundary-probe.ts',
      "import { createLogger } from '@mlops/observability';\nexport const x = createLogger;\n",
    );
    expect(errors.join('\n')).toMatch(/type:pure/);
  });

  it('allows a service to import libs', async () => {
    const errors = await boundaryErrors(
      'services/ingestion/src/boundary-probe.ts',
      "import { Topic } from '@mlops/contracts';\nimport { runService } from '@mlops/service-runtime';\nexport const x = [Topic, runService];\n",
    );
    expect(errors).toEqual([]);
  });
});
