import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeEvent, ModelRegisteredSchema, type ModelRegistered } from '@mlops/contracts';
import { profileToJSONText } from '@mlops/drift-stats';
import { modelRegisteredEvent } from '@mlops/lifecycle';
import { ModelAlias, RegistryNotFoundError, type JsonValue, type ModelVersion } from '@mlops/registry';
import { readReferenceBaseline } from '../baseline/reference-baseline';
import type { ModelCommandContext } from '../command-runtime';
import { describePublished, where } from '../deploy/report-deployment';
import { ModelDataError } from '../errors';
import { MODEL_EXIT } from '../model-exit-codes';
import { findAlias } from '../registry-lookups';
import { externalComparison } from './external-comparison';
import type { ArtifactRegistration, EventRegistration, RegisterOptions } from './register-options';

/**
 * `mlops register`: brings a version trained elsewhere back in. `--artifact` stores the team's
 * model folder as a new version (tag `trainer=external`) with the baseline profile of its
 * reference data, its metrics and lineage (the RetrainRequest it answers); `--from-event` checks
 * a ModelRegistered against the registry. Either way ModelRegistered then goes to
 * `models.registered`, where the deployment service's gates decide.
 */
export async function runRegister(options: RegisterOptions, context: ModelCommandContext, io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const started = performance.now();
  const { event, version, lines } = options.kind === 'artifact' ? await registerArtifact(options, context) : await checkEvent(options, context);
  const result: Record<string, unknown> = { model: event.model, version: event.version, registry: context.registryName, event };
  if (options.publish && context.publisher) {
    const published = await context.publisher.registered(event);
    result['published'] = where(published);
    lines.push(`ModelRegistered → ${describePublished(published)}: the deployment service gates it`);
  } else {
    lines.push('not published (--no-publish)');
  }
  lines.push(`completed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  result['monitoringOnly'] = version.tags['artifact'] === 'monitoring-only';
  io.stdout.write(options.output.json ? `${JSON.stringify(result)}\n` : `${lines.join('\n')}\n`);
  return MODEL_EXIT.ok;
}

interface Registered {
  event: ModelRegistered;
  version: ModelVersion;
  lines: string[];
}

async function registerArtifact(options: ArtifactRegistration, context: ModelCommandContext): Promise<Registered> {
  const info = await stat(options.artifact).catch(() => undefined);
  if (!info?.isDirectory()) throw new ModelDataError(`--artifact ${options.artifact}: ${info ? 'not a directory' : 'no such directory'} (the folder of the model your pipeline trained)`);
  const { dataWindow, baseline } = await readReferenceBaseline(options, context.signal);
  const metrics = { ...baseline.metrics, ...options.metrics };
  const champion = await findAlias(context.registry, options.model, ModelAlias.Champion);
  const comparison = externalComparison({ metrics, primaryMetric: options.primaryMetric, championVersion: champion?.version, championMetric: options.championMetric, minImprovement: options.minImprovement });
  context.checkpoint();

  const version = await context.registry.createVersion({
    model: options.model,
    sourceDir: path.resolve(options.artifact),
    metrics,
    params: { reference: path.basename(options.reference), rows: baseline.rows, task: baseline.task ?? 'none', primaryMetric: comparison.primaryMetric, minImprovement: options.minImprovement },
    tags: {
      trainer: 'external',
      trigger: options.answersRequest ? 'retrain_request' : 'manual',
      reason: `mlops register --artifact ${path.basename(path.resolve(options.artifact))}`,
    },
    baselineProfile: JSON.parse(profileToJSONText(baseline.profile)) as JsonValue,
    lineage: { ...(champion && { parentVersion: champion.version }), requestId: options.requestId, dataWindow },
    description: `trained outside this project; registered by mlops register for request ${options.requestId}`,
  });
  const event = modelRegisteredEvent(version, comparison, context.now());
  const versus =
    champion === undefined
      ? 'no champion yet: the first version passes the metric gate'
      : comparison.champion === undefined
        ? `champion ${champion.version} has no --champion-metric: the metric gate will refuse it`
        : `champion ${champion.version}: ${comparison.champion}${comparison.outperformsChampion ? ', outperforms it' : ', does not outperform it'}`;
  const lines = [
    `registered ${version.model} version ${version.version} (trainer=external) in the ${context.registryName}: ${version.files.length} file(s), artifact sha256 ${version.artifact.sha256.slice(0, 12)}…`,
    `request ${options.requestId}, window [${dataWindow.from}, ${dataWindow.to}); baseline profile from ${baseline.rows} rows of ${options.reference}`,
    `${comparison.primaryMetric} ${comparison.challenger} (${versus})`,
  ];
  return { event, version, lines };
}

async function checkEvent(options: EventRegistration, context: ModelCommandContext): Promise<Registered> {
  const bytes = await readFile(options.eventFile).catch((error: NodeJS.ErrnoException) => {
    throw new ModelDataError(`--from-event ${options.eventFile}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const decoded = decodeEvent(ModelRegisteredSchema, bytes);
  if (!decoded.ok) throw new ModelDataError(`--from-event ${options.eventFile}: not a valid ModelRegistered (${decoded.reason})`);
  const event = decoded.value;
  if (options.model !== undefined && options.model !== event.model) throw new ModelDataError(`--from-event ${options.eventFile}: the event is about model ${JSON.stringify(event.model)}, not --model ${JSON.stringify(options.model)}`);
  let version: ModelVersion;
  try {
    version = await context.registry.getVersion(event.model, event.version);
  } catch (error) {
    if (error instanceof RegistryNotFoundError) throw new ModelDataError(`--from-event ${options.eventFile}: version ${event.version} of ${event.model} is not in the ${context.registryName}`);
    throw error;
  }
  for (const [what, announced, held] of [
    ['artifact', event.artifact.sha256, version.artifact.sha256],
    ['baselineProfile', event.baselineProfile.sha256, version.baselineProfile.sha256],
  ] as const) {
    if (announced !== held) throw new ModelDataError(`--from-event ${options.eventFile}: ${what}.sha256 ${announced} is not the registry's (${held}) for version ${event.version} of ${event.model}`);
  }
  const lines = [`checked ModelRegistered for ${event.model} version ${event.version} against the ${context.registryName}: artifact and baseline profile digests match`];
  return { event, version, lines };
}
