import { join } from 'node:path';
import { MANIFEST_FILE } from '../manifest/artifact-manifest';

/**
 * Where the filesystem registry keeps things (every name is validated before it gets here):
 *
 *   <root>/models/<model>/versions/<n>/version.json          metrics, params, tags, lineage, digests
 *   <root>/models/<model>/versions/<n>/manifest.json         path, size and sha256 of every file
 *   <root>/models/<model>/versions/<n>/baseline-profile.json
 *   <root>/models/<model>/versions/<n>/artifact/...          the saved model directory, byte for byte
 *   <root>/models/<model>/aliases/<alias>.json               { "version": "<n>", "updatedAt": … }
 *   <root>/staging/<model>.<random>/                         versions being written (never read)
 */
export class FilesystemLayout {
  constructor(readonly root: string) {}

  modelDir(model: string): string {
    return join(this.root, 'models', model);
  }
  versionsDir(model: string): string {
    return join(this.modelDir(model), 'versions');
  }
  versionDir(model: string, version: string): string {
    return join(this.versionsDir(model), version);
  }
  recordFile(model: string, version: string): string {
    return join(this.versionDir(model, version), 'version.json');
  }
  manifestFile(model: string, version: string): string {
    return join(this.versionDir(model, version), MANIFEST_FILE);
  }
  profileFile(model: string, version: string): string {
    return join(this.versionDir(model, version), 'baseline-profile.json');
  }
  artifactDir(model: string, version: string): string {
    return join(this.versionDir(model, version), 'artifact');
  }
  aliasesDir(model: string): string {
    return join(this.modelDir(model), 'aliases');
  }
  aliasFile(model: string, alias: string): string {
    return join(this.aliasesDir(model), `${alias}.json`);
  }
  stagingDir(): string {
    return join(this.root, 'staging');
  }
}

/** Names inside a staged version folder, before it is renamed to versions/<n>. */
export const STAGED = { record: 'version.json', manifest: MANIFEST_FILE, profile: 'baseline-profile.json', artifact: 'artifact' } as const;
