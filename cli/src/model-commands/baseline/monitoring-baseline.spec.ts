import { profileFromJSON, profileToJSONText, ReferenceProfile } from '@mlops/drift-stats';
import { baselineSchema, type TargetEncoding } from '@mlops/model';
import type { DataTable } from '../data/data-table';
import { resolveRoles } from '../data/resolve-roles';
import { buildMonitoringBaseline } from './monitoring-baseline';

const classification: DataTable = {
  file: 'scored.csv',
  columns: [
    { name: 'age', type: 'numerical' },
    { name: 'city', type: 'categorical' },
    { name: 'y', type: 'numerical' },
    { name: 'p', type: 'numerical' },
    { name: 's', type: 'numerical' },
  ],
  rows: [
    [30, 'Rome', 1, 1, 0.9],
    [40, 'Oslo', 0, 0, 0.2],
    [50, 'Rome', 1, 0, 0.4],
    [60, null, 1, 1, 0.7],
  ],
  modifiedAt: new Date(0),
};

describe('buildMonitoringBaseline', () => {
  it('lays the profile out as libs/model does for the models it trains', () => {
    const roles = resolveRoles(classification, { target: 'y', prediction: 'p', score: 's', ignore: [] });
    const baseline = buildMonitoringBaseline(classification, roles, { seed: 0 });
    const target: TargetEncoding = { task: 'binary', classes: [0, 1] } as TargetEncoding;
    const expected = baselineSchema(
      [
        { name: 'age', type: 'numerical' },
        { name: 'city', type: 'categorical' },
      ],
      target,
    );
    const specs = baseline.profile.specs.map((s) => ({ name: s.name, type: s.type, role: s.role }));
    expect(specs).toEqual(expected.map((s) => ({ name: s.name, type: s.type, role: s.role })));
    expect(baseline).toMatchObject({ task: 'classification', rows: 4 });
    // Round trip through the JSON the registry stores: still a reference profile.
    expect(profileFromJSON(JSON.parse(profileToJSONText(baseline.profile)))).toBeInstanceOf(ReferenceProfile);
  });

  it('measures binary metrics with the positive class the model would choose (the larger)', () => {
    const roles = resolveRoles(classification, { target: 'y', prediction: 'p', score: 's', ignore: [] });
    const { metrics } = buildMonitoringBaseline(classification, roles, { seed: 0 });
    // y = 1,0,1,1; p = 1,0,0,1: accuracy 3/4; class 1: TP 2, FP 0, FN 1 → F1 = 4/5.
    expect(metrics['accuracy']).toBeCloseTo(0.75, 12);
    expect(metrics['f1']).toBeCloseTo(0.8, 12);
    // Scores of positives 0.9, 0.4, 0.7 against the negative's 0.2: every pair ranked right.
    expect(metrics['roc_auc']).toBeCloseTo(1, 2);
    expect(metrics['log_loss']).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.7)) / 4, 9);
  });

  it('measures regression metrics and profiles a numerical outcome', () => {
    const table: DataTable = {
      file: 'r.csv',
      columns: [
        { name: 'x', type: 'numerical' },
        { name: 'y', type: 'numerical' },
        { name: 'p', type: 'numerical' },
      ],
      rows: [
        [0, 1.5, 1.5],
        [1, 2.5, 2.5],
        [2, 3.5, 4.5],
      ],
      modifiedAt: new Date(0),
    };
    const baseline = buildMonitoringBaseline(table, resolveRoles(table, { target: 'y', prediction: 'p', ignore: [] }), { seed: 0 });
    expect(baseline.task).toBe('regression');
    expect(baseline.metrics['mae']).toBeCloseTo(1 / 3, 12);
    expect(baseline.metrics['rmse']).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(baseline.metrics['r2']).toBeCloseTo(0.5, 12);
    expect(baseline.profile.specs.find((s) => s.name === '__prediction__')?.type).toBe('numerical');
  });

  it('profiles features only when no target or prediction is named (data drift only, no metrics)', () => {
    const baseline = buildMonitoringBaseline(classification, resolveRoles(classification, { ignore: [] }), { seed: 0 });
    expect(baseline).toMatchObject({ task: null, metrics: {} });
    expect(baseline.profile.specs.every((s) => s.role === 'feature')).toBe(true);
  });

  it('refuses a score for a regression and text in a regression', () => {
    const roles = resolveRoles(classification, { target: 'age', prediction: 'p', score: 's', ignore: [] });
    expect(() => buildMonitoringBaseline(classification, roles, { seed: 0, task: 'regression' })).toThrow('--score "s": a score is the positive-class probability of a binary classifier');
    const text = resolveRoles(classification, { target: 'city', prediction: 'p', ignore: [] });
    expect(() => buildMonitoringBaseline(classification, text, { seed: 0, task: 'regression' })).toThrow('scored.csv: a regression target and prediction must be numbers, found "Rome"');
  });
});
