import type { DataWindow } from '@mlops/contracts';
import { chooseDataWindow, rowTimes } from '../data/data-window';
import { categoricalDeclarations, checkDeclaredColumns } from '../data/declared-types';
import type { TaskKind } from '../data/labeled-rows';
import { readDataTable } from '../data/read-data-table';
import { resolveRoles, type ColumnRoles } from '../data/resolve-roles';
import type { DataFileOptions } from '../flags/common-flags';
import { buildMonitoringBaseline, type MonitoringBaseline } from './monitoring-baseline';

/** The flags `mlops baseline` and `mlops register --artifact` describe their reference data with. */
export interface ReferenceDataOptions {
  /** The data the version was trained (or validated) on: its baseline profile, and metrics with target + prediction. */
  readonly reference: string;
  readonly target?: string;
  readonly prediction?: string;
  readonly score?: string;
  readonly task?: TaskKind;
  readonly ignore: readonly string[];
  /** `--categorical`: columns read as categories (numeric codes). */
  readonly categorical: readonly string[];
  readonly timeColumn?: string;
  readonly dataWindow?: DataWindow;
  readonly seed: number;
  readonly file: DataFileOptions;
}

/**
 * Reads the reference file and turns it into a version's monitoring baseline: column roles,
 * the data window it covers, and the baseline profile with the metrics it allows.
 */
export async function readReferenceBaseline(
  options: ReferenceDataOptions,
  signal: AbortSignal | undefined,
): Promise<{ roles: ColumnRoles; dataWindow: DataWindow; baseline: MonitoringBaseline }> {
  const table = await readDataTable(options.reference, { ...options.file, declared: categoricalDeclarations(options.categorical), signal });
  checkDeclaredColumns(table, options.categorical);
  const roles = resolveRoles(table, { target: options.target, prediction: options.prediction, score: options.score, timeColumn: options.timeColumn, ignore: options.ignore });
  const times = roles.time === undefined ? undefined : rowTimes(table, roles.time);
  const dataWindow = chooseDataWindow(table, options.dataWindow, times);
  const baseline = buildMonitoringBaseline(table, roles, { seed: options.seed, task: options.task });
  return { roles, dataWindow, baseline };
}
