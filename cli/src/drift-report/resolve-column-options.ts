import { ColumnDriftOptions, getStatTest, StatMethod } from '@mlops/drift-stats';
import type { DriftReportOptions, LayeredSetting } from './drift-report-options';
import { UsageError } from './errors';
import type { ColumnMapping } from './schema/column-mapping.schema';
import type { PlannedColumn } from './schema/column-plan';

/**
 * Per-column test settings for drift-stats, most specific first: `--method col=…`, the mapping's
 * `columns`, `--num-method`/`--cat-method`, `--method …`; anything unset keeps drift-stats'
 * default rule. A method that cannot test a column's type is a usage error naming both.
 */
export function resolveColumnOptions(columns: readonly PlannedColumn[], options: DriftReportOptions, mapping: ColumnMapping): Record<string, ColumnDriftOptions> {
  const known = new Set(columns.map((c) => c.name));
  for (const [flag, setting] of [['--method', options.method], ['--threshold', options.threshold]] as const) {
    const unknown = Object.keys(setting.columns).filter((name) => !known.has(name));
    if (unknown.length > 0) throw new UsageError(`${flag} names ${unknown.map((n) => JSON.stringify(n)).join(', ')}, not a compared column`);
  }
  const out: Record<string, ColumnDriftOptions> = {};
  for (const column of columns) {
    const fromMapping = mapping.columns?.[column.name] ?? {};
    const method = pick(options.method, column, fromMapping.method);
    const threshold = pick(options.threshold, column, fromMapping.threshold);
    if (method !== undefined) checkMethod(method, threshold, column);
    const entry: ColumnDriftOptions = {
      ...(method !== undefined ? { method } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(fromMapping.minEffect !== undefined ? { minEffect: fromMapping.minEffect } : {}),
    };
    if (Object.keys(entry).length > 0) out[column.name] = entry;
  }
  return out;
}

function pick<T>(setting: LayeredSetting<T>, column: PlannedColumn, fromMapping: T | undefined): T | undefined {
  const family = column.type === 'numerical' ? setting.numerical : setting.categorical;
  return setting.columns[column.name] ?? fromMapping ?? family ?? setting.all;
}

/** Checks what can be checked before reading the data (the default method depends on the reference size). */
function checkMethod(method: StatMethod, threshold: number | undefined, column: PlannedColumn): void {
  const meta = getStatTest(method).meta;
  const name = JSON.stringify(column.name);
  if (threshold === undefined && meta.defaultThreshold === null) {
    throw new UsageError(`method ${method} has no default threshold (its score is in the column's units): add --threshold ${column.name}=VALUE for ${name}`);
  }
  if (threshold !== undefined && meta.kind === 'p-value' && threshold > 1) {
    throw new UsageError(`method ${method} decides on a p-value: threshold ${threshold} for ${name} must be in [0, 1]`);
  }
  if (!meta.featureTypes.includes(column.type)) {
    throw new UsageError(
      `method ${method} cannot test ${column.type} column ${JSON.stringify(column.name)} (it takes ${meta.featureTypes.join(', ')} columns); ` +
        'use --num-method / --cat-method or --method COLUMN=METHOD to choose per column',
    );
  }
}
