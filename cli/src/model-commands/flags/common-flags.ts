import { Option, type Command } from 'commander';
import { INPUT_FORMATS, type InputFormat } from '../../drift-report/input/input-format';
import { DEFAULT_NA_VALUES } from '../../drift-report/schema/cell-kind';

// Kept apart from the FlagReader (which checks names against @mlops/contracts, i.e. loads zod):
// every command registers these flags at start-up, before any of them runs.

/** Flags every model command reads its data file with, and its output flags. */
export interface DataFileOptions {
  readonly format?: InputFormat;
  readonly delimiter?: string;
  readonly naValues: readonly string[];
  readonly inferRows: number;
}

export interface OutputOptions {
  readonly json: boolean;
  readonly verbose: boolean;
}

export const INFER_ROWS_DEFAULT = 10_000;

/** Adds the input-format flags (the same as `mlops drift-report`'s). */
export function addDataFileFlags(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'input format (default: from the file extension)').choices([...INPUT_FORMATS]))
    .option('--delimiter <char>', 'CSV delimiter, e.g. ";" or tab (default "," and tab for .tsv)')
    .option('--na-values <list>', `comma-separated cells read as missing (default: ${DEFAULT_NA_VALUES.filter((v) => v !== '').join(',')} and blank)`)
    .option('--infer-rows <n>', 'rows read to infer the column types', String(INFER_ROWS_DEFAULT));
}

/** Adds --json and --verbose. */
export function addOutputFlags(command: Command): Command {
  return command.option('--json', 'print the result as one JSON object on stdout (for scripts)').option('-v, --verbose', 'log progress (JSON lines on stderr)');
}

