import type { FeatureRole } from '@mlops/drift-stats';
import { ColumnMismatchError, MixedTypesError, UsageError } from '../errors';
import { checkMappingNames, checkNamed, checkOneSided, listNames, noCommonColumns } from './check-plan-columns';
import type { ColumnMapping } from './column-mapping.schema';
import type { ColumnPlan, IgnoredColumn, PlannedColumn } from './column-plan';
import { ColumnTally } from './column-tally';
import { inferColumnType, InferredType } from './infer-column-type';

export interface FileColumns {
  readonly file: string;
  readonly columns: readonly string[];
}

export interface PlanInput {
  readonly reference: FileColumns;
  readonly current: FileColumns;
  readonly mapping: ColumnMapping;
  /** Where the mapping came from, for messages ("" when there is no file). */
  readonly mappingFile: string;
  /** Where target and prediction were named: a flag or the mapping. */
  readonly targetSource: string;
  readonly predictionSource: string;
  readonly allowMissingColumns: boolean;
  readonly inferRows: number;
  readonly tallies: ReadonlyMap<string, ColumnTally>;
  /** 1-based line of a data row, for messages. */
  readonly locate: (file: string, row: number) => Promise<number>;
}

/**
 * Which columns to compare and how: the columns both files share (a column in only one file is
 * an error unless allowed), minus unnamed, ignored and unlisted ones, each typed by the mapping
 * or by inference, with the target and prediction given their roles.
 */
export async function buildColumnPlan(input: PlanInput): Promise<ColumnPlan> {
  const { reference, current, mapping } = input;
  const ignored: IgnoredColumn[] = [];
  const inCurrent = new Map(current.columns.map((c, i) => [c, i]));
  const inReference = new Set(reference.columns);
  const common = reference.columns.filter((c) => c !== '' && inCurrent.has(c));
  if (common.length === 0) throw new ColumnMismatchError(noCommonColumns(reference, current));
  checkOneSided(input, inReference, inCurrent, ignored);
  if (reference.columns.includes('') || current.columns.includes('')) ignored.push({ name: '', reason: 'unnamed column (an index written by pandas?)' });

  const commonSet = new Set(common);
  checkNamed(input.targetSource, mapping.target, commonSet, reference.file);
  checkNamed(input.predictionSource, mapping.prediction, commonSet, reference.file);
  if (mapping.target !== undefined && mapping.target === mapping.prediction) throw new UsageError(`target and prediction are the same column (${JSON.stringify(mapping.target)})`);
  checkMappingNames(input, commonSet);

  const listed = mapping.features === undefined ? null : new Set(mapping.features);
  const skip = new Set(mapping.ignore ?? []);
  const columns: PlannedColumn[] = [];
  for (const name of common) {
    const role: FeatureRole = name === mapping.target ? 'label' : name === mapping.prediction ? 'prediction' : 'feature';
    if (role === 'feature' && skip.has(name)) {
      ignored.push({ name, reason: 'ignored by the column mapping' });
      continue;
    }
    if (role === 'feature' && listed !== null && !listed.has(name)) {
      ignored.push({ name, reason: 'not listed in the column mapping features' });
      continue;
    }
    const declared = mapping.types?.[name];
    const type: InferredType = declared ?? (await inferred(name, input));
    if (type === 'datetime') {
      ignored.push({ name, reason: 'a datetime column, left out by default; declare it numerical in the column mapping to compare it as time' });
      continue;
    }
    columns.push({
      name,
      type,
      role,
      referenceIndex: reference.columns.indexOf(name),
      currentIndex: inCurrent.get(name) as number,
      datetimeAsNumber: declared === 'numerical' && (input.tallies.get(name)?.counts.datetime ?? 0) > 0,
      typeSource: declared === undefined ? 'inferred' : 'mapping',
    });
  }
  const rank = (c: PlannedColumn) => (c.role === 'feature' ? 0 : c.role === 'prediction' ? 1 : 2);
  columns.sort((a, b) => rank(a) - rank(b));
  if (!columns.some((c) => c.role === 'feature')) {
    throw new ColumnMismatchError(`no feature column left to compare (${ignored.length} left out: ${listNames(ignored.map((c) => c.name))})`);
  }
  return { columns, ignored };
}

async function inferred(name: string, input: PlanInput): Promise<InferredType> {
  const result = inferColumnType(input.tallies.get(name) ?? new ColumnTally());
  if (result.ok) return result.type;
  const { offender, dominant, share } = result;
  const what = dominant === 'number' ? 'numbers' : dominant === 'boolean' ? 'true/false values' : 'ISO dates';
  const line = await input.locate(offender.file, offender.row);
  const detail = `${JSON.stringify(offender.value)} among ${what} (${(share * 100).toFixed(1)}% of the values in the first ${input.inferRows} rows of each file are ${what})`;
  return Promise.reject(new MixedTypesError(name, offender.file, line, detail));
}
