import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { activeServices, COMPOSE_PATH, ComposeFile, ComposeService, composeSchema, containerEnvironment, readComposeFile } from './support/compose-file';
import { argsOf, chownedFolders, createdFolders, readDockerfile } from './support/dockerfile';
import { configProblems, parsedConfig, PIPELINE_SERVICES, REGISTRY_WRITERS, SERVICE_NAMES } from './support/pipeline-services';
import { folderSettingsOf, mountHolding, REGISTRY_SETTINGS } from './support/writable-paths';

// The image's /tmp (mode 1777) is the one place outside a volume that uid 1000 may write.
const CONTAINER_TMP = '/tmp';

function composeWith(shell: Record<string, string>): ComposeFile {
  return composeSchema.parse(readComposeFile(shell));
}

interface Mount {
  source: string;
  target: string;
  readOnly: boolean;
}

function mountsOf(service: ComposeService): Mount[] {
  return (service.volumes ?? []).map((volume) => {
    const [source, target, mode] = volume.split(':');
    return { source, target, readOnly: mode === 'ro' };
  });
}

const registrySettings = (env: Record<string, string>) => Object.fromEntries(REGISTRY_SETTINGS.filter((k) => k in env).map((k) => [k, env[k]]));

describe('docker-compose.yml: one model registry for all five services', () => {
  const compose = composeWith({});
  const envOf = (name: string, shell: Record<string, string> = {}, file = compose) => containerEnvironment(file.services[name], shell);

  it('gives every service the same registry settings: the filesystem registry by default', () => {
    const [first, ...others] = SERVICE_NAMES.map((name) => registrySettings(envOf(name)));
    expect(first['REGISTRY']).toBe('filesystem');
    for (const settings of others) expect(settings).toEqual(first);
  });

  it('mounts one named volume at REGISTRY_ROOT in every service, writable where the registry is written', () => {
    const volumes = new Set<string>();
    for (const name of SERVICE_NAMES) {
      const root = envOf(name)['REGISTRY_ROOT'];
      const mount = mountsOf(compose.services[name]).find((m) => m.target === root);
      expect({ name, source: mount?.source }).toEqual({ name, source: expect.any(String) });
      expect(Object.keys(compose.volumes ?? {})).toContain(mount!.source);
      volumes.add(mount!.source);
      if (REGISTRY_WRITERS.includes(name)) expect({ name, readOnly: mount!.readOnly }).toEqual({ name, readOnly: false });
    }
    expect(volumes.size).toBe(1);
  });

  it('creates the registry mount point in the service image, owned by the user the image runs as, so a fresh volume is writable', () => {
    const final = readDockerfile().stages.at(-1)!;
    const [user] = argsOf(final, 'USER');
    const root = envOf('retraining')['REGISTRY_ROOT'];
    expect(createdFolders(final)).toContain(root);
    const owners = chownedFolders(final).filter(({ folder }) => root === folder || root.startsWith(`${folder}/`));
    expect(owners.map((o) => o.owner)).toEqual([user]);
  });

  it.each(PIPELINE_SERVICES)('puts the folders $name writes under /tmp or a writable volume, with values its schema accepts', (service) => {
    const env = envOf(service.name);
    expect(configProblems(service, env)).toEqual([]);
    const config = parsedConfig(service, env);
    const writable = [CONTAINER_TMP, ...mountsOf(compose.services[service.name]).filter((m) => !m.readOnly).map((m) => m.target)];
    const readable = [...writable, ...mountsOf(compose.services[service.name]).map((m) => m.target)];
    for (const setting of folderSettingsOf(service)) {
      // Readers open the registry only to read it; a read-only mount is enough for them.
      const reads = setting === 'REGISTRY_ROOT' && !REGISTRY_WRITERS.includes(service.name);
      const folder = String(config[setting]);
      expect({ setting, folder, mount: mountHolding(folder, reads ? readable : writable) }).toEqual({ setting, folder, mount: expect.any(String) });
    }
  });

  it('finds the folder settings of each service in its schema (registry for all, a work folder for the model handlers)', () => {
    expect(Object.fromEntries(PIPELINE_SERVICES.map((s) => [s.name, folderSettingsOf(s)]))).toEqual({
      ingestion: ['REGISTRY_ROOT'],
      inference: ['INFERENCE_MODEL_DIR', 'REGISTRY_ROOT'],
      'drift-computation': ['REGISTRY_ROOT'],
      retraining: ['REGISTRY_ROOT', 'RETRAINING_WORK_DIR'],
      deployment: ['DEPLOYMENT_WORK_DIR', 'REGISTRY_ROOT'],
    });
  });

  it('passes MLflow credentials on from the shell when set there, and leaves them unset otherwise', () => {
    const shell = { MLFLOW_TRACKING_USERNAME: 'mlops', MLFLOW_TRACKING_PASSWORD: 's3cret', MLFLOW_TRACKING_TOKEN: 'tok' };
    for (const service of PIPELINE_SERVICES) {
      expect(Object.keys(envOf(service.name)).filter((k) => k.startsWith('MLFLOW_TRACKING_') && k !== 'MLFLOW_TRACKING_URI')).toEqual([]);
      const env = envOf(service.name, shell);
      expect(env).toEqual(expect.objectContaining(shell));
      expect(configProblems(service, env)).toEqual([]);
    }
    // Never a credential written into the file itself.
    const raw = parse(readFileSync(COMPOSE_PATH, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const name of Object.keys(shell)) expect(raw['x-service-env'][name]).toBeNull();
  });
});

describe('docker-compose.yml: the mlflow profile', () => {
  const shell = { REGISTRY: 'mlflow' };
  const compose = composeWith(shell);
  const mlflow = compose.services['mlflow'];

  it('starts MLflow only with the profile', () => {
    expect(activeServices(compose)).not.toContain('mlflow');
    expect(activeServices(compose, ['mlflow'])).toContain('mlflow');
    expect(activeServices(compose)).toEqual(expect.arrayContaining(SERVICE_NAMES));
  });

  it('switches every service to the compose MLflow with REGISTRY=mlflow, and accepts the result', () => {
    const port = mlflow.ports?.[0].split(':')[1];
    for (const service of PIPELINE_SERVICES) {
      const env = containerEnvironment(compose.services[service.name], shell);
      expect(registrySettings(env)).toEqual(expect.objectContaining({ REGISTRY: 'mlflow', MLFLOW_TRACKING_URI: `http://mlflow:${port}` }));
      expect(configProblems(service, env)).toEqual([]);
    }
  });

  it('falls back to the compose MLflow when MLFLOW_TRACKING_URI is empty in the shell (an empty URI fails validation)', () => {
    const emptyUri = { REGISTRY: 'mlflow', MLFLOW_TRACKING_URI: '' };
    const withEmpty = composeWith(emptyUri);
    for (const service of PIPELINE_SERVICES) {
      const env = containerEnvironment(withEmpty.services[service.name], emptyUri);
      expect(env['MLFLOW_TRACKING_URI']).toMatch(/^http:\/\/mlflow:\d+$/);
      expect(configProblems(service, env)).toEqual([]);
    }
    // …and a server of your own replaces it.
    const own = { REGISTRY: 'mlflow', MLFLOW_TRACKING_URI: 'https://mlflow.example.org' };
    expect(containerEnvironment(composeWith(own).services['inference'], own)['MLFLOW_TRACKING_URI']).toBe('https://mlflow.example.org');
  });

  it('lets the services wait for MLflow when it runs, without requiring it when its profile is off', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [dependency, spec] of Object.entries(service.depends_on ?? {})) {
        const profiles = compose.services[dependency].profiles;
        // A dependency on a service outside the default model must share its profile or be optional.
        const reachable = !profiles || profiles.some((p) => service.profiles?.includes(p)) || spec.required === false;
        expect({ name, dependency, reachable }).toEqual({ name, dependency, reachable: true });
      }
    }
    for (const name of SERVICE_NAMES) expect(compose.services[name].depends_on?.['mlflow']).toEqual({ condition: 'service_healthy', required: false });
  });

  it('builds MLflow from deploy/mlflow/Dockerfile and keeps its store on a named volume at the image\'s store folder', () => {
    expect(mlflow.build).toEqual({ context: './tools/mlflow', dockerfile: '../../deploy/mlflow/Dockerfile' });
    const final = readDockerfile('deploy/mlflow/Dockerfile').stages.at(-1)!;
    const [store] = argsOf(final, 'WORKDIR');
    const mount = mountsOf(mlflow).find((m) => m.target === store);
    expect(mount).toEqual({ source: expect.any(String), target: store, readOnly: false });
    expect(Object.keys(compose.volumes ?? {})).toContain(mount!.source);
    expect(mlflow.healthcheck.test.join(' ')).toContain('/health');
  });

  it('lets MLflow answer requests addressed to its compose name (MLflow 3 checks the Host header)', () => {
    const allowed = String(mlflow.environment?.['MLFLOW_SERVER_ALLOWED_HOSTS']).split(',');
    // fnmatch-style patterns, as MLflow matches them.
    const matches = (host: string) => allowed.some((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(host));
    const uri = new URL(containerEnvironment(compose.services['retraining'], shell)['MLFLOW_TRACKING_URI']);
    expect(matches(uri.host)).toBe(true);
    expect(matches(`localhost:${mlflow.ports?.[0].split(':')[0]}`)).toBe(true);
    expect(matches('attacker.example:5000')).toBe(false);
  });
});
