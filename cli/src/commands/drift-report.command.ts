import { DriftStatsError, STAT_METHODS } from '@mlops/drift-stats';
import { Command, Option } from 'commander';
import type { CliIo, ExitCodeSink } from '../cli-io';
import { DRIFT_REPORT_DEFAULTS } from '../drift-report/drift-report-options';
import { BadInputError, InterruptedError } from '../drift-report/errors';
import { parseDriftReportFlags } from '../drift-report/parse-drift-report-flags';
import { SILENT_PROGRESS } from '../drift-report/progress/progress-sink';
import { terminalProgress } from '../drift-report/progress/terminal-progress';
import { runDriftReport } from '../drift-report/run-drift-report';
import { DEFAULT_NA_VALUES } from '../drift-report/schema/cell-kind';
import { EXIT } from '../exit-codes';
import { PRODUCT_VERSION } from '../version';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const HELP_AFTER = `
Methods: ${STAT_METHODS.join(', ')}.
  Default per column (drift-stats): up to 1000 reference values z-test / chi-square / ks (with
  effect-size floors), beyond jensen-shannon (categories) / wasserstein-normed (numbers).

Exit codes:
  0  report written; no dataset drift (or drift without --fail-on-drift)
  1  dataset drift detected and --fail-on-drift given
  2  bad input: missing or malformed file, no common columns, mixed column types,
     unreadable column mapping, bad flag (the message names the file, line or column)
  130 interrupted

Examples:
  mlops drift-report --reference train.csv --current today.csv --out report.html --json report.json
  mlops drift-report --reference a.csv --current b.csv --target y --prediction y_hat --fail-on-drift
  mlops drift-report --reference a.csv --current b.csv --delimiter ';' --method age=psi --threshold age=0.2
  mlops drift-report --reference a.jsonl --current b.jsonl.gz --json - | jq .datasetDrift
`;

/** `mlops drift-report`: compares two data files and writes an HTML and/or JSON drift report. */
export function registerDriftReportCommand(program: Command, io: CliIo, exit: ExitCodeSink): void {
  program
    .command('drift-report')
    .description('Compare a current data file with a reference one: data, target and prediction drift, as HTML and JSON.')
    .requiredOption('--reference <file>', 'reference data: CSV, TSV or JSON Lines (optionally .gz), or Parquet')
    .requiredOption('--current <file>', 'current data, same columns')
    .option('--out <file>', 'write the HTML report (self-contained, works offline)')
    .option('--json <file>', 'write the JSON report ("-" for stdout)')
    .option('--target <column>', 'ground-truth column: target drift, and performance with --prediction')
    .option('--prediction <column>', 'model output column: prediction drift')
    .option('--column-mapping <file>', 'JSON or YAML: target, prediction, task, features, ignore, types, per-column tests')
    .option('--method <method|column=method>', 'stat test for every column, or for one (repeatable)', collect)
    .option('--num-method <method>', 'stat test for numerical columns')
    .option('--cat-method <method>', 'stat test for categorical and boolean columns')
    .option('--threshold <x|column=x>', 'drift threshold for every column, or for one (repeatable)', collect)
    .option('--num-threshold <x>', 'threshold for numerical columns')
    .option('--cat-threshold <x>', 'threshold for categorical and boolean columns')
    .option('--drift-share <share>', 'dataset drift when more than this share of features drift', String(DRIFT_REPORT_DEFAULTS.driftShare))
    .option('--fail-on-drift', 'exit with code 1 when dataset drift is detected (for CI gates)')
    .addOption(new Option('--format <format>', 'input format (default: from the file extension)').choices(['csv', 'jsonl', 'parquet']))
    .option('--delimiter <char>', 'CSV delimiter, e.g. ";" or tab (default "," and tab for .tsv)')
    .option('--na-values <list>', `comma-separated cells read as missing (default: ${DEFAULT_NA_VALUES.filter((v) => v !== '').join(',')} and blank)`)
    .option('--allow-missing-columns', 'compare the common columns when the files have different ones')
    .option('--exact-rows <n>', 'keep every value up to this many rows per file (exact statistics); beyond, bounded-memory sketches', String(DRIFT_REPORT_DEFAULTS.exactRows))
    .option('--infer-rows <n>', 'rows of each file read to infer column types', String(DRIFT_REPORT_DEFAULTS.inferRows))
    .option('--bins <n>', 'reference bins for numerical columns (binned tests)', String(DRIFT_REPORT_DEFAULTS.bins))
    .option('--seed <n>', 'seed of the sketches and samples', String(DRIFT_REPORT_DEFAULTS.seed))
    .option('--no-effect-floor', 'decide hypothesis tests on the p-value alone (no effect-size floor)')
    .option('--title <text>', 'title of the HTML report')
    .option('--no-progress', 'no progress bar on stderr')
    .option('--no-parallel', 'read the two files one after the other (default: at once, on two threads, for files of 8 MB or more)')
    .option('-q, --quiet', 'no summary on stdout')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: Record<string, unknown>) => exit(await driftReportAction(flags, io)));
}

async function driftReportAction(flags: Record<string, unknown>, io: CliIo): Promise<number> {
  const say = (message: string) => io.stderr.write(`mlops drift-report: ${message.replace(/\n/g, '\nmlops drift-report: ')}\n`);
  try {
    const options = parseDriftReportFlags(flags);
    const result = await runDriftReport(
      options,
      { stdout: io.stdout, stderr: io.stderr, progress: options.progress ? terminalProgress(io.stderr) : SILENT_PROGRESS, now: io.now ?? (() => new Date()), signal: io.signal },
      `mlops ${PRODUCT_VERSION}`,
    );
    return result.datasetDrift && options.failOnDrift ? EXIT.driftDetected : EXIT.ok;
  } catch (error) {
    if (error instanceof BadInputError || error instanceof DriftStatsError) {
      say(error.message);
      return EXIT.badInput;
    }
    if (error instanceof InterruptedError) {
      say('interrupted');
      return EXIT.interrupted;
    }
    throw error;
  }
}
