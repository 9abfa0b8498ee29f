/**
 * What the HTML drift report shows, independent of who produced the numbers: the CLI maps its
 * `--json` document to it, the drift service maps the DriftReports of a model's recent windows.
 * Plain data (no functions), so a producer can build it anywhere and test the mapping alone.
 */

/** Reference vs current shares (each side sums to at most 1) over the same buckets. */
export type DistributionView =
  /** Numerical: bins on a number line; `edges` has one more entry than each share list. */
  | { readonly kind: 'histogram'; readonly edges: readonly number[]; readonly reference: readonly number[]; readonly current: readonly number[] }
  /** Numerical, bins known only by their labels (e.g. quantile bins with open ends): ordered, overlaid. */
  | { readonly kind: 'bins'; readonly labels: readonly string[]; readonly reference: readonly number[]; readonly current: readonly number[] }
  /** Categorical (or a number with few distinct values): grouped bars, in the given order. */
  | { readonly kind: 'categories'; readonly categories: readonly string[]; readonly reference: readonly number[]; readonly current: readonly number[] };

export type ColumnStatus = 'drift' | 'ok' | 'no-data';

/** One row of reference vs current summary statistics (numbers are formatted by the renderer). */
export interface StatRow {
  readonly name: string;
  readonly reference: number | string | null;
  readonly current: number | string | null;
}

export interface ColumnView {
  readonly name: string;
  /** e.g. numerical, categorical, boolean. */
  readonly type: string;
  readonly role: 'feature' | 'target' | 'prediction';
  readonly method: string;
  readonly score: number;
  readonly pValue?: number;
  readonly threshold: number;
  /** What the threshold is compared with. */
  readonly decidedBy: 'p-value' | 'score';
  readonly status: ColumnStatus;
  /** Computed from sketches rather than every value (marked with ≈). */
  readonly approximate?: boolean;
  /** Null when the producer has no distribution for the column (the page says so). */
  readonly distribution: DistributionView | null;
  readonly stats?: readonly StatRow[];
}

export interface SummaryCard {
  readonly title: string;
  readonly value: string;
  readonly note?: string;
}

export interface SummaryView {
  readonly drifted: boolean;
  /** Columns that drifted, of those evaluated (the "drift detected in N of M columns" sentence). */
  readonly driftedCount: number;
  readonly evaluatedCount: number;
  readonly share: number;
  /** The dataset counts as drifted when more than this share of its columns drift. */
  readonly threshold: number;
  /** A sentence appended to the summary (e.g. skipped columns, the drift type). */
  readonly note?: string;
  readonly cards: readonly SummaryCard[];
}

export interface MetricRow {
  readonly metric: string;
  readonly reference: number | null;
  readonly current: number | null;
  /** Worse than its tolerance (highlighted). */
  readonly flagged?: boolean;
}

export interface PerformanceView {
  readonly heading: string;
  readonly description?: string;
  /** Column headings for the two sides, e.g. "reference"/"current" or "baseline"/"this window". */
  readonly referenceLabel: string;
  readonly currentLabel: string;
  readonly metrics: readonly MetricRow[];
}

export interface WindowView {
  readonly start: string;
  /** ISO-8601 end of the window: the history chart's x. */
  readonly end: string;
  readonly version: string;
  readonly driftType: string;
  readonly samples: number;
  readonly labeled: number;
  readonly datasetDriftShare: number;
  /** The primary metric in this window, when labels arrived. */
  readonly metric: number | null;
  readonly driftedFeatures: readonly string[];
}

/** Recent windows of a model (the drift service's page), oldest first. */
export interface HistoryView {
  readonly windows: readonly WindowView[];
  readonly metricName: string | null;
  readonly driftShareThreshold: number;
}

export interface NoteSection {
  readonly id: string;
  readonly heading: string;
  readonly items: readonly string[];
}

export interface DriftReportView {
  readonly title: string;
  /** One line under the title: what was compared, when. */
  readonly subtitle: string;
  readonly summary: SummaryView;
  readonly performance?: PerformanceView;
  /** In the order the table first shows them (the "Drift" heading restores it). */
  readonly columns: readonly ColumnView[];
  readonly history?: HistoryView;
  /** Further lists, e.g. columns left out and why. */
  readonly notes?: readonly NoteSection[];
  /** Footer text, e.g. the generator and the settings. */
  readonly footer: string;
  /** `<meta name="generator">`. */
  readonly generator: string;
}
