import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AGRAWAL_FEATURES } from '@mlops/simulation';
import { testBrokers } from '@mlops/testing';
import { LocalPrometheus, startLocalPrometheus } from '../../prometheus/local-prometheus';
import { freePortRange } from '../free-port-range';
import type { LoopState } from '../loop-state';
import type { Verdict } from '../loop-verdict';
import { SERVICES } from '../service-fleet';
import { LoopInPrometheus, readLoopFromPrometheus } from './support/loop-in-prometheus';
import { stretches } from './support/series-periods';

// The whole loop as a user runs it: `npm start -- --exit` with the five services as separate
// processes on the real broker, a short scenario (stable, then an Agrawal concept switch), and a
// real Prometheus scraping the five services and evaluating deploy/prometheus/rules meanwhile.
jest.setTimeout(600_000);

const root = path.resolve(__dirname, '..', '..', '..');
const MODEL = 'loan-approval';

interface LoopReport {
  initialVersion: string;
  verdict: Verdict;
  state: LoopState;
}

async function runLoop(extraEnv: Record<string, string>, basePort: number): Promise<{ code: number | null; output: string; report: LoopReport }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mlops-loop-'));
  const reportFile = path.join(dir, 'report.json');
  try {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/loop/start.ts', '--scenario', 'tools/loop/scenarios/e2e-short.yaml', '--rate', '300', '--window-events', '2000', '--exit', '--grace-seconds', '120', '--report', reportFile, '--base-port', String(basePort)],
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

/** Polls until Prometheus has all five services up, until `done()`; resolves with when (or undefined). */
async function whenAllUp(prometheus: LocalPrometheus, done: () => boolean): Promise<number | undefined> {
  while (!done()) {
    const up = await prometheus.query('up{job="mlops"} == 1').catch(() => []);
    if (up.length === SERVICES.length) return Date.now();
    await new Promise((r) => setTimeout(r, 500));
  }
  return undefined;
}

// Once with the MLflow registry (the global setup's real MLflow server) and once with the
// embedded filesystem registry (MLFLOW_TRACKING_URI emptied), as `npm start` picks by that variable.
describe.each([
  ['the MLflow registry', {}, 'registry: MLflow at'],
  ['the embedded filesystem registry', { MLFLOW_TRACKING_URI: '' }, 'registry: embedded filesystem'],
])('the self-healing loop, end to end, with %s', (_name, env: Record<string, string>, registryLine) => {
  let prometheus: LocalPrometheus | undefined;
  afterEach(() => prometheus?.stop());

  it('notices the concept switch, retrains once, redeploys, and accuracy comes back; Prometheus sees it all', async () => {
    const basePort = await freePortRange(SERVICES.length);
    prometheus = await startLocalPrometheus({ targets: SERVICES.map((service, i) => ({ service, address: `127.0.0.1:${basePort + i}` })) });
    const startedAt = Date.now();
    let finished = false;
    const allUp = whenAllUp(prometheus, () => finished);
    const { code, output, report } = await runLoop(env, basePort).finally(() => (finished = true));
    const endedAt = Date.now();
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

    // --- What Prometheus recorded meanwhile (range queries over the run).
    const allUpAt = await allUp;
    expect(allUpAt).toBeDefined();
    const seen = await readLoopFromPrometheus(prometheus, MODEL, startedAt, endedAt);
    try {
      expectLoopInPrometheus(seen, { initialVersion, newVersion: trained[0].version, allUpAt: allUpAt!, driftBegan: verdict.timeline[0].atMs!, requestedAt: request.at, redeployedAt: redeployed[0].at });
    } catch (error) {
      process.stderr.write(`what Prometheus recorded: ${JSON.stringify(seen)}\n`);
      throw error;
    }
  });
});

/** The loop as Prometheus saw it: series from all five services, and the repo's alert rules evaluated live. */
function expectLoopInPrometheus(
  seen: LoopInPrometheus,
  run: { initialVersion: string; newVersion: string; allUpAt: number; driftBegan: number; requestedAt: number; redeployedAt: number },
): void {
  const { initialVersion, newVersion } = run;
  // All five services scraped from the moment they all were up until the redeploy, none down for
  // more than 3 s in a row (a crashed one would stay down). Single failed scrapes do happen: the
  // retraining service trains on its event loop, which can stall /metrics past the 1 s scrape timeout.
  for (const service of SERVICES) {
    const down = seen.up[service].filter((s) => s.at >= run.allUpAt && s.at <= run.redeployedAt && s.value !== 1);
    expect({ service, longerOutages: stretches(down.map((s) => s.at), 1500).filter((p) => p.to - p.from >= 3000) }).toEqual({ service, longerOutages: [] });
  }

  // Drift series: one score per feature and a dataset drift share, for both versions.
  for (const version of [initialVersion, newVersion]) {
    expect({ version, features: [...(seen.featureDriftSeries[version] ?? [])].sort() }).toEqual({ version, features: AGRAWAL_FEATURES.map((f) => f.name).sort() });
    expect(seen.datasetDriftShare[version]?.length).toBeGreaterThan(0);
  }

  // Accuracy per window against the baseline: on par before the switch, more than 10 % below
  // after it with the first version, back on par with the retrained one.
  const [first, retrained] = [seen.accuracy[initialVersion], seen.accuracy[newVersion]];
  expect({ first: first?.current.length > 0, retrained: retrained?.current.length > 0 }).toEqual({ first: true, retrained: true });
  const base = first.baseline[0].value;
  expect(first.current.filter((s) => s.at < run.driftBegan).every((s) => s.value >= base - 0.1)).toBe(true);
  expect(first.current.some((s) => s.at > run.driftBegan && s.value < base * 0.9)).toBe(true);
  expect(retrained.current.every((s) => s.value >= retrained.baseline[0].value * 0.9)).toBe(true);

  // Deployments: two promotions (the first model, the retrained one); the champion and the version
  // inference serves change from the first to the new one, and requests are served by it.
  expect(seen.promotions[seen.promotions.length - 1].value).toBe(2);
  expect(seen.champion.map((p) => p.version)).toEqual([initialVersion, newVersion]);
  expect(seen.servedWith.map((p) => p.version)).toEqual([initialVersion, newVersion]);
  const servedByNew = seen.served[newVersion];
  expect(servedByNew[0].at).toBeGreaterThan(run.requestedAt - 1000);
  expect(servedByNew[servedByNew.length - 1].value).toBeGreaterThan(0);

  // Alerts (the repo's rules, `for:` ÷60): concept drift fires for the first version after the
  // switch and never before it; it never concerns the retrained version, so once that one serves
  // no concept-drift alert is about the serving model. A retrain-requested alert follows the request.
  const conceptDrift = seen.alerts.filter((a) => a.alertname === 'MlopsConceptDrift');
  expect(conceptDrift.filter((a) => a.from < run.driftBegan)).toEqual([]);
  expect(conceptDrift.some((a) => a.state === 'firing' && a.version === initialVersion)).toBe(true);
  expect(conceptDrift.filter((a) => a.version === newVersion)).toEqual([]);
  // The first version's alert resolves with the redeploy (within a scrape, an evaluation and the
  // drift service learning of the deployment, on a loaded machine), although its last, bad window
  // is still exported after that: the alerts judge only the deployed version.
  const settled = run.redeployedAt + 15_000;
  expect(first.current.some((s) => s.at > settled && s.value < base * 0.9)).toBe(true);
  expect(conceptDrift.filter((a) => a.version === initialVersion && a.to >= settled)).toEqual([]);
  expect(seen.alerts.some((a) => a.alertname === 'MlopsRetrainRequested' && a.state === 'firing' && a.from >= run.requestedAt - 2000)).toBe(true);
}
