import type { DataWindow, RetrainRequest } from '@mlops/contracts';
import type { TrainingExample } from '@mlops/model';
import { ModelAlias, RegistryNotFoundError, type KafkaOffsetRange, type ModelRegistry } from '@mlops/registry';
import type { CollectedWindow } from '../data/training-window-collector';
import { sampleRows } from '@mlops/lifecycle';

export interface BaseRows {
  examples: TrainingExample[];
  offsets: KafkaOffsetRange[];
  window: DataWindow;
}

/**
 * The original training data to mix in: the champion's own training window (from its lineage),
 * cut where the request's window starts so no row is taken twice, read again from
 * `predictions.labeled` (rows past the topic's retention are gone) and sampled to
 * `ratio × windowRows` rows. Undefined when mixing is off, there is no champion, or its window
 * holds nothing before the request's.
 */
export async function baseRows(input: {
  registry: ModelRegistry;
  request: RetrainRequest;
  windowRows: number;
  ratio: number;
  seed: number;
  readWindow(model: string, window: DataWindow): Promise<CollectedWindow>;
}): Promise<BaseRows | undefined> {
  if (!(input.ratio > 0)) return undefined;
  let lineage;
  try {
    lineage = (await input.registry.getAlias(input.request.model, ModelAlias.Champion)).lineage;
  } catch (error) {
    if (error instanceof RegistryNotFoundError) return undefined;
    throw error;
  }
  const fromMs = Date.parse(lineage.dataWindow.from);
  const toMs = Math.min(Date.parse(lineage.dataWindow.to), Date.parse(input.request.dataWindow.from));
  if (!(fromMs < toMs)) return undefined;
  const window = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
  const read = await input.readWindow(input.request.model, window);
  return { examples: sampleRows(read.examples, Math.round(input.ratio * input.windowRows), input.seed), offsets: read.offsets, window };
}
