/** One series of an instant query's vector result. */
export interface InstantSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** One series of a range query's matrix result; timestamps in seconds. */
export interface RangeSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

export interface ActiveAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt: string;
  value: string;
}

export interface ScrapeTargetState {
  labels: Record<string, string>;
  scrapeUrl: string;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
}

export interface RuleGroupState {
  name: string;
  file: string;
  rules: { name: string; type: 'alerting' | 'recording'; health: string; lastError?: string; duration?: number }[];
}

export interface PrometheusApi {
  readonly url: string;
  /** GET /-/ready answers 200. */
  ready(): Promise<boolean>;
  /** Instant query, at `atMs` (epoch ms) or now. */
  query(expr: string, atMs?: number): Promise<InstantSample[]>;
  /** Range query from `fromMs` to `toMs` every `stepSeconds`. */
  queryRange(expr: string, fromMs: number, toMs: number, stepSeconds: number): Promise<RangeSeries[]>;
  /** Pending and firing alerts now (GET /api/v1/alerts). */
  alerts(): Promise<ActiveAlert[]>;
  /** Active scrape targets and their health. */
  targets(): Promise<ScrapeTargetState[]>;
  /** Loaded rule groups and each rule's health. */
  rules(): Promise<RuleGroupState[]>;
}

/** A small client for Prometheus' HTTP API v1 (https://prometheus.io/docs/prometheus/latest/querying/api/). */
export function prometheusApi(url: string): PrometheusApi {
  async function get<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${url}${pathAndQuery}`);
    const body = (await response.json().catch(() => undefined)) as { status: string; data: T; error?: string } | undefined;
    if (!body || body.status !== 'success') throw new Error(`Prometheus ${pathAndQuery} answered ${response.status}: ${body?.error ?? 'no JSON body'}`);
    return body.data;
  }
  const params = (p: Record<string, string | number>) => new URLSearchParams(Object.entries(p).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return {
    url,
    ready: async () => (await fetch(`${url}/-/ready`).catch(() => undefined))?.status === 200,
    query: async (expr, atMs) => (await get<{ result: InstantSample[] }>(`/api/v1/query?${params(atMs === undefined ? { query: expr } : { query: expr, time: atMs / 1000 })}`)).result,
    queryRange: async (expr, fromMs, toMs, stepSeconds) =>
      (await get<{ result: RangeSeries[] }>(`/api/v1/query_range?${params({ query: expr, start: fromMs / 1000, end: toMs / 1000, step: stepSeconds })}`)).result,
    alerts: async () => (await get<{ alerts: ActiveAlert[] }>('/api/v1/alerts')).alerts,
    targets: async () => (await get<{ activeTargets: ScrapeTargetState[] }>('/api/v1/targets?state=active')).activeTargets,
    rules: async () => (await get<{ groups: RuleGroupState[] }>('/api/v1/rules')).groups,
  };
}
