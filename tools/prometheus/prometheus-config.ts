import { stringify } from 'yaml';

export interface ScrapeTarget {
  /** `host:port` serving /metrics. */
  address: string;
  /** The `service` label, as deploy/prometheus/prometheus.yml and the ServiceMonitor set it. */
  service: string;
}

export interface PrometheusConfigOptions {
  targets: readonly ScrapeTarget[];
  ruleFiles: readonly string[];
  scrapeInterval: string;
  evaluationInterval: string;
}

/**
 * prometheus.yml for a local run, shaped like the compose one (deploy/prometheus/prometheus.yml):
 * one job `mlops` with a `service` label per target and honor_labels, because the rules select
 * `up{job="mlops", service=…}` and the services' own `service` labels must survive.
 */
export function prometheusConfig(options: PrometheusConfigOptions): string {
  return stringify({
    global: { scrape_interval: options.scrapeInterval, evaluation_interval: options.evaluationInterval },
    rule_files: [...options.ruleFiles],
    scrape_configs: [
      {
        job_name: 'mlops',
        honor_labels: true,
        metrics_path: '/metrics',
        static_configs: options.targets.map((t) => ({ targets: [t.address], labels: { service: t.service } })),
      },
    ],
  });
}
