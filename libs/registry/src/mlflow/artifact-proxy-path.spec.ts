import { RegistryRequestError } from '../errors/registry-request.error';
import { artifactFileUrlPath, artifactProxyPath } from './artifact-proxy-path';

describe('artifactProxyPath', () => {
  it.each([
    ['mlflow-artifacts:/1/abc/artifacts', '1/abc/artifacts'],
    ['mlflow-artifacts:/1/abc/artifacts/model/', '1/abc/artifacts/model'],
    ['mlflow-artifacts://127.0.0.1:5000/1/abc/artifacts', '1/abc/artifacts'],
    ['http://mlflow:5000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts', '1/abc/artifacts'],
    ['https://host/prefix/api/2.0/mlflow-artifacts/artifacts/7/r/artifacts', '7/r/artifacts'],
  ])('%s → %s', (uri, path) => {
    expect(artifactProxyPath(uri)).toBe(path);
  });

  it.each(['s3://bucket/1/abc/artifacts', 'file:///tmp/mlruns/1', '/tmp/mlruns/1'])('refuses %s, which the proxy does not serve', (uri) => {
    expect(() => artifactProxyPath(uri)).toThrow(RegistryRequestError);
    expect(() => artifactProxyPath(uri)).toThrow(/--serve-artifacts/);
  });
});

describe('artifactFileUrlPath', () => {
  it('percent-encodes each segment of the file path', () => {
    expect(artifactFileUrlPath('1/abc/artifacts/model', 'preprocessing/feature schema#1?.json')).toBe(
      '/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/model/preprocessing/feature%20schema%231%3F.json',
    );
  });
});
