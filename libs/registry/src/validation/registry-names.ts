import { MODEL_NAME_PATTERN, MODEL_VERSION_PATTERN } from '@mlops/contracts';
import { InvalidNameError } from '../errors/invalid-name.error';
import { ALIAS_PATTERN, RESERVED_ALIAS_PATTERN } from '../registry/model-alias';

/**
 * Names become folder names (filesystem registry) and URL parts (MLflow), so every public
 * method checks them first, before any I/O. The patterns come from @mlops/contracts: the first
 * character is alphanumeric and `/` and `\` never occur, which rules out `..` and traversal.
 */
export function assertModelName(model: string): void {
  if (typeof model !== 'string' || !MODEL_NAME_PATTERN.test(model)) {
    throw new InvalidNameError('model name', String(model), `expected ${MODEL_NAME_PATTERN}`);
  }
}

export function assertVersionName(version: string): void {
  if (typeof version !== 'string' || !MODEL_VERSION_PATTERN.test(version)) {
    throw new InvalidNameError('model version', String(version), `expected ${MODEL_VERSION_PATTERN}`);
  }
}

export function assertAliasName(alias: string): void {
  if (typeof alias !== 'string' || !ALIAS_PATTERN.test(alias) || RESERVED_ALIAS_PATTERN.test(alias)) {
    throw new InvalidNameError('alias', String(alias), `expected ${ALIAS_PATTERN}, not "latest" nor v<number>`);
  }
}

/**
 * Versions both registries allocate are positive integers without leading zeros. A valid name
 * that is not one ("abc", "01") cannot exist, so lookups answer not-found without asking.
 */
export function isAllocatedVersion(version: string): boolean {
  return /^[1-9][0-9]{0,15}$/.test(version);
}
