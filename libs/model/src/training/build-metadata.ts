import type { BackendName } from '../backend/backend-name';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, ModelMetadata, ModelMetrics } from '../model/model-metadata';
import type { FeatureDefinition } from '../schema/feature-schema';
import type { TargetEncoding } from '../target/target-encoding';
import type { FitSummary } from './fit-network';
import { libraryVersions } from './library-versions';
import type { RowSplit } from './split-rows';
import type { TrainingSettings } from './training-options';

export interface MetadataParts {
  readonly schema: readonly FeatureDefinition[];
  readonly target: TargetEncoding;
  readonly metrics: ModelMetrics;
  readonly split: RowSplit;
  readonly summary: FitSummary;
  readonly settings: TrainingSettings;
  readonly backend: BackendName;
  readonly durationMs: number;
  readonly trainedAt: number;
}

/** The metadata.json of a freshly trained model. */
export function buildMetadata(p: MetadataParts): ModelMetadata {
  // Declared feature types live on in `features`; the window has its own field.
  const { features: _declared, dataWindow, ...options } = p.settings;
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    task: p.target.task,
    features: p.schema.map((f) => ({ name: f.name, type: f.type })),
    ...(p.target.task === 'regression' ? {} : { classes: [...p.target.classes] }),
    metrics: p.metrics,
    training: {
      rows: p.split.train.length + p.split.validation.length,
      trainRows: p.split.train.length,
      validationRows: p.split.validation.length,
      ...(dataWindow === undefined ? {} : { dataWindow }),
      epochs: p.summary.epochs,
      bestEpoch: p.summary.bestEpoch,
      stoppedEarly: p.summary.stoppedEarly,
      durationMs: p.durationMs,
      backend: p.backend,
      options,
    },
    versions: libraryVersions(),
    trainedAt: new Date(p.trainedAt).toISOString(),
  };
}
