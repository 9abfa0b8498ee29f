import { BASELINE_LABEL_COLUMN, BASELINE_PREDICTION_COLUMN, BASELINE_SCORE_COLUMN } from '@mlops/model';
import { UsageError } from '../../drift-report/errors';
import { ModelDataError } from '../errors';
import { columnIndex, listColumns, type DataTable } from './data-table';

/** Names the baseline profile uses for the model's output and the truth (libs/model). */
const RESERVED = [BASELINE_PREDICTION_COLUMN, BASELINE_SCORE_COLUMN, BASELINE_LABEL_COLUMN];

/** Which column plays which part: named by flags, checked against the file. */
export interface RoleFlags {
  readonly target?: string;
  readonly prediction?: string;
  readonly score?: string;
  readonly timeColumn?: string;
  readonly ignore: readonly string[];
}

export interface ColumnRoles {
  readonly target?: number;
  readonly prediction?: number;
  readonly score?: number;
  readonly time?: number;
  /** Positions of the feature columns, in file order. */
  readonly features: readonly number[];
  /** Columns that are neither a feature nor a role, and why (shown in the summary). */
  readonly leftOut: readonly { readonly name: string; readonly reason: string }[];
}

/**
 * Splits the file's columns into target, prediction, score, time and features. A flag naming a
 * column the file lacks is a ModelDataError that names the flag and lists the columns; a date
 * column is left out of the features (a model cannot use a raw timestamp), as are `--ignore`d ones.
 */
export function resolveRoles(table: DataTable, flags: RoleFlags): ColumnRoles {
  const find = (flag: string, name: string | undefined): number | undefined => {
    if (name === undefined) return undefined;
    const index = columnIndex(table, name);
    if (index < 0) throw new ModelDataError(`${flag} ${JSON.stringify(name)}: not a column of ${table.file} (its columns: ${listColumns(table)})`);
    return index;
  };
  for (const name of flags.ignore) find('--ignore', name);
  const roles = {
    target: find('--target', flags.target),
    prediction: find('--prediction', flags.prediction),
    score: find('--score', flags.score),
    time: find('--time-column', flags.timeColumn),
  };
  const named = Object.entries(roles).filter(([, i]) => i !== undefined);
  for (const [role, index] of named) {
    const twice = named.find(([other, j]) => other !== role && j === index);
    if (twice) throw new UsageError(`--${flagName(role)} and --${flagName(twice[0])} name the same column (${JSON.stringify(table.columns[index as number].name)})`);
  }
  if (roles.target !== undefined && table.columns[roles.target].type === 'datetime') {
    throw new ModelDataError(`--target ${JSON.stringify(table.columns[roles.target].name)}: a date column cannot be a target`);
  }
  for (const [role, index] of named) {
    const name = table.columns[index as number].name;
    if (flags.ignore.includes(name)) throw new UsageError(`--ignore ${JSON.stringify(name)}: it is the --${flagName(role)} column`);
  }
  const taken = new Set(named.map(([, i]) => i));
  const ignored = new Set(flags.ignore);
  const features: number[] = [];
  const leftOut: { name: string; reason: string }[] = [];
  table.columns.forEach((column, i) => {
    if (taken.has(i)) return;
    if (ignored.has(column.name)) leftOut.push({ name: column.name, reason: '--ignore' });
    else if (column.name === '') leftOut.push({ name: column.name, reason: 'unnamed column (an index written by pandas?)' });
    else if (column.type === 'datetime') leftOut.push({ name: column.name, reason: 'a date column (use --time-column to order the rows by it)' });
    else if (RESERVED.includes(column.name)) throw new ModelDataError(`${table.file}: column ${JSON.stringify(column.name)} has a name reserved for the baseline profile; rename it`);
    else features.push(i);
  });
  if (features.length === 0) throw new ModelDataError(`${table.file}: no feature column left (columns: ${listColumns(table)})`);
  return { ...roles, features, leftOut };
}

function flagName(role: string): string {
  return role === 'time' ? 'time-column' : role;
}
