import { InvalidRegistryConfigError } from './errors/invalid-registry-config.error';
import { createModelRegistry, type RegistryConfig } from './create-model-registry';
import { FilesystemRegistry } from './filesystem/filesystem-registry';
import { MlflowRegistry } from './mlflow/mlflow-registry';

describe('createModelRegistry', () => {
  it('builds the configured implementation', () => {
    expect(createModelRegistry({ kind: 'filesystem', root: '/var/lib/mlops/registry' })).toBeInstanceOf(FilesystemRegistry);
    expect(createModelRegistry({ kind: 'mlflow', trackingUri: 'http://mlflow:5000' })).toBeInstanceOf(MlflowRegistry);
  });

  it('names the missing or bad setting', () => {
    expect(() => createModelRegistry({ kind: 'filesystem', root: '' })).toThrow(/root: required/);
    expect(() => createModelRegistry({ kind: 'mlflow', trackingUri: '' })).toThrow(/trackingUri: required/);
    expect(() => createModelRegistry({ kind: 'mlflow', trackingUri: 'ftp://x' })).toThrow(InvalidRegistryConfigError);
    expect(() => createModelRegistry({ kind: 'zip' } as unknown as RegistryConfig)).toThrow(/expected "filesystem" or "mlflow"/);
  });
});
