import { existsSync, readFileSync } from 'node:fs';
import { composeSchema, readComposeFile } from './support/compose-file';
import { argsOf, chownedFolders, createdFolders, execForm, readDockerfile } from './support/dockerfile';
import { fromRoot } from './support/paths';

// tools/mlflow is the MLflow the test suite runs; the image must be that version.
const { MLFLOW_VERSION } = require('../../tools/mlflow/local-mlflow.js') as { MLFLOW_VERSION: string };

const DOCKERFILE = 'deploy/mlflow/Dockerfile';

/** The value after a flag in an argument list (`--port 5000` → `5000`). */
const flag = (args: readonly string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

describe('deploy/mlflow/Dockerfile (validated statically: no Docker engine here)', () => {
  const dockerfile = readDockerfile(DOCKERFILE);
  const final = dockerfile.stages.at(-1)!;
  const argDefault = (name: string) =>
    [...Object.entries(dockerfile.globalArgs), ...argsOf(final, 'ARG').map((a) => a.split('=') as [string, string])].find(([n]) => n === name)?.[1];
  const command = execForm(argsOf(final, 'CMD')[0]);
  const [user] = argsOf(final, 'USER');
  const [store] = argsOf(final, 'WORKDIR');

  it('installs the MLflow version of tools/mlflow, with the Python dependencies pinned by its constraints file', () => {
    expect(argDefault('MLFLOW_VERSION')).toBe(MLFLOW_VERSION);
    const constraints = `constraints/mlflow-${MLFLOW_VERSION}.txt`;
    const file = fromRoot('tools', 'mlflow', constraints);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^mlflow==${MLFLOW_VERSION.replace(/\./g, '\\.')}$`, 'm'));
    // The build context is tools/mlflow (docker-compose.yml's build.context).
    const [copy] = argsOf(final, 'COPY');
    const [source, target] = copy.split(' ');
    expect(source).toBe('constraints/mlflow-${MLFLOW_VERSION}.txt');
    const [install] = argsOf(final, 'RUN').filter((r) => r.startsWith('pip install'));
    expect(install).toContain(`--constraint ${target}`);
    expect(install).toContain('"mlflow==${MLFLOW_VERSION}"');
  });

  it('starts from a slim Python image named the Docker Hub way, without a registry host', () => {
    expect(final.from).toBe('${PYTHON_IMAGE}');
    expect(dockerfile.globalArgs['PYTHON_IMAGE']).toMatch(/^python:3\.\d+-slim(-\w+)?$/);
  });

  it('serves the tracking API and the artifacts through one port, from a store under a folder the server user owns', () => {
    expect(command.slice(0, 2)).toEqual(['mlflow', 'server']);
    expect(command).toContain('--serve-artifacts');
    expect(flag(command, '--host')).toBe('0.0.0.0');
    expect(argsOf(final, 'EXPOSE')).toEqual([flag(command, '--port')]);
    expect(flag(command, '--default-artifact-root')).toBe('mlflow-artifacts:/');
    // sqlite:/// then an absolute path
    const database = flag(command, '--backend-store-uri')!.replace(/^sqlite:\/\/\//, '');
    const artifacts = flag(command, '--artifacts-destination')!;
    for (const folder of [database, artifacts]) expect(folder.startsWith(`${store}/`)).toBe(true);
    expect(createdFolders(final)).toContain(artifacts);
    expect(chownedFolders(final)).toEqual([{ owner: user, folder: store }]);
    expect(user).toMatch(/^[1-9]\d*:\d+$/);
  });

  it('checks its health on /health at the port it serves', () => {
    const [healthcheck] = argsOf(final, 'HEALTHCHECK');
    expect(execForm(healthcheck).join(' ')).toContain(`http://localhost:${flag(command, '--port')}/health`);
  });

  it('is the image compose runs for the mlflow profile, on the port the server listens on', () => {
    const mlflow = composeSchema.parse(readComposeFile()).services['mlflow'];
    expect(mlflow.image).toBe(`mlops-kafka/mlflow:${MLFLOW_VERSION}`);
    expect(mlflow.ports).toEqual([`${flag(command, '--port')}:${flag(command, '--port')}`]);
    expect(mlflow.healthcheck.test.slice(1).join(' ')).toBe(execForm(argsOf(final, 'HEALTHCHECK')[0]).join(' '));
  });
});

describe('image references', () => {
  // A registry host is the first path component when it holds a dot or a port, or is localhost.
  const hasRegistryHost = (image: string) => {
    const [first, ...rest] = image.split('/');
    return rest.length > 0 && (/[.:]/.test(first) || first === 'localhost');
  };

  it('name Docker Hub images by their short names in the Dockerfiles and docker-compose.yml', () => {
    const images = [
      ...Object.values(readDockerfile().globalArgs),
      ...Object.values(readDockerfile(DOCKERFILE).globalArgs),
      ...Object.values(composeSchema.parse(readComposeFile()).services).map((s) => s.image),
    ];
    expect(images.length).toBeGreaterThan(5);
    expect(images.filter(hasRegistryHost)).toEqual([]);
  });
});
