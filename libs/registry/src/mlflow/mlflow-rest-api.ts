import { RegistryRequestError } from '../errors/registry-request.error';
import type { LogBatch, MlflowKeyValue } from './log-batches';
import type { MlflowHttpClient } from './mlflow-http-client';
import {
  CreateExperimentResponse,
  CreateRunResponse,
  EmptyResponse,
  GetExperimentResponse,
  GetRegisteredModelResponse,
  GetRunResponse,
  ModelVersionResponse,
  SearchModelVersionsResponse,
  type MlflowModelVersion,
} from './mlflow-responses';

/** MLflow answers "no such thing" with 404 or RESOURCE_DOES_NOT_EXIST, depending on the endpoint. */
export function isNotFound(error: unknown): boolean {
  return error instanceof RegistryRequestError && (error.status === 404 || error.errorCode === 'RESOURCE_DOES_NOT_EXIST');
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof RegistryRequestError && error.errorCode === 'RESOURCE_ALREADY_EXISTS';
}

export interface MlflowRun {
  runId: string;
  experimentId: string;
  artifactUri: string;
  metrics: Record<string, number>;
  params: Record<string, string>;
  tags: Record<string, string>;
}

/** The MLflow REST endpoints the registry uses, typed; names follow MLflow's REST API reference. */
export class MlflowRestApi {
  constructor(readonly http: MlflowHttpClient) {}

  /** An experiment's id, created when missing (another writer creating it first is fine). */
  async ensureExperiment(name: string): Promise<string> {
    const existing = await this.findExperiment(name);
    if (existing) return existing;
    try {
      const created = await this.http.call('POST', 'mlflow/experiments/create', CreateExperimentResponse, { body: { name } });
      return created.experiment_id;
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const raced = await this.findExperiment(name);
      if (!raced) throw error;
      return raced;
    }
  }

  private async findExperiment(name: string): Promise<string | undefined> {
    try {
      const found = await this.http.call('GET', 'mlflow/experiments/get-by-name', GetExperimentResponse, { query: { experiment_name: name } });
      return found.experiment.experiment_id;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async createRun(experimentId: string, runName: string, startTime: number, tags: MlflowKeyValue[]): Promise<{ runId: string; artifactUri: string }> {
    const created = await this.http.call('POST', 'mlflow/runs/create', CreateRunResponse, {
      body: { experiment_id: experimentId, run_name: runName, start_time: startTime, tags },
    });
    return { runId: created.run.info.run_id, artifactUri: created.run.info.artifact_uri };
  }

  async logBatch(runId: string, batch: LogBatch): Promise<void> {
    await this.http.call('POST', 'mlflow/runs/log-batch', EmptyResponse, { body: { run_id: runId, ...batch } });
  }

  async endRun(runId: string, status: 'FINISHED' | 'FAILED', endTime: number): Promise<void> {
    await this.http.call('POST', 'mlflow/runs/update', EmptyResponse, { body: { run_id: runId, status, end_time: endTime } });
  }

  async getRun(runId: string): Promise<MlflowRun> {
    const { run } = await this.http.call('GET', 'mlflow/runs/get', GetRunResponse, { query: { run_id: runId } });
    const data = run.data ?? {};
    return {
      runId: run.info.run_id,
      experimentId: run.info.experiment_id,
      artifactUri: run.info.artifact_uri,
      metrics: Object.fromEntries((data.metrics ?? []).map((m) => [m.key, Number(m.value)])),
      params: Object.fromEntries((data.params ?? []).map((p) => [p.key, p.value])),
      tags: Object.fromEntries((data.tags ?? []).map((t) => [t.key, t.value])),
    };
  }

  async ensureRegisteredModel(name: string): Promise<void> {
    try {
      await this.http.call('POST', 'mlflow/registered-models/create', EmptyResponse, { body: { name } });
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  }

  /** The model's aliases (alias → version); throws a not-found RegistryRequestError when absent. */
  async getRegisteredModelAliases(name: string): Promise<Record<string, string>> {
    const { registered_model } = await this.http.call('GET', 'mlflow/registered-models/get', GetRegisteredModelResponse, { query: { name } });
    return Object.fromEntries((registered_model.aliases ?? []).map((a) => [a.alias, a.version]));
  }

  async createModelVersion(input: {
    name: string;
    source: string;
    runId: string;
    tags: MlflowKeyValue[];
    description?: string;
  }): Promise<MlflowModelVersion> {
    const created = await this.http.call('POST', 'mlflow/model-versions/create', ModelVersionResponse, {
      body: { name: input.name, source: input.source, run_id: input.runId, tags: input.tags, description: input.description },
      // One version per run: if a lost attempt created it, find it instead of creating a second.
      findExisting: async () => {
        const found = await this.searchModelVersions(input.name, `run_id='${input.runId}'`);
        return found[0] && { model_version: found[0] };
      },
    });
    return created.model_version;
  }

  async getModelVersion(name: string, version: string): Promise<MlflowModelVersion> {
    const found = await this.http.call('GET', 'mlflow/model-versions/get', ModelVersionResponse, { query: { name, version } });
    return found.model_version;
  }

  /** Every version of `name` matching the extra filter, across pages. */
  async searchModelVersions(name: string, extraFilter?: string): Promise<MlflowModelVersion[]> {
    // Names passed validation (no quotes possible), so they are safe inside the filter string.
    const filter = [`name='${name}'`, extraFilter].filter(Boolean).join(' AND ');
    const versions: MlflowModelVersion[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.http.call('GET', 'mlflow/model-versions/search', SearchModelVersionsResponse, {
        query: { filter, max_results: 1000, page_token: pageToken },
      });
      versions.push(...(page.model_versions ?? []));
      pageToken = page.next_page_token || undefined;
    } while (pageToken);
    return versions;
  }

  async setAlias(name: string, alias: string, version: string): Promise<void> {
    await this.http.call('POST', 'mlflow/registered-models/alias', EmptyResponse, { body: { name, alias, version } });
  }

  async deleteAlias(name: string, alias: string): Promise<void> {
    await this.http.call('DELETE', 'mlflow/registered-models/alias', EmptyResponse, { body: { name, alias } });
  }
}
