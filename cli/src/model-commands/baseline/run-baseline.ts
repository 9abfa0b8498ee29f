import path from 'node:path';
import { profileToJSONText } from '@mlops/drift-stats';
import { ModelAlias, type JsonValue } from '@mlops/registry';
import type { ModelCommandContext } from '../command-runtime';
import { deployVersion } from '../deploy/deploy-version';
import { reportDeployment } from '../deploy/report-deployment';
import { MODEL_EXIT } from '../model-exit-codes';
import { findAlias } from '../registry-lookups';
import type { BaselineOptions } from './baseline-options';
import { writeMonitoringArtifact } from './monitoring-artifact';
import { readReferenceBaseline } from './reference-baseline';

/**
 * `mlops baseline`: registers a monitoring-only version of a model trained and served elsewhere:
 * the baseline profile of its reference data and, with a target and a prediction, its metrics;
 * no model (a descriptor file stands in for the artifact), tag `trainer=external`. With
 * `--deploy` it becomes champion (ModelDeployed), so the drift service measures that model's
 * prediction events against it.
 */
export async function runBaseline(options: BaselineOptions, context: ModelCommandContext, io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const started = performance.now();
  const { roles, dataWindow, baseline } = await readReferenceBaseline(options, context.signal);
  context.checkpoint();

  const champion = await findAlias(context.registry, options.model, ModelAlias.Champion);
  const source = await writeMonitoringArtifact(path.join(context.workDir, 'monitoring-only'), {
    model: options.model,
    reference: path.basename(options.reference),
    rows: baseline.rows,
    task: baseline.task,
    ...(options.target !== undefined && { target: options.target }),
    ...(options.prediction !== undefined && { prediction: options.prediction }),
    ...(options.score !== undefined && { score: options.score }),
    features: baseline.features,
  });
  const version = await context.registry.createVersion({
    model: options.model,
    sourceDir: source,
    metrics: baseline.metrics,
    params: {
      reference: path.basename(options.reference),
      rows: baseline.rows,
      task: baseline.task ?? 'none',
      ...(options.target !== undefined && { target: options.target }),
      ...(options.prediction !== undefined && { prediction: options.prediction }),
      seed: options.seed,
    },
    tags: { trainer: 'external', trigger: 'manual', artifact: 'monitoring-only', reason: `mlops baseline --reference ${path.basename(options.reference)}` },
    baselineProfile: JSON.parse(profileToJSONText(baseline.profile)) as JsonValue,
    lineage: { ...(champion && { parentVersion: champion.version }), requestId: options.requestId, dataWindow },
    description: `monitoring-only baseline of ${options.model} from ${path.basename(options.reference)} (${baseline.rows} rows); the model is trained and served elsewhere`,
  });

  const metrics = Object.entries(version.metrics).map(([k, v]) => `${k} ${Number(v.toFixed(4))}`).join(', ');
  const result: Record<string, unknown> = {
    model: version.model,
    version: version.version,
    registry: context.registryName,
    monitoringOnly: true,
    requestId: options.requestId,
    dataWindow,
    rows: baseline.rows,
    task: baseline.task,
    features: baseline.features.map((f) => f.name),
    leftOut: roles.leftOut,
    metrics: version.metrics,
    artifact: version.artifact,
    baselineProfile: version.baselineProfile,
  };
  const lines = [
    `registered ${version.model} version ${version.version} (monitoring only, trainer=external) in the ${context.registryName}`,
    `baseline profile: ${baseline.rows} rows of ${options.reference}, ${baseline.features.length} features${options.prediction ? ', prediction' : ''}${options.score ? ', score' : ''}${options.target ? ', target' : ''}; metrics: ${metrics || 'none (needs --target and --prediction)'}`,
  ];
  if (roles.leftOut.length > 0) lines.push(`left out: ${roles.leftOut.map((l) => `${l.name || '(unnamed)'} (${l.reason})`).join('; ')}`);
  let code: number = MODEL_EXIT.ok;
  if (options.deploy && context.publisher) {
    const deployment = await deployVersion({
      registry: context.registry,
      version,
      policy: { mode: 'better', margin: 0 },
      workDir: context.workDir,
      publisher: context.publisher,
      now: context.now,
    });
    const report = reportDeployment(version.model, version.version, deployment);
    result['deployment'] = report.json;
    lines.push(...report.lines);
    code = report.code;
  } else {
    lines.push(`drift compares prediction events naming modelVersion "${version.version}" against it; --deploy makes it the champion for every event of ${version.model}`);
  }
  lines.push(`completed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  io.stdout.write(options.output.json ? `${JSON.stringify(result)}\n` : `${lines.join('\n')}\n`);
  return code;
}
