import type { StatMethod } from '@mlops/drift-stats';
import type { InputFormat } from './input/input-format';

/** A setting given for every column, per type family, or per column (most specific wins). */
export interface LayeredSetting<T> {
  readonly all?: T;
  readonly numerical?: T;
  /** Categorical and boolean columns. */
  readonly categorical?: T;
  readonly columns: Readonly<Record<string, T>>;
}

/** `mlops drift-report` after its flags were checked. */
export interface DriftReportOptions {
  readonly reference: string;
  readonly current: string;
  /** HTML report path. */
  readonly out?: string;
  /** JSON report path, "-" for stdout. */
  readonly json?: string;
  readonly target?: string;
  readonly prediction?: string;
  readonly columnMapping?: string;
  readonly method: LayeredSetting<StatMethod>;
  readonly threshold: LayeredSetting<number>;
  readonly driftShare: number;
  readonly failOnDrift: boolean;
  readonly format?: InputFormat;
  readonly delimiter?: string;
  readonly naValues: readonly string[];
  readonly allowMissingColumns: boolean;
  readonly exactRows: number;
  readonly inferRows: number;
  readonly bins: number;
  readonly seed: number;
  readonly effectFloor: boolean;
  readonly title?: string;
  readonly progress: boolean;
  readonly quiet: boolean;
  /** Read the current file on a worker thread while the reference is read (large files only). */
  readonly parallel: boolean;
}

export const DRIFT_REPORT_DEFAULTS = {
  driftShare: 0.1,
  exactRows: 1_000_000,
  inferRows: 10_000,
  bins: 10,
  seed: 0,
  /** Files smaller than this are read on the main thread (a worker takes about a second to start). */
  parallelMinBytes: 8 * 1024 * 1024,
} as const;
