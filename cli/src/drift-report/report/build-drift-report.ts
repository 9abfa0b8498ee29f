import type { ColumnDriftResult, DatasetProfile, DriftEvaluation, ReferenceProfile, WindowProfile } from '@mlops/drift-stats';
import type { ProfiledSide } from '../profile/profile-side.types';
import type { ColumnPlan } from '../schema/column-plan';
import { columnChart } from './column-chart';
import { columnStats } from './column-stats';
import { ColumnReport, DRIFT_REPORT_FORMAT, DRIFT_REPORT_VERSION, DriftReportJson } from './drift-report.types';

export interface ReportInput {
  readonly evaluation: DriftEvaluation;
  readonly reference: ProfiledSide<ReferenceProfile> & { readonly file: string };
  readonly current: ProfiledSide<WindowProfile> & { readonly file: string };
  readonly plan: ColumnPlan;
  readonly settings: DriftReportJson['settings'];
  readonly generatedAt: Date;
}

/** The JSON report: drift-stats' evaluation plus what a reader needs (stats, charts, performance). */
export function buildDriftReport(input: ReportInput): DriftReportJson {
  const { evaluation, reference, current, plan } = input;
  const columns = evaluation.columns.map((result) => columnReport(result, reference.profile, current.profile));
  const byName = (name: string | undefined) => columns.find((c) => c.name === name) ?? null;
  const { share, threshold, drifted, driftedCount, evaluatedCount, skippedCount } = evaluation.datasetDrift;
  const target = plan.columns.find((c) => c.role === 'label');
  const prediction = plan.columns.find((c) => c.role === 'prediction');
  return {
    format: DRIFT_REPORT_FORMAT,
    version: DRIFT_REPORT_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    reference: { file: reference.file, rows: reference.rows, exact: reference.exact },
    current: { file: current.file, rows: current.rows, exact: current.exact },
    settings: input.settings,
    datasetDrift: { share, threshold, drifted, driftedCount, evaluatedCount, skippedCount },
    columns,
    targetDrift: byName(evaluation.labelDrift?.name),
    predictionDrift: byName(evaluation.predictionDrift?.name),
    performance:
      reference.performance !== null && current.performance !== null && target !== undefined && prediction !== undefined
        ? { task: reference.performance.task, target: target.name, prediction: prediction.name, reference: reference.performance.metrics, current: current.performance.metrics }
        : null,
    ignoredColumns: plan.ignored,
  };
}

function columnReport(result: ColumnDriftResult, reference: DatasetProfile, current: DatasetProfile): ColumnReport {
  const refView = reference.feature(result.name).toView();
  const curView = current.feature(result.name).toView();
  return {
    name: result.name,
    type: result.type,
    role: result.role,
    method: result.method,
    score: result.score,
    ...(result.pValue !== undefined ? { pValue: result.pValue } : {}),
    threshold: result.threshold,
    drifted: result.drifted,
    decidedBy: result.decidedBy,
    ...(result.effectSize !== undefined && Number.isFinite(result.effectSize) ? { effectSize: result.effectSize } : {}),
    approximate: result.approximate === true,
    insufficientData: result.insufficientData === true,
    reference: columnStats(refView),
    current: columnStats(curView),
    chart: columnChart(refView, curView),
  };
}
