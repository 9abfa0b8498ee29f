import { ReferenceProfile, type FeatureSchema } from '@mlops/drift-stats';
import { BASELINE_LABEL_COLUMN, BASELINE_PREDICTION_COLUMN, BASELINE_SCORE_COLUMN, type LabelValue } from '@mlops/model';
import { ModelDataError } from '../errors';
import type { DataTable, TableValue } from '../data/data-table';
import { distinctLabels, inferTaskKind, type TaskKind } from '../data/labeled-rows';
import type { ColumnRoles } from '../data/resolve-roles';
import { monitoringMetrics } from './monitoring-metrics';

export interface MonitoringBaseline {
  /** A drift-stats ReferenceProfile with the layout of libs/model's baselines, so the drift service reads it unchanged. */
  readonly profile: ReferenceProfile;
  readonly metrics: Record<string, number>;
  /** Null when neither a target nor a prediction is given (data drift only). */
  readonly task: TaskKind | null;
  readonly rows: number;
  readonly features: readonly FeatureSchema[];
}

/**
 * The baseline of a model trained and served elsewhere, from its reference data: every feature
 * column, and the model's output as `__prediction__` (plus `__score__` for a binary score) and
 * the truth as `__label__`, with the roles and types libs/model uses. The drift service then
 * measures data, prediction and concept drift against it as it does for the models it trains.
 * Metrics need both a target and a prediction.
 */
export function buildMonitoringBaseline(table: DataTable, roles: ColumnRoles, options: { seed: number; task?: TaskKind }): MonitoringBaseline {
  const columns: Record<string, TableValue[]> = {};
  const features: FeatureSchema[] = roles.features.map((i) => {
    const { name, type } = table.columns[i];
    columns[name] = table.rows.map((r) => r[i]);
    return { name, type: type === 'datetime' ? 'categorical' : type, role: 'feature' };
  });
  const labels = roles.target === undefined ? undefined : table.rows.map((r) => r[roles.target as number] as LabelValue | null);
  const predictions = roles.prediction === undefined ? undefined : table.rows.map((r) => r[roles.prediction as number] as LabelValue | null);
  const known = [...(labels ?? []), ...(predictions ?? [])].filter((v): v is LabelValue => v !== null);
  if ((labels || predictions) && known.length === 0) throw new ModelDataError(`${table.file}: the target and prediction columns hold no value`);
  const task = labels || predictions ? (options.task ?? inferTaskKind(known)) : null;
  const classes = task === 'classification' ? distinctLabels(known) : [];
  const outcome: FeatureSchema['type'] = task === 'regression' ? 'numerical' : typeof known[0] === 'boolean' ? 'boolean' : 'categorical';
  if (task === 'regression') {
    const text = known.find((v) => typeof v !== 'number');
    if (text !== undefined) throw new ModelDataError(`${table.file}: a regression target and prediction must be numbers, found ${JSON.stringify(text)}`);
  }
  const schema: FeatureSchema[] = [...features];
  if (predictions) {
    columns[BASELINE_PREDICTION_COLUMN] = predictions;
    schema.push({ name: BASELINE_PREDICTION_COLUMN, type: outcome, role: 'prediction' });
  }
  const scores = roles.score === undefined ? undefined : scoresOf(table, roles.score);
  if (scores) {
    if (task !== 'classification' || classes.length > 2) throw new ModelDataError(`--score ${JSON.stringify(table.columns[roles.score as number].name)}: a score is the positive-class probability of a binary classifier`);
    columns[BASELINE_SCORE_COLUMN] = scores;
    schema.push({ name: BASELINE_SCORE_COLUMN, type: 'numerical', role: 'prediction' });
  }
  if (labels) {
    columns[BASELINE_LABEL_COLUMN] = labels;
    schema.push({ name: BASELINE_LABEL_COLUMN, type: outcome, role: 'label' });
  }
  const metrics =
    task !== null && labels && predictions
      ? monitoringMetrics({ task, labels, predictions, scores, positiveLabel: classes.length === 2 ? classes[1] : undefined, classes: classes.length })
      : {};
  return { profile: ReferenceProfile.fromColumns(columns, schema, { seed: options.seed }), metrics, task, rows: table.rows.length, features };
}

function scoresOf(table: DataTable, index: number): (number | null)[] {
  const column = table.columns[index];
  if (column.type !== 'numerical') throw new ModelDataError(`--score ${JSON.stringify(column.name)}: expected probabilities in [0, 1], the column is ${column.type}`);
  return table.rows.map((r) => {
    const v = r[index] as number | null;
    if (v !== null && (v < 0 || v > 1)) throw new ModelDataError(`--score ${JSON.stringify(column.name)}: ${v} is not a probability in [0, 1]`);
    return v;
  });
}
