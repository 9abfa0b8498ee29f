import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Topic, TOPIC_SPECS } from '@mlops/contracts';
import { kafkaConfigFromEnv, kafkaEnvSchema } from '@mlops/kafka';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';
import { containerOf, deploymentNamed, environmentOf, secretRefsOf } from './support/kubernetes-containers';
import { Manifest, ofKind, renderKustomization, schemaErrors } from './support/kubernetes-manifests';
import { configProblems, DEFAULT_SHUTDOWN_TIMEOUT_MS, PIPELINE_SERVICES, PipelineService, SERVICE_NAMES } from './support/pipeline-services';
import { loadRuleGroups } from './support/prometheus-rules';

const SASL_SECRET = 'mlops-kafka-sasl';
// MLflow credentials, for a server behind authentication: optional everywhere.
const MLFLOW_SECRET = 'mlops-mlflow';

const TARGETS = [
  { dir: 'k8s/base', namespace: undefined, saslRequired: false },
  { dir: 'k8s/overlays/dev', namespace: 'mlops-dev', saslRequired: false },
  { dir: 'k8s/overlays/prod', namespace: 'mlops', saslRequired: true },
];

// Autoscaled services and the topics their consumer group reads: more pods than the smallest
// partition count would sit idle.
const AUTOSCALED: Record<string, Topic[]> = {
  ingestion: [Topic.PredictionsRaw, Topic.LabelsRaw],
  inference: [Topic.InferenceRequests],
};

const subsetOf = (small: Record<string, string> | undefined, big: Record<string, string> | undefined): boolean =>
  Object.keys(small ?? {}).length > 0 && Object.entries(small ?? {}).every(([k, v]) => big?.[k] === v);

function portNumber(container: IContainer, port: number | string | undefined): number | undefined {
  return typeof port === 'number' ? port : container.ports?.find((p) => p.name === port)?.containerPort;
}

function preStopSeconds(container: IContainer): number {
  const command = container.lifecycle?.preStop?.exec?.command ?? [];
  return command[0] === 'sleep' ? Number(command[1]) : 0;
}

