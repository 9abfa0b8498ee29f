import type { DriftReport } from '@mlops/contracts';
import type { FeatureDistribution } from '../merge/feature-distributions';

/** A report as the HTTP endpoints show it; `distributions` only where this instance evaluated the window. */
export interface HistoryEntry {
  readonly report: DriftReport;
  readonly distributions?: readonly FeatureDistribution[];
}

/**
 * The most recent reports of each model, from `drift.reports` (every instance follows it, so
 * any instance can answer) plus the charts' data of the windows this instance evaluated.
 */
export class ReportHistory {
  private readonly byModel = new Map<string, Map<string, HistoryEntry>>();

  constructor(private readonly perModel: number) {}

  add(report: DriftReport, distributions?: readonly FeatureDistribution[]): void {
    let reports = this.byModel.get(report.model);
    if (!reports) this.byModel.set(report.model, (reports = new Map()));
    const known = reports.get(report.reportId);
    reports.set(report.reportId, { report, distributions: distributions ?? known?.distributions });
    if (reports.size > this.perModel) {
      const oldest = [...reports.values()].sort(byWindowEnd)[0];
      reports.delete(oldest.report.reportId);
    }
  }

  /** Oldest first. */
  history(model: string): HistoryEntry[] {
    return [...(this.byModel.get(model)?.values() ?? [])].sort(byWindowEnd);
  }

  latest(model: string): HistoryEntry | undefined {
    const all = this.history(model);
    return all[all.length - 1];
  }

  models(): string[] {
    return [...this.byModel.keys()].sort();
  }
}

function byWindowEnd(a: HistoryEntry, b: HistoryEntry): number {
  return Date.parse(a.report.window.end) - Date.parse(b.report.window.end) || a.report.version.localeCompare(b.report.version, 'en', { numeric: true });
}
