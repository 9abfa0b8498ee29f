import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { runTool } from './support/external-tools';
import { isExportedSeries, PROMETHEUS_TARGET_SERIES } from './support/metric-catalog';
import { fromRoot } from './support/paths';
import { allRules, loadRuleGroups } from './support/prometheus-rules';
import { seriesNamesIn, withGrafanaVariablesResolved } from './support/promql-names';

interface Target {
  expr?: string;
  refId: string;
  datasource?: { type: string; uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  targets?: Target[];
  datasource?: { type: string; uid: string };
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; query?: { query: string } | string }[] };
}

// What an operator must see at a glance (issue 9 and deploy/README.md).
const REQUIRED_PANELS = [
  'Champion version',
  'Dataset drift share',
  'Performance: current window vs baseline',
  'Per-feature drift score',
  'Events/s by outcome',
  'Dead-lettered events/s',
  'Consumer lag',
  'Inference latency p50 / p99',
  'Deployments by outcome',
];

describe('Grafana dashboard (deploy/grafana/dashboards/mlops-pipeline.json)', () => {
  const dashboard = JSON.parse(readFileSync(fromRoot('deploy', 'grafana', 'dashboards', 'mlops-pipeline.json'), 'utf8')) as Dashboard;
  const queryPanels = dashboard.panels.filter((p) => p.type !== 'row');
  const exprs = queryPanels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr ?? '' })));
  const recorded = new Set(allRules(loadRuleGroups()).flatMap((r) => (r.record ? [r.record] : [])));
  const variableQueries = dashboard.templating.list
    .filter((v) => v.type === 'query')
    .map((v) => (typeof v.query === 'string' ? v.query : (v.query?.query ?? '')));

  it('is a dashboard with a stable uid, unique panel ids and the panels operators need', () => {
    expect(dashboard.uid).toBe('mlops-pipeline');
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(REQUIRED_PANELS.filter((title) => !queryPanels.some((p) => p.title === title))).toEqual([]);
  });

  it('queries Prometheus through the datasource variable, so it imports into any Grafana', () => {
    expect(dashboard.templating.list.find((v) => v.name === 'datasource')).toEqual(expect.objectContaining({ type: 'datasource', query: 'prometheus' }));
    for (const panel of queryPanels) {
      expect({ panel: panel.title, uid: panel.datasource?.uid }).toEqual({ panel: panel.title, uid: '${datasource}' });
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.expr).toEqual(expect.stringMatching(/\S/));
    }
  });

  it('reads only series the services export, `up`, or recording rules of deploy/prometheus/rules', () => {
    const labelValuesMetrics = variableQueries.flatMap((q) => /^label_values\(\s*([A-Za-z_:][\w:]*)/.exec(q)?.slice(1) ?? []);
    const used = [...exprs.flatMap(({ panel, expr }) => seriesNamesIn(expr).map((name) => ({ panel, name }))), ...labelValuesMetrics.map((name) => ({ panel: 'variables', name }))];
    expect(exprs.filter(({ expr }) => seriesNamesIn(expr).length === 0)).toEqual([]);
    const unknown = used.filter(({ name }) => !isExportedSeries(name) && !PROMETHEUS_TARGET_SERIES.includes(name) && !recorded.has(name));
    expect(unknown).toEqual([]);
  });

  it('holds only valid PromQL (each expression checked by promtool, with Grafana variables filled in)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlops-dashboard-'));
    try {
      const file = path.join(dir, 'dashboard-queries.yml');
      const rules = exprs.map(({ expr }, i) => ({ record: `dashboard_query_${i}`, expr: withGrafanaVariablesResolved(expr) }));
      writeFileSync(file, stringify({ groups: [{ name: 'dashboard', rules }] }));
      const run = runTool('promtool', ['check', 'rules', file]);
      expect({ status: run.status, output: run.stdout + run.stderr }).toEqual({ status: 0, output: expect.stringContaining(`SUCCESS: ${rules.length} rules found`) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
