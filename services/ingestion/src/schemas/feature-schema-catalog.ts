import type { ExpectedFeature } from './check-features';

export interface ModelFeatureSchema {
  version: string;
  features: readonly ExpectedFeature[];
}

/** The feature schema of each model's deployed version, as ingestion validates against it. */
export class FeatureSchemaCatalog {
  private readonly byModel = new Map<string, ModelFeatureSchema>();

  get(model: string): ModelFeatureSchema | undefined {
    return this.byModel.get(model);
  }

  has(model: string, version: string): boolean {
    return this.byModel.get(model)?.version === version;
  }

  set(model: string, schema: ModelFeatureSchema): void {
    this.byModel.set(model, schema);
  }

  get size(): number {
    return this.byModel.size;
  }
}
