import { ColumnMappingError, ColumnMismatchError, UsageError } from '../errors';
import type { FileColumns, PlanInput } from './build-column-plan';
import type { IgnoredColumn } from './column-plan';

/** Checks of the column names both files and the mapping give, each failing with a message that lists the names. */

const LIST_LIMIT = 6;

/** Columns in one file only: an error, or (with --allow-missing-columns) left out with the reason. */
export function checkOneSided(input: PlanInput, inReference: ReadonlySet<string>, inCurrent: ReadonlyMap<string, number>, ignored: IgnoredColumn[]): void {
  const onlyReference = input.reference.columns.filter((c) => c !== '' && !inCurrent.has(c));
  const onlyCurrent = input.current.columns.filter((c) => c !== '' && !inReference.has(c));
  if (onlyReference.length + onlyCurrent.length === 0) return;
  if (!input.allowMissingColumns) {
    const parts = [
      onlyReference.length > 0 ? `only in ${input.reference.file}: ${listNames(onlyReference)}` : '',
      onlyCurrent.length > 0 ? `only in ${input.current.file}: ${listNames(onlyCurrent)}` : '',
    ].filter((p) => p.length > 0);
    throw new ColumnMismatchError(`the files have different columns (${parts.join('; ')}); pass --allow-missing-columns to compare the common ones`);
  }
  for (const name of onlyReference) ignored.push({ name, reason: `only in ${input.reference.file}` });
  for (const name of onlyCurrent) ignored.push({ name, reason: `only in ${input.current.file}` });
}

/** The target or prediction must be a column of both files. */
export function checkNamed(source: string, name: string | undefined, common: ReadonlySet<string>, file: string): void {
  if (name !== undefined && !common.has(name)) throw new UsageError(`${source} ${JSON.stringify(name)}: not a column of both files (e.g. ${file} has ${listNames([...common])})`);
}

/** Every column the mapping names must exist, so a typo is an error rather than a silent no-op. */
export function checkMappingNames(input: PlanInput, common: ReadonlySet<string>): void {
  const { mapping } = input;
  const groups: [string, readonly string[]][] = [
    ['features', mapping.features ?? []],
    ['ignore', mapping.ignore ?? []],
    ['types', Object.keys(mapping.types ?? {})],
    ['columns', Object.keys(mapping.columns ?? {})],
  ];
  for (const [key, list] of groups) {
    const unknown = list.filter((n) => !common.has(n));
    if (unknown.length > 0) throw new ColumnMappingError(input.mappingFile, `${key} names ${listNames(unknown)}, not a column of both files`);
  }
}

/** The message for files without a common column, with a delimiter hint when it fits. */
export function noCommonColumns(reference: FileColumns, current: FileColumns): string {
  const hint = [reference, current].some((f) => f.columns.length === 1 && /[;\t|]/.test(f.columns[0]))
    ? ' A single column with ";", tab or "|" in its name suggests another delimiter: try --delimiter ";"'
    : '';
  return `no column in common: ${reference.file} has ${listNames(reference.columns)}; ${current.file} has ${listNames(current.columns)}.${hint}`;
}

/** Quoted names, the first six and a count of the rest. */
export function listNames(list: readonly string[]): string {
  const shown = list.slice(0, LIST_LIMIT).map((n) => JSON.stringify(n));
  return list.length > LIST_LIMIT ? `${shown.join(', ')} and ${list.length - LIST_LIMIT} more` : shown.join(', ');
}
