import { RegistryNotFoundError } from './registry-not-found.error';

export class VersionNotFoundError extends RegistryNotFoundError {
  constructor(
    readonly model: string,
    readonly version: string,
  ) {
    super(`model "${model}" has no version "${version}"`, { model, version });
  }
}
