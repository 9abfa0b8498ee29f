import { DEFAULT_DATASET_DRIFT_SHARE } from '@mlops/drift-stats';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { runToolOk } from './support/external-tools';
import { declaredMetricNames } from './support/declared-metric-names';
import { isExportedSeries, METRIC_CATALOG, PROMETHEUS_TARGET_SERIES } from './support/metric-catalog';
import { fromRoot } from './support/paths';
import { allRules, loadRuleGroups, RULE_TESTS_DIR, RULES_DIR, yamlFilesIn } from './support/prometheus-rules';
import { seriesNamesIn } from './support/promql-names';

// The alerts the pipeline promises operators (deploy/README.md describes each).
const EXPECTED_ALERTS = [
  'MlopsDatasetDrift',
  'MlopsConceptDrift',
  'MlopsRetrainRequested',
  'MlopsDeploymentRefused',
  'MlopsDeploymentRolledBack',
  'MlopsConsumerLagHigh',
  'MlopsServiceDown',
  'MlopsServiceAbsent',
  'MlopsServiceNotReady',
  'MlopsDeadLetterRateHigh',
  'MlopsPredictionDrift',
  'MlopsStreamingDetectorDrift',
  'MlopsLabelCoverageLow',
  'MlopsDriftWindowsStalled',
  'MlopsLateEventsHigh',
];

// Alerts on one model version's gauges: they judge only the version the drift service monitors
// (the deployed one), so a retired version's last window cannot keep them firing.
const DEPLOYED_VERSION_ALERTS = ['MlopsDatasetDrift', 'MlopsConceptDrift', 'MlopsPredictionDrift', 'MlopsStreamingDetectorDrift', 'MlopsLabelCoverageLow'];
const ON_DEPLOYED_VERSION = /\band\s+on\s*\(namespace,\s*model,\s*version\)\s*mlops_drift_monitored_version_info\s*$/;

interface RuleTestFile {
  rule_files: string[];
  tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[];
}

describe('Prometheus rules (deploy/prometheus)', () => {
  jest.setTimeout(60000);

  const groups = loadRuleGroups();
  const rules = allRules(groups);
  const recorded = new Set(rules.flatMap((r) => (r.record ? [r.record] : [])));

  it('pass `promtool check rules`', () => {
    runToolOk('promtool', ['check', 'rules', ...yamlFilesIn(RULES_DIR).map((f) => `${RULES_DIR}/${f}`)]);
  });

  it('pass their unit tests (`promtool test rules`)', () => {
    const run = runToolOk('promtool', ['test', 'rules', ...yamlFilesIn(RULE_TESTS_DIR)], RULE_TESTS_DIR);
    expect(run.stdout).not.toMatch(/FAILED/);
  });

  it('are loaded by the compose Prometheus (`promtool check config` follows rule_files)', () => {
    const run = runToolOk('promtool', ['check', 'config', fromRoot('deploy', 'prometheus', 'prometheus.yml')]);
    expect(run.stdout).toContain(`SUCCESS: ${yamlFilesIn(RULES_DIR).length} rule files found`);
  });

  it('define every alert the pipeline promises, each with a unique name', () => {
    const alerts = rules.flatMap((r) => (r.alert ? [r.alert] : []));
    expect(new Set(alerts).size).toBe(alerts.length);
    expect([...alerts].sort()).toEqual([...EXPECTED_ALERTS].sort());
  });

  it('read only series the services export, `up`, or recording rules defined here', () => {
    const unknown = rules.flatMap((rule) =>
      seriesNamesIn(rule.expr)
        .filter((name) => !isExportedSeries(name) && !PROMETHEUS_TARGET_SERIES.includes(name) && !recorded.has(name))
        .map((name) => `${rule.alert ?? rule.record}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('list in the catalog only series some service or lib declares', () => {
    expect(declaredMetricNames(Object.keys(METRIC_CATALOG)).missing).toEqual([]);
  });

  it('name recording rules level:metric:operations under mlops:', () => {
    for (const name of recorded) expect(name).toMatch(/^mlops:[a-z0-9_]+:[a-z0-9_]+$/);
  });

  it('give every alert a severity, a summary and a description', () => {
    for (const rule of rules.filter((r) => r.alert)) {
      expect({ alert: rule.alert, severity: rule.labels?.['severity'] }).toEqual({ alert: rule.alert, severity: expect.stringMatching(/^(info|warning|critical)$/) });
      expect(rule.annotations?.['summary']).toEqual(expect.any(String));
      expect(rule.annotations?.['description']).toEqual(expect.any(String));
    }
  });

  it('test every rule file and every alert firing at least once', () => {
    const testFiles = yamlFilesIn(RULE_TESTS_DIR).map((f) => parse(readFileSync(`${RULE_TESTS_DIR}/${f}`, 'utf8')) as RuleTestFile);
    const loaded = new Set(testFiles.flatMap((t) => t.rule_files.map((p) => p.replace(/^\.\.\/rules\//, ''))));
    expect([...loaded].sort()).toEqual(yamlFilesIn(RULES_DIR));
    const fired = new Set(
      testFiles.flatMap((t) => t.tests.flatMap((c) => (c.alert_rule_test ?? []).filter((a) => (a.exp_alerts ?? []).length > 0).map((a) => a.alertname))),
    );
    expect(EXPECTED_ALERTS.filter((a) => !fired.has(a))).toEqual([]);
  });

  it('test every alert staying silent too (a case that expects no alert)', () => {
    const testFiles = yamlFilesIn(RULE_TESTS_DIR).map((f) => parse(readFileSync(`${RULE_TESTS_DIR}/${f}`, 'utf8')) as RuleTestFile);
    const silent = new Set(testFiles.flatMap((t) => t.tests.flatMap((c) => (c.alert_rule_test ?? []).filter((a) => (a.exp_alerts ?? []).length === 0).map((a) => a.alertname))));
    expect(EXPECTED_ALERTS.filter((a) => !silent.has(a))).toEqual([]);
  });

  it('alert on dataset drift at the drift library\'s default share threshold', () => {
    const rule = rules.find((r) => r.alert === 'MlopsDatasetDrift')!;
    const threshold = Number(/\)\s*>\s*([0-9.]+)\s/.exec(rule.expr)?.[1]);
    expect(threshold).toBe(DEFAULT_DATASET_DRIFT_SHARE);
  });

  it('alert on per-version model gauges only for the deployed version', () => {
    const scoped = DEPLOYED_VERSION_ALERTS.map((alert) => ({ alert, scoped: ON_DEPLOYED_VERSION.test(rules.find((r) => r.alert === alert)?.expr.trim() ?? '') }));
    expect(scoped).toEqual(DEPLOYED_VERSION_ALERTS.map((alert) => ({ alert, scoped: true })));
  });
});
