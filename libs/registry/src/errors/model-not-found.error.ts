import { RegistryNotFoundError } from './registry-not-found.error';

export class ModelNotFoundError extends RegistryNotFoundError {
  constructor(readonly model: string) {
    super(`model "${model}" is not in the registry`, { model });
  }
}
