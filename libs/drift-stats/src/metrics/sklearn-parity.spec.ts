import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClassificationStats } from './classification.stats';
import { RegressionStats } from './regression.stats';
import { rocAuc } from './roc-auc';

// Golden values from scikit-learn, made by scripts/generate_metric_fixtures.py.

type Expected = Record<string, unknown>;
interface ClassificationCase {
  name: string;
  task: 'classification';
  positiveLabel: string | number;
  bins: number;
  yTrue: (string | number)[];
  yPred: (string | number)[];
  scores: number[] | null;
  expected: Expected;
}
interface RegressionCase {
  name: string;
  task: 'regression';
  yTrue: number[];
  yPred: number[];
  expected: Expected;
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/metrics/sklearn-metrics.json'), 'utf8'),
) as { reference: string; cases: (ClassificationCase | RegressionCase)[] };

const classification = fixture.cases.filter((c): c is ClassificationCase => c.task === 'classification');
const regression = fixture.cases.filter((c): c is RegressionCase => c.task === 'regression');

/** Relative error ≤ 1e-9 (absolute near zero); null must match null exactly. */
function expectClose(actual: number | null | undefined, expected: unknown, what: string): void {
  if (expected === null) {
    expect({ [what]: actual }).toEqual({ [what]: null });
    return;
  }
  const e = expected as number;
  expect(typeof actual).toBe('number');
  const error = Math.abs((actual as number) - e) / Math.max(Math.abs(e), 1e-300);
  if (!(error <= 1e-9 || Math.abs((actual as number) - e) <= 1e-15)) {
    throw new Error(`${what}: ${actual} vs scikit-learn ${e} (relative error ${error})`);
  }
}

describe(`metrics parity with ${fixture.reference}`, () => {
  it('has the expected fixture cases', () => {
    expect(classification.length).toBeGreaterThanOrEqual(6);
    expect(regression.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(classification.map((c) => [c.name, c] as const))('classification %s', (_name, c) => {
    const m = new ClassificationStats({ positiveLabel: c.positiveLabel, bins: c.bins })
      .updateMany(c.yTrue, c.yPred, c.scores ?? undefined)
      .compute();
    const e = c.expected;

    it('matches counts and the confusion matrix exactly', () => {
      expect(m.n).toBe(e['n']);
      expect(m.confusionMatrix).toEqual(e['confusionMatrix']);
      expect(m.perClass.map((p) => [p.label, p.support])).toEqual(
        (e['perClass'] as { label: unknown; support: number }[]).map((p) => [p.label, p.support]),
      );
    });

    it('matches accuracy, binary and macro precision / recall / F1', () => {
      for (const key of ['accuracy', 'precision', 'recall', 'f1', 'macroPrecision', 'macroRecall', 'macroF1'] as const) {
        expectClose(m[key], e[key], key);
      }
      (e['perClass'] as Record<string, number | null>[]).forEach((p, i) => {
        for (const key of ['precision', 'recall', 'f1'] as const) expectClose(m.perClass[i][key], p[key], `${key}[${i}]`);
      });
    });

    if (c.scores !== null) {
      const scores = c.scores;
      it('matches log loss, mean score, positive rate and prediction bias', () => {
        for (const key of ['logLoss', 'meanScore', 'positiveRate', 'predictionBias'] as const) {
          expectClose(m[key], e[key], key);
        }
      });

      it('matches the exact AUC with rocAuc()', () => {
        expectClose(rocAuc(c.yTrue, scores, c.positiveLabel), e['rocAucExact'], 'rocAuc');
      });

      it('reads the histogram AUC within its reported bound of the exact AUC', () => {
        expectClose(m.rocAuc, e['rocAucHistogram'], 'histogram AUC');
        expectClose(m.rocAucErrorBound, e['rocAucErrorBound'], 'bound');
        if (e['rocAucExact'] !== null) {
          expect(Math.abs(m.rocAuc! - (e['rocAucExact'] as number))).toBeLessThanOrEqual(m.rocAucErrorBound! + 1e-15);
        }
      });
    }
  });

  describe.each(regression.map((c) => [c.name, c] as const))('regression %s', (_name, c) => {
    it('matches MAE, MSE, RMSE, MAPE, R² and mean error', () => {
      const m = new RegressionStats().updateMany(c.yTrue, c.yPred).compute();
      expect(m.n).toBe(c.expected['n']);
      for (const key of ['meanError', 'mae', 'mse', 'rmse', 'mape', 'r2'] as const) {
        expectClose(m[key], c.expected[key], key);
      }
    });
  });
});
