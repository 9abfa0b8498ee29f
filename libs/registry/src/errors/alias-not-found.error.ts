import { RegistryNotFoundError } from './registry-not-found.error';

export class AliasNotFoundError extends RegistryNotFoundError {
  constructor(
    readonly model: string,
    readonly alias: string,
  ) {
    super(`model "${model}" has no alias "${alias}"`, { model, alias });
  }
}
