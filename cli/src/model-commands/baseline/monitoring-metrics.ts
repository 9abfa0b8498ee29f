import { classificationMetrics, regressionMetrics } from '@mlops/drift-stats';
import type { LabelValue } from '@mlops/model';
import type { TaskKind } from '../data/labeled-rows';

/**
 * The metrics of a model that ran elsewhere, measured on the reference file (its target against
 * its prediction), with the names and definitions libs/model records for the models it trains:
 * binary `accuracy`, `f1` (positive class) and, with a score, `roc_auc` and `log_loss`; multiclass
 * `accuracy` and `f1` (macro); regression `mae`, `rmse`, `r2`. Drift compares production windows
 * against these. A metric that is undefined for the data is left out.
 */
export function monitoringMetrics(input: {
  task: TaskKind;
  labels: readonly (LabelValue | null)[];
  predictions: readonly (LabelValue | null)[];
  /** Binary only: the positive class's probability. */
  scores?: readonly (number | null)[];
  /** Binary only: the class the score and f1 are about. */
  positiveLabel?: LabelValue;
  classes: number;
}): Record<string, number> {
  if (input.task === 'regression') {
    const m = regressionMetrics(numbers(input.labels), numbers(input.predictions));
    return defined({ mae: m.mae, rmse: m.rmse, r2: m.r2 });
  }
  if (input.classes <= 2) {
    const m = classificationMetrics(input.labels, input.predictions, input.scores, { positiveLabel: input.positiveLabel });
    return defined({ accuracy: m.accuracy, f1: m.f1, roc_auc: input.scores ? m.rocAuc : null, log_loss: input.scores ? m.logLoss : null });
  }
  const m = classificationMetrics(input.labels, input.predictions);
  return defined({ accuracy: m.accuracy, f1: m.macroF1 });
}

function numbers(values: readonly (LabelValue | null)[]): (number | null)[] {
  return values.map((v) => (typeof v === 'number' ? v : null));
}

function defined(values: Record<string, number | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && Number.isFinite(v)) out[k] = v;
  return out;
}
