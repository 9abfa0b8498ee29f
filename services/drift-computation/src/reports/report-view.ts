import type { DriftReport } from '@mlops/contracts';
import type { FeatureDistribution } from '../merge/feature-distributions';
import type { HistoryEntry } from './report-history';

/** GET /models/:name/reports/latest: the latest window in full, and the recent windows in short. */
export interface ReportView {
  model: string;
  latest: DriftReport;
  /** Reference vs current bucket shares of each column; absent when another instance evaluated the window. */
  distributions?: readonly FeatureDistribution[];
  history: {
    reportId: string;
    version: string;
    window: DriftReport['window'];
    driftType: DriftReport['driftType'];
    samples: DriftReport['samples'];
    datasetDriftShare: number;
    driftedFeatures: string[];
    predictionDriftScore?: number;
    performance?: { metric: string; current: number; baseline: number; degraded: boolean }[];
  }[];
}

export function reportView(model: string, entries: readonly HistoryEntry[]): ReportView | undefined {
  const latest = entries[entries.length - 1];
  if (!latest) return undefined;
  return {
    model,
    latest: latest.report,
    ...(latest.distributions ? { distributions: latest.distributions } : {}),
    history: entries.map(({ report }) => ({
      reportId: report.reportId,
      version: report.version,
      window: report.window,
      driftType: report.driftType,
      samples: report.samples,
      datasetDriftShare: report.datasetDrift.share,
      driftedFeatures: report.features.filter((f) => f.drifted).map((f) => f.feature),
      ...(report.predictionDrift ? { predictionDriftScore: report.predictionDrift.score } : {}),
      ...(report.performance ? { performance: report.performance.metrics.map(({ metric, current, baseline, degraded }) => ({ metric, current, baseline, degraded })) } : {}),
    })),
  };
}
