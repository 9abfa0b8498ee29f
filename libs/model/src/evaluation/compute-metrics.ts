import { classificationMetrics, regressionMetrics } from '@mlops/drift-stats';
import type { ModelMetrics } from '../model/model-metadata';
import { predictedClassIndex } from '../target/decode-outputs';
import type { LabelValue, TargetEncoding } from '../target/target-encoding';

/**
 * Metrics of network outputs against true labels, computed by @mlops/drift-stats so the
 * baseline saved with the model and the windows measured in production use one definition.
 *
 * - binary: `accuracy`, `f1` (of the positive class), `roc_auc`, `log_loss`;
 * - multiclass: `accuracy`, `f1` (macro average over classes);
 * - regression: `mae`, `rmse`, `r2`.
 *
 * A metric that is undefined for the data (AUC with one class present, R² of a constant
 * target) is left out rather than written as NaN, so the result is valid JSON and fits the
 * contracts' metric maps.
 */
export function computeMetrics(outputs: Float32Array, labels: readonly LabelValue[], target: TargetEncoding): ModelMetrics {
  if (target.task === 'regression') {
    const predicted = Array.from(outputs, (o) => o * target.std + target.mean);
    const m = regressionMetrics(labels as readonly number[], predicted);
    return defined({ mae: m.mae, rmse: m.rmse, r2: m.r2 });
  }
  const predicted = labels.map((_, r) => target.classes[predictedClassIndex(outputs, r, target)]);
  if (target.task === 'binary') {
    const m = classificationMetrics(labels, predicted, outputs, { positiveLabel: target.classes[1] });
    return defined({ accuracy: m.accuracy, f1: m.f1, roc_auc: m.rocAuc, log_loss: m.logLoss });
  }
  const m = classificationMetrics(labels, predicted);
  return defined({ accuracy: m.accuracy, f1: m.macroF1 });
}

function defined(values: Record<string, number | null>): ModelMetrics {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && Number.isFinite(v)) out[k] = v;
  return out;
}
