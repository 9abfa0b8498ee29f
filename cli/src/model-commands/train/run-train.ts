import path from 'node:path';
import { trainAndRegister } from '@mlops/lifecycle';
import { ModelDataError } from '../errors';
import type { ModelCommandContext } from '../command-runtime';
import { chooseDataWindow, rowTimes } from '../data/data-window';
import { categoricalDeclarations, checkDeclaredColumns } from '../data/declared-types';
import { checkTrainable, trainingRows } from '../data/labeled-rows';
import { readDataTable } from '../data/read-data-table';
import { resolveRoles } from '../data/resolve-roles';
import { deployVersion } from '../deploy/deploy-version';
import { describePublished, reportDeployment, where } from '../deploy/report-deployment';
import { MODEL_EXIT } from '../model-exit-codes';
import type { TrainOptions } from './train-options';

/** Where the result goes: stdout for the result, stderr for what happens on the way. */
export interface TrainIo {
  stdout: NodeJS.WritableStream;
}

/**
 * `mlops train`: reads the file, trains and registers a version with the retraining service's
 * own flow (`trainAndRegister`: holds out the newest rows, compares with the champion when there
 * is one, records metrics, parameters, baseline profile and lineage with trigger `manual`,
 * trainer `cli`), then optionally deploys it here (`--deploy`) or hands it to the deployment
 * service (`--publish`).
 */
export async function runTrain(options: TrainOptions, context: ModelCommandContext, io: TrainIo): Promise<number> {
  const started = performance.now();
  const table = await readDataTable(options.data, { ...options.file, declared: categoricalDeclarations(options.settings.categoricalFeatures), signal: context.signal });
  checkDeclaredColumns(table, options.settings.categoricalFeatures);
  const roles = resolveRoles(table, { target: options.target, timeColumn: options.timeColumn, ignore: options.ignore });
  const times = roles.time === undefined ? undefined : rowTimes(table, roles.time);
  const rows = trainingRows(table, roles, times);
  checkTrainable(table, options.target, rows, options.settings.minRows);
  const dataWindow = chooseDataWindow(table, options.dataWindow, times);
  context.checkpoint();

  const outcome = await trainAndRegister(
    {
      model: options.model,
      examples: rows.examples,
      requestId: options.requestId,
      dataWindow,
      trigger: 'manual',
      trainer: 'cli',
      reason: `mlops train --data ${path.basename(options.data)}`,
      settings: options.settings,
    },
    { registry: context.registry, workDir: context.workDir, logger: context.logger, now: context.now },
  );
  if (outcome.kind === 'rejected') throw new ModelDataError(`training rejected (${outcome.event.reason}): ${outcome.event.detail}`);
  const { version, event } = outcome;
  context.checkpoint();

  const result: Record<string, unknown> = {
    model: version.model,
    version: version.version,
    registry: context.registryName,
    requestId: options.requestId,
    dataWindow,
    rows: rows.examples.length,
    unlabeledRows: rows.unlabeled,
    leftOut: roles.leftOut,
    metrics: version.metrics,
    comparison: event.comparison,
    artifact: version.artifact,
    baselineProfile: version.baselineProfile,
  };
  const c = event.comparison;
  const versus = c.championVersion === undefined ? 'first version' : `champion ${c.championVersion}: ${c.champion ?? 'not evaluated'}${c.outperformsChampion ? ', outperforms it' : ', does not outperform it'}`;
  const lines = [
    `trained ${version.model} version ${version.version} on ${rows.examples.length} rows of ${options.data}${rows.unlabeled > 0 ? ` (${rows.unlabeled} without a target left out)` : ''}: ${c.primaryMetric} ${round(c.challenger)} on the newest ${version.params['holdoutRows'] ?? '?'} rows (${versus})`,
    `registered in the ${context.registryName}: version ${version.version}, request ${options.requestId}, window [${dataWindow.from}, ${dataWindow.to}), artifact sha256 ${version.artifact.sha256.slice(0, 12)}…`,
  ];
  if (roles.leftOut.length > 0) lines.push(`left out: ${roles.leftOut.map((l) => `${l.name || '(unnamed)'} (${l.reason})`).join('; ')}`);
  let code: number = MODEL_EXIT.ok;
  if (options.publish && context.publisher) {
    const published = await context.publisher.registered(event);
    result['published'] = where(published);
    lines.push(`ModelRegistered → ${describePublished(published)}: the deployment service gates it`);
  }
  if (options.deploy && context.publisher) {
    const deployment = await deployVersion({
      registry: context.registry,
      version,
      comparison: event.comparison,
      policy: options.policy,
      workDir: context.workDir,
      publisher: context.publisher,
      now: context.now,
    });
    const report = reportDeployment(version.model, version.version, deployment);
    result['deployment'] = report.json;
    lines.push(...report.lines);
    code = report.code;
  }
  lines.push(`completed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  io.stdout.write(options.output.json ? `${JSON.stringify(result)}\n` : `${lines.join('\n')}\n`);
  return code;
}

function round(x: number): string {
  return Number(x.toFixed(4)).toString();
}
