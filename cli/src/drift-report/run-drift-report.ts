import type { DriftReportIo } from './drift-report-io';
import type { DriftReportOptions } from './drift-report-options';
import { createDriftReport } from './create-drift-report';
import { renderReportHtml } from './html/render-report-html';
import { textSummary } from './report/text-summary';
import type { ColumnMapping } from './schema/column-mapping.schema';
import { loadColumnMapping } from './schema/load-column-mapping';
import { checkOutputPath, writeOutput } from './write-outputs';

export interface DriftReportResult {
  readonly datasetDrift: boolean;
}

/**
 * `mlops drift-report`: the report, written where the flags say, and the summary on stdout (on
 * stderr when the JSON goes to stdout). Bad input throws a BadInputError; the command maps it to
 * exit code 2.
 */
export async function runDriftReport(options: DriftReportOptions, io: DriftReportIo, generator: string): Promise<DriftReportResult> {
  await checkOutputPath('--out', options.out);
  await checkOutputPath('--json', options.json);
  const loaded: ColumnMapping = options.columnMapping === undefined ? {} : await loadColumnMapping(options.columnMapping);
  const mapping: ColumnMapping = { ...loaded, target: options.target ?? loaded.target, prediction: options.prediction ?? loaded.prediction };
  const started = io.now().getTime();
  const report = await createDriftReport(options, mapping, io);
  const written: string[] = [];
  if (options.out !== undefined) {
    await writeOutput('--out', options.out, renderReportHtml(report, { title: options.title, generator }));
    written.push(options.out);
  }
  if (options.json !== undefined) {
    const text = `${JSON.stringify(report, null, 2)}\n`;
    if (options.json === '-') io.stdout.write(text);
    else {
      await writeOutput('--json', options.json, text);
      written.push(options.json);
    }
  }
  if (!options.quiet) {
    const seconds = ((io.now().getTime() - started) / 1000).toFixed(1);
    const summary = `${textSummary(report, written)}Completed in ${seconds} s.\n`;
    (options.json === '-' ? io.stderr : io.stdout).write(summary);
  }
  return { datasetDrift: report.datasetDrift.drifted };
}
