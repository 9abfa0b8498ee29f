import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { containerOf, deploymentNamed, environmentOf } from './support/kubernetes-containers';
import { ofKind, renderKustomization } from './support/kubernetes-manifests';
import { configProblems, parsedConfig, PIPELINE_SERVICES, PipelineService } from './support/pipeline-services';
import { folderSettingsOf, mountHolding, REGISTRY_SETTINGS } from './support/writable-paths';

const TARGETS = ['k8s/base', 'k8s/overlays/dev', 'k8s/overlays/prod'];

// What the Secret mlops-mlflow may hold (MLflow's own variable names), one way or the other.
const MLFLOW_CREDENTIALS: Record<string, string>[] = [{ MLFLOW_TRACKING_TOKEN: 'from-secret' }, { MLFLOW_TRACKING_USERNAME: 'from-secret', MLFLOW_TRACKING_PASSWORD: 'from-secret' }];

describe.each(TARGETS)('Kubernetes manifests: the model registry in kubectl kustomize %s', (dir) => {
  jest.setTimeout(60000);

  let deployments: IDeployment[];
  let configMaps: IConfigMap[];

  beforeAll(() => {
    const manifests = renderKustomization(dir);
    deployments = ofKind<IDeployment>(manifests, 'Deployment');
    configMaps = ofKind<IConfigMap>(manifests, 'ConfigMap');
  });

  const deploymentOf = (service: PipelineService): IDeployment => deploymentNamed(deployments, service.name, dir);
  const envOf = (service: PipelineService) => environmentOf(containerOf(deploymentOf(service)), configMaps);

  it('gives every service the same MLflow registry (a filesystem registry would need a ReadWriteMany volume)', () => {
    const [first, ...others] = PIPELINE_SERVICES.map((service) => {
      const env = envOf(service);
      return Object.fromEntries(REGISTRY_SETTINGS.filter((k) => k in env).map((k) => [k, env[k]]));
    });
    expect(first['REGISTRY']).toBe('mlflow');
    expect(new URL(first['MLFLOW_TRACKING_URI']).protocol).toMatch(/^https?:$/);
    for (const settings of others) expect(settings).toEqual(first);
  });

  it.each(PIPELINE_SERVICES)('configures $name for MLflow with or without the credentials of the optional Secret', (service) => {
    const env = envOf(service);
    expect(configProblems(service, env)).toEqual([]);
    for (const credentials of MLFLOW_CREDENTIALS) expect(configProblems(service, { ...env, ...credentials })).toEqual([]);
  });

  it.each(PIPELINE_SERVICES)('puts the folders $name writes on a writable emptyDir (the root filesystem is read-only)', (service) => {
    const deployment = deploymentOf(service);
    const container = containerOf(deployment);
    const emptyDirs = new Set((deployment.spec!.template.spec!.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name));
    const writable = (container.volumeMounts ?? []).filter((m) => emptyDirs.has(m.name) && !m.readOnly).map((m) => m.mountPath);
    expect(writable.length).toBeGreaterThan(0);
    const config = parsedConfig(service, envOf(service));
    // With MLflow the registry has no folder of its own.
    const folders = folderSettingsOf(service).filter((setting) => !(setting === 'REGISTRY_ROOT' && config['REGISTRY'] === 'mlflow'));
    for (const setting of folders) {
      const folder = String(config[setting]);
      expect({ setting, folder, mount: mountHolding(folder, writable) }).toEqual({ setting, folder, mount: expect.any(String) });
    }
  });
});
