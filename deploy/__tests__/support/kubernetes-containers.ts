import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';

/** The rendered Deployment called `name`; throws naming `where` (the kustomization) when there is none. */
export function deploymentNamed(deployments: readonly IDeployment[], name: string, where: string): IDeployment {
  const found = deployments.find((d) => d.metadata?.name === name);
  if (!found) throw new Error(`no Deployment ${name} in ${where}`);
  return found;
}

/** The one container of a Deployment's pods (the manifests run one per pod). */
export function containerOf(deployment: IDeployment): IContainer {
  const containers = deployment.spec!.template.spec!.containers;
  if (containers.length !== 1) throw new Error(`${deployment.metadata?.name}: expected one container, found ${containers.length}`);
  return containers[0];
}

/** The environment a container starts with: its ConfigMaps, then its own `env` values (Secrets are not rendered). */
export function environmentOf(container: IContainer, configMaps: readonly IConfigMap[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    if (!from.configMapRef) continue;
    const configMap = configMaps.find((c) => c.metadata?.name === from.configMapRef!.name);
    if (!configMap) throw new Error(`${container.name}: ConfigMap ${from.configMapRef.name} is not rendered`);
    Object.assign(env, configMap.data);
  }
  for (const variable of container.env ?? []) if (variable.value !== undefined) env[variable.name] = variable.value;
  return env;
}

/** Secrets a container reads whole through `envFrom`, in order. */
export function secretRefsOf(container: IContainer): { name: string; optional?: boolean }[] {
  return (container.envFrom ?? []).flatMap((f) => (f.secretRef ? [{ name: f.secretRef.name!, optional: f.secretRef.optional }] : []));
}
