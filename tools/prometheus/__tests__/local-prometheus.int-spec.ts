import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@mlops/testing';
import { parse } from 'yaml';
import { LocalPrometheus, REPO_RULES_DIR, startLocalPrometheus } from '../local-prometheus';

// The runner against a real Prometheus: a small HTTP server stands in for a service's /metrics.
jest.setTimeout(90_000);

/** An HTTP server whose /metrics body the test sets. */
async function fakeExporter(): Promise<{ server: Server; address: string; set(body: string): void }> {
  let body = '';
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`, set: (b) => (body = b) };
}

describe('startLocalPrometheus', () => {
  let exporter: Awaited<ReturnType<typeof fakeExporter>>;
  let prometheus: LocalPrometheus | undefined;
  beforeEach(async () => (exporter = await fakeExporter()));
  afterEach(async () => {
    await prometheus?.stop();
    prometheus = undefined;
    exporter.server.close();
  });

  it('scrapes its targets, and a rule with `for: 5m` fires within seconds and resolves', async () => {
    const rulesDir = mkdtempSync(path.join(os.tmpdir(), 'rules-'));
    writeFileSync(
      path.join(rulesDir, 'test.alerts.yml'),
      ['groups:', '  - name: t', '    rules:', '      - alert: GaugeHigh', '        expr: test_gauge > 1', '        for: 5m', '        labels: { severity: warning }'].join('\n'),
    );
    try {
      exporter.set('test_gauge{model="m"} 5\n');
      prometheus = await startLocalPrometheus({ targets: [{ address: exporter.address, service: 'fake' }], rulesDir });
      const p = prometheus;
      await waitFor(async () => (await p.query('up{job="mlops", service="fake"} == 1')).length === 1, 'the target up', { timeoutMs: 20_000, intervalMs: 250 });
      expect((await p.targets()).map((t) => [t.labels['service'], t.health])).toEqual([['fake', 'up']]);
      expect((await p.query('test_gauge'))[0].value[1]).toBe('5');

      // 5m / 60 = 5 s pending, then firing.
      await waitFor(async () => (await p.alerts()).some((a) => a.labels['alertname'] === 'GaugeHigh' && a.state === 'pending'), 'GaugeHigh pending', { timeoutMs: 20_000, intervalMs: 250 });
      const pendingSince = Date.now();
      await waitFor(async () => (await p.alerts()).some((a) => a.labels['alertname'] === 'GaugeHigh' && a.state === 'firing'), 'GaugeHigh firing', { timeoutMs: 30_000, intervalMs: 250 });
      expect(Date.now() - pendingSince).toBeGreaterThanOrEqual(3_000);

      exporter.set('test_gauge{model="m"} 0\n');
      await waitFor(async () => (await p.alerts()).length === 0, 'GaugeHigh resolved', { timeoutMs: 20_000, intervalMs: 250 });
      // The history holds it too: ALERTS{alertstate="firing"} has samples, and none now.
      const history = await p.queryRange('ALERTS{alertname="GaugeHigh", alertstate="firing"}', pendingSince - 10_000, Date.now(), 1);
      expect(history).toHaveLength(1);
      expect(history[0].values.length).toBeGreaterThan(0);
      expect(await p.query('ALERTS{alertname="GaugeHigh"}')).toEqual([]);
    } finally {
      rmSync(rulesDir, { recursive: true, force: true });
    }
  });

  it("loads every rule of the repo's deploy/prometheus/rules, healthy", async () => {
    prometheus = await startLocalPrometheus({ targets: [{ address: exporter.address, service: 'fake' }] });
    const p = prometheus;
    const files = readdirSync(REPO_RULES_DIR).filter((f) => f.endsWith('.yml'));
    const expected = files.flatMap((f) => (parse(readFileSync(path.join(REPO_RULES_DIR, f), 'utf8')) as { groups: { rules: { alert?: string; record?: string }[] }[] }).groups.flatMap((g) => g.rules.map((r) => r.alert ?? r.record)));
    // Health is "unknown" until a rule's first evaluation, one interval (1 s) after start.
    await waitFor(async () => (await p.rules()).flatMap((g) => g.rules).every((r) => r.health === 'ok'), 'every rule evaluated ok', { timeoutMs: 20_000, intervalMs: 250 }).catch(async (e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify((await p.rules()).flatMap((g) => g.rules).filter((r) => r.health !== 'ok'))}`);
    });
    expect((await p.rules()).flatMap((g) => g.rules.map((r) => r.name)).sort()).toEqual([...expected].sort());
  });

  it('says why when it cannot start', async () => {
    await expect(startLocalPrometheus({ targets: [], rulesDir: null, binary: 'no-such-prometheus-binary' })).rejects.toThrow(/could not run no-such-prometheus-binary/);
  });
});
