import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { testBrokers } from '@mlops/testing';
import type { LoopState } from '../loop-state';
import type { Verdict } from '../loop-verdict';

// The whole loop as a user runs it: `npm start -- --exit` with the five services as separate
// processes on the real broker, a short scenario (stable, then an Agrawal concept switch).
jest.setTimeout(600_000);

const root = path.resolve(__dirname, '..', '..', '..');

interface LoopReport {
  initialVersion: string;
  verdict: Verdict;
  state: LoopState;
}

async function runLoop(extraEnv: Record<string, string>): Promise<{ code: number | null; output: string; report: LoopReport }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mlops-loop-'));
  const reportFile = path.join(dir, 'report.json');
  try {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/loop/start.ts', '--scenario', 'tools/loop/scenarios/e2e-short.yaml', '--rate', '300', '--window-events', '2000', '--exit', '--grace-seconds', '120', '--report', reportFile],
      { cwd: root, env: { ...process.env, KAFKA_BROKERS: testBrokers().join(','), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const [code] = (await once(child, 'exit')) as [number | null];
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as LoopReport;
    return { code, output, report };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Once with the MLflow registry (the global setup's real MLflow server) and once with the
// embedded filesystem registry (MLFLOW_TRACKING_URI emptied), as `npm start` picks by that variable.
describe.each([
  ['the MLflow registry', {}, 'registry: MLflow at'],
  ['the embedded filesystem registry', { MLFLOW_TRACKING_URI: '' }, 'registry: embedded filesystem'],
])('the self-healing loop, end to end, with %s', (_name, env: Record<string, string>, registryLine) => {
  it('notices the concept switch, retrains once, redeploys, and accuracy comes back', async () => {
    const { code, output, report } = await runLoop(env);
    expect(output).toContain(registryLine);
    const { verdict, state, initialVersion } = report;
    if (code !== 0) process.stderr.write(output.slice(-6000));
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(code).toBe(0);

    // Exactly one retrain request after the switch, one new version whose lineage names it, one deployment.
    expect(state.retrainRequests).toHaveLength(1);
    const request = state.retrainRequests[0];
    const trained = state.registered.filter((r) => r.version !== initialVersion);
    expect(trained).toHaveLength(1);
    expect(trained[0].requestId).toBe(request.requestId);
    const redeployed = state.deployed.filter((d) => d.version !== initialVersion);
    expect(redeployed.map((d) => d.version)).toEqual([trained[0].version]);
    expect(verdict.accuracy.afterRedeploy!).toBeGreaterThanOrEqual(verdict.accuracy.beforeDrift! - 0.05);
  });
});
