/**
 * The champion version of each model, from the compacted `models.deployed` topic. Predictions
 * that do not name their version are monitored against the version deployed when they are
 * processed (producers that know their version should send `modelVersion`).
 */
export class DeploymentTable {
  private readonly versions = new Map<string, string>();

  set(model: string, version: string): boolean {
    const changed = this.versions.get(model) !== version;
    this.versions.set(model, version);
    return changed;
  }

  versionOf(model: string): string | undefined {
    return this.versions.get(model);
  }

  models(): string[] {
    return [...this.versions.keys()];
  }
}
