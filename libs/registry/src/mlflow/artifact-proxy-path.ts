import { RegistryRequestError } from '../errors/registry-request.error';

export const ARTIFACT_PROXY_PREFIX = '/api/2.0/mlflow-artifacts/artifacts/';

/**
 * Turns an artifact URI the server handed out into a path under its artifact proxy. With
 * `--serve-artifacts` runs get `mlflow-artifacts:/<experiment>/<run>/artifacts` (some setups
 * write `mlflow-artifacts://host:port/…`, or the proxy's full http URL). Any other scheme
 * (`s3:`, `file:`) means the server does not proxy this run's artifacts and the registry,
 * which talks to the server only, cannot reach them.
 */
export function artifactProxyPath(uri: string): string {
  const proxied = /^mlflow-artifacts:(?:\/\/[^/]*)?\/*(.*)$/.exec(uri);
  const viaHttp = /^https?:\/\/[^/]+(?:\/.*)?\/api\/2\.0\/mlflow-artifacts\/artifacts\/+(.*)$/.exec(uri);
  const path = proxied?.[1] ?? viaHttp?.[1];
  if (path === undefined) {
    throw new RegistryRequestError(
      'artifact location',
      `${uri} is not served through the tracking server's artifact proxy; start the server with --serve-artifacts and the default artifact root mlflow-artifacts:/`,
    );
  }
  return path.replace(/\/+$/, '');
}

/** The URL path of one file below an artifact directory, each segment percent-encoded. */
export function artifactFileUrlPath(directory: string, relativePath: string): string {
  const segments = [...directory.split('/'), ...relativePath.split('/')].filter((s) => s !== '');
  return ARTIFACT_PROXY_PREFIX + segments.map(encodeURIComponent).join('/');
}
