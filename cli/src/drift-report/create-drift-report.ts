import { evaluateDrift } from '@mlops/drift-stats';
import type { DriftReportIo } from './drift-report-io';
import type { DriftReportOptions } from './drift-report-options';
import { openTabularReader } from './input/open-tabular-reader';
import { OpenedSources, openSources } from './open-sources';
import { resolvePerformancePlan } from './performance/resolve-performance-plan';
import { buildCurrentProfile } from './profile/build-current-profile';
import { buildReferenceProfile } from './profile/build-reference-profile';
import { MissingRule, missingRule } from './profile/cell-parsers';
import { buildDriftReport } from './report/build-drift-report';
import type { DriftReportJson } from './report/drift-report.types';
import { resolveColumnOptions } from './resolve-column-options';
import { buildColumnPlan } from './schema/build-column-plan';
import type { ColumnMapping } from './schema/column-mapping.schema';

/**
 * The whole comparison: open both files, decide the columns and their types, profile the
 * reference then the current file (streaming), evaluate drift with drift-stats and assemble the
 * JSON report.
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
  const read = { missing, inferRows: options.inferRows, progress: io.progress, signal: io.signal, seed: options.seed, exactRows: options.exactRows, performance };
  const referenceSide = await buildReferenceProfile(reference, plan.columns, {
    ...read,
    side: 'reference',
    label: `reading ${reference.spec.file}`,
    bins: options.bins,
    reopen: () => openTabularReader(reference.spec),
  });
  const currentSide = await buildCurrentProfile(current, plan.columns, referenceSide.profile, { ...read, side: 'current', label: `reading ${current.spec.file}` });
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
