import { evaluateDrift, WindowProfile } from '@mlops/drift-stats';
import type { DriftReportIo } from './drift-report-io';
import { DRIFT_REPORT_DEFAULTS, DriftReportOptions } from './drift-report-options';
import { OpenedSources, openSources } from './open-sources';
import { resolvePerformancePlan } from './performance/resolve-performance-plan';
import { exactProfiles } from './profile/exact-profiles';
import { readSides } from './profile/read-sides';
import { MissingRule, missingRule } from './profile/cell-parsers';
import { buildDriftReport } from './report/build-drift-report';
import type { DriftReportJson } from './report/drift-report.types';
import { resolveColumnOptions } from './resolve-column-options';
import { buildColumnPlan } from './schema/build-column-plan';
import type { ColumnMapping } from './schema/column-mapping.schema';

/**
 * The whole comparison: open both files, decide the columns and their types, read both files
 * (at once, on two threads, when large), profile them (exactly from every value up to
 * --exact-rows, else from sketches), evaluate drift with drift-stats and assemble the JSON report.
 */
export async function createDriftReport(options: DriftReportOptions, mapping: ColumnMapping, io: DriftReportIo): Promise<DriftReportJson> {
  const missing = missingRule(options.naValues);
  const sources = await openSources(options, missing.naValues);
  const { reference, current } = sources;
  try {
    return await profileAndEvaluate(sources, options, mapping, io, missing);
  } finally {
    reference.reader.close();
    current.reader.close();
  }
}

async function profileAndEvaluate(sources: OpenedSources, options: DriftReportOptions, mapping: ColumnMapping, io: DriftReportIo, missing: MissingRule): Promise<DriftReportJson> {
  const { reference, current, tallies } = sources;
  const plan = await buildColumnPlan({
    reference: { file: reference.spec.file, columns: reference.reader.columns },
    current: { file: current.spec.file, columns: current.reader.columns },
    mapping,
    mappingFile: options.columnMapping ?? '',
    targetSource: options.target !== undefined ? '--target' : 'the column mapping target',
    predictionSource: options.prediction !== undefined ? '--prediction' : 'the column mapping prediction',
    allowMissingColumns: options.allowMissingColumns,
    inferRows: options.inferRows,
    tallies,
    locate: (file, row) => (file === reference.spec.file ? reference.reader : current.reader).lineOfRow(row),
  });
  const performance = resolvePerformancePlan(plan.columns, mapping, mapping.target === undefined ? undefined : tallies.get(mapping.target));
  const columnOptions = resolveColumnOptions(plan.columns, options, mapping);
  const sides = await readSides(reference, current, plan.columns, {
    missing,
    naValues: options.naValues,
    inferRows: options.inferRows,
    exactRows: options.exactRows,
    bins: options.bins,
    seed: options.seed,
    performance,
    progress: io.progress,
    signal: io.signal,
    parallel: options.parallel,
    parallelMinBytes: DRIFT_REPORT_DEFAULTS.parallelMinBytes,
  });
  const profiles =
    sides.reference.store !== null && sides.current.store !== null
      ? exactProfiles(sides.reference.store, sides.current.store, plan.columns, options)
      : { reference: sides.referenceProfile(), current: sides.current.profile as WindowProfile };
  const referenceSide = { rows: sides.reference.rows, exact: sides.reference.exact, performance: sides.reference.performance, profile: profiles.reference };
  const currentSide = { rows: sides.current.rows, exact: sides.current.exact, performance: sides.current.performance, profile: profiles.current };
  const evaluation = evaluateDrift(referenceSide.profile, currentSide.profile, {
    columns: columnOptions,
    datasetDriftShare: options.driftShare,
    effectAware: options.effectFloor,
  });
  return buildDriftReport({
    evaluation,
    reference: { ...referenceSide, file: reference.spec.file },
    current: { ...currentSide, file: current.spec.file },
    plan,
    settings: { driftShare: options.driftShare, exactRows: options.exactRows, inferRows: options.inferRows, bins: options.bins, seed: options.seed, effectFloor: options.effectFloor },
    generatedAt: io.now(),
  });
}