describe.each(TARGETS)('Kubernetes manifests: kubectl kustomize $dir', ({ dir, namespace, saslRequired }) => {
  jest.setTimeout(60000);

  let manifests: Manifest[];
  let deployments: IDeployment[];
  let configMaps: IConfigMap[];

  beforeAll(() => {
    manifests = renderKustomization(dir);
    deployments = ofKind<IDeployment>(manifests, 'Deployment');
    configMaps = ofKind<IConfigMap>(manifests, 'ConfigMap');
  });

  const deploymentOf = (service: PipelineService): IDeployment => deploymentNamed(deployments, service.name, dir);

  it('renders only resources that validate against the Kubernetes and Prometheus Operator schemas', () => {
    expect(manifests.length).toBeGreaterThan(0);
    expect(manifests.flatMap(schemaErrors)).toEqual([]);
  });

  it('has a Deployment, a Service and a PodDisruptionBudget per service, and autoscalers for ingestion and inference', () => {
    const names = (kind: string) => manifests.filter((m) => m.kind === kind).map((m) => m.metadata.name).sort();
    expect(names('Deployment')).toEqual([...SERVICE_NAMES].sort());
    expect(names('Service')).toEqual([...SERVICE_NAMES].sort());
    expect(names('PodDisruptionBudget')).toEqual([...SERVICE_NAMES].sort());
    expect(names('HorizontalPodAutoscaler')).toEqual(Object.keys(AUTOSCALED).sort());
    expect(names('ServiceMonitor')).toHaveLength(1);
    expect(names('PrometheusRule')).toHaveLength(1);
  });

  it.each(PIPELINE_SERVICES)('probes $name: liveness on /health/live, readiness on /health/ready, at its HTTP port', (service) => {
    const container = containerOf(deploymentOf(service));
    const port = (probe: IProbe | undefined) => portNumber(container, probe?.httpGet?.port);
    expect(container.ports?.find((p) => p.name === 'http')?.containerPort).toBe(service.defaultHttpPort);
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(port(container.livenessProbe)).toBe(service.defaultHttpPort);
    expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(port(container.readinessProbe)).toBe(service.defaultHttpPort);
    if (container.startupProbe) expect(container.startupProbe.httpGet?.path).toBe('/health/live');
  });

  it.each(PIPELINE_SERVICES)('runs $name with resources, as non-root, and lets it finish a graceful shutdown', (service) => {
    const pod = deploymentOf(service).spec!.template.spec!;
    const container = containerOf(deploymentOf(service));
    expect(container.resources?.requests).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
    expect(container.resources?.limits).toEqual(expect.objectContaining({ memory: expect.anything() }));

    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(pod.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
    expect(container.securityContext).toEqual(
      expect.objectContaining({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } }),
    );
    expect(container.securityContext?.privileged).not.toBe(true);

    const shutdownMs = Number(environmentOf(container, configMaps)['SHUTDOWN_TIMEOUT_MS'] ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
    expect(shutdownMs).toBeGreaterThanOrEqual(DEFAULT_SHUTDOWN_TIMEOUT_MS);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(shutdownMs / 1000 + preStopSeconds(container));
  });

  it.each(PIPELINE_SERVICES)('configures $name with an environment its configuration schema accepts', (service) => {
    const container = containerOf(deploymentOf(service));
    const env = environmentOf(container, configMaps);
    expect(env['HTTP_PORT'] ?? String(service.defaultHttpPort)).toBe(String(service.defaultHttpPort));
    expect(configProblems(service, env)).toEqual([]);
    // The Secret supplies the credentials at run time; with them the Kafka settings must be coherent.
    const withCredentials = saslRequired ? { ...env, KAFKA_SASL_USERNAME: 'from-secret', KAFKA_SASL_PASSWORD: 'from-secret' } : env;
    expect(() => kafkaConfigFromEnv(kafkaEnvSchema.parse(withCredentials), service.name)).not.toThrow();
  });

  it(`commits no Secret and reads the Kafka credentials from ${SASL_SECRET}${saslRequired ? ' (required)' : ' (optional)'}, MLflow's from ${MLFLOW_SECRET} (optional)`, () => {
    expect(ofKind(manifests, 'Secret')).toEqual([]);
    for (const deployment of deployments) {
      const container = containerOf(deployment);
      expect(secretRefsOf(container)).toEqual([
        { name: SASL_SECRET, optional: !saslRequired },
        { name: MLFLOW_SECRET, optional: true },
      ]);
      const inlineSecrets = (container.env ?? []).filter((e) => /PASSWORD|SECRET|TOKEN/.test(e.name) && e.value !== undefined);
      expect(inlineSecrets).toEqual([]);
    }
  });

  it('routes each Service to the pods of its Deployment, on the port named http', () => {
    for (const service of ofKind<IService>(manifests, 'Service')) {
      const deployment = deployments.find((d) => d.metadata?.name === service.metadata?.name)!;
      expect(subsetOf(service.spec?.selector, deployment.spec?.template.metadata?.labels)).toBe(true);
      expect(subsetOf(deployment.spec?.selector.matchLabels, deployment.spec?.template.metadata?.labels)).toBe(true);
      const [port] = service.spec?.ports ?? [];
      expect(port.name).toBe('http');
      expect(portNumber(containerOf(deployment), port.targetPort)).toBe(port.port);
    }
  });

  it('lets a node drain: each PodDisruptionBudget selects its pods and allows one disruption', () => {
    for (const pdb of ofKind<IPodDisruptionBudget>(manifests, 'PodDisruptionBudget')) {
      const deployment = deployments.find((d) => d.metadata?.name === pdb.metadata?.name)!;
      expect(subsetOf(pdb.spec?.selector?.matchLabels, deployment.spec?.template.metadata?.labels)).toBe(true);
      expect(pdb.spec?.maxUnavailable).toBe(1);
    }
  });

  it('autoscales on CPU within the partition count and leaves the replica count to the autoscaler', () => {
    for (const hpa of ofKind<IHorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler')) {
      const name = hpa.metadata!.name!;
      const deployment = deployments.find((d) => d.metadata?.name === hpa.spec?.scaleTargetRef.name);
      expect({ name, kind: hpa.spec?.scaleTargetRef.kind, target: deployment?.metadata?.name }).toEqual({ name, kind: 'Deployment', target: name });
      expect(deployment?.spec?.replicas).toBeUndefined();
      expect(hpa.spec?.metrics?.some((m) => m.resource?.name === 'cpu')).toBe(true);
      const partitions = Math.min(...AUTOSCALED[name].map((t) => TOPIC_SPECS[t].partitions));
      expect(hpa.spec!.maxReplicas).toBeLessThanOrEqual(partitions);
      expect(hpa.spec!.minReplicas).toBeLessThanOrEqual(hpa.spec!.maxReplicas);
    }
  });

  it(namespace ? `puts every resource in namespace ${namespace}` : 'leaves the namespace to the overlays', () => {
    for (const manifest of manifests.filter((m) => m.kind !== 'Namespace')) {
      expect({ resource: `${manifest.kind}/${manifest.metadata.name}`, namespace: manifest.metadata.namespace }).toEqual({
        resource: `${manifest.kind}/${manifest.metadata.name}`,
        namespace,
      });
    }
    if (namespace) expect(ofKind<Manifest>(manifests, 'Namespace').map((n) => n.metadata.name)).toEqual([namespace]);
  });

  it('uses one tagged image per service, never :latest', () => {
    for (const deployment of deployments) {
      const image = containerOf(deployment).image!;
      expect(image).toMatch(new RegExp(`(^|/)mlops-kafka/${deployment.metadata!.name}:[\\w][\\w.-]*$`));
      expect(image).not.toMatch(/:latest$/);
    }
  });

  it('scrapes every Service with the job and service labels the rules select on', () => {
    const [monitor] = ofKind<IServiceMonitor>(manifests, 'ServiceMonitor');
    const services = ofKind<IService>(manifests, 'Service');
    for (const service of services) {
      expect(subsetOf(monitor.spec.selector.matchLabels, service.metadata?.labels)).toBe(true);
      // Prometheus names the job after this label of the Service: the rules expect job="mlops".
      expect(service.metadata?.labels?.[monitor.spec.jobLabel!]).toBe('mlops');
    }
    const [endpoint] = monitor.spec.endpoints;
    expect(endpoint).toEqual(expect.objectContaining({ port: 'http', path: '/metrics', honorLabels: true }));
    expect(endpoint.relabelings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sourceLabels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'], targetLabel: 'service' }),
        expect.objectContaining({ targetLabel: 'ready' }),
      ]),
    );
    for (const deployment of deployments) {
      expect(deployment.spec?.template.metadata?.labels?.['app.kubernetes.io/name']).toBe(deployment.metadata?.name);
    }
    expect(loadRuleGroups().some((g) => g.rules.some((r) => r.expr.includes('job="mlops"')))).toBe(true);
  });

  it('carries exactly the rule groups of deploy/prometheus/rules in its PrometheusRule', () => {
    const [rule] = ofKind<IPrometheusRule>(manifests, 'PrometheusRule');
    expect(rule.spec.groups).toEqual(loadRuleGroups());
  });
});
