import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from '@mlops/testing';

export interface PrometheusProcess {
  url: string;
  /** An instant query over the HTTP API: the result vector. */
  query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  stop(): Promise<void>;
}

/**
 * A real Prometheus (Debian's `prometheus` binary) scraping the given targets every second,
 * with its TSDB in a temporary folder and the given rule files loaded.
 */
export async function startPrometheus(targets: { url: string; labels: Record<string, string> }[], ruleFiles: string[] = []): Promise<PrometheusProcess> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drift-prometheus-'));
  const port = await freePort();
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    ...(ruleFiles.length > 0 ? ['rule_files:', ...ruleFiles.map((f) => `  - ${JSON.stringify(f)}`)] : []),
    'scrape_configs:',
    '  - job_name: mlops',
    '    honor_labels: true',
    '    static_configs:',
    ...targets.flatMap((t) => [`      - targets: [${JSON.stringify(new URL(t.url).host)}]`, `        labels: ${JSON.stringify(t.labels)}`]),
  ].join('\n');
  await writeFile(path.join(dir, 'prometheus.yml'), config);
  const child: ChildProcess = spawn('prometheus', [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/-/ready`).catch(() => undefined))?.status === 200, 'prometheus ready', { timeoutMs: 30_000, intervalMs: 200 }).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
  return {
    url,
    async query(expr: string) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await response.json()) as { status: string; error?: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      if (body.status !== 'success') throw new Error(`query ${expr} failed: ${body.error}`);
      return body.data.result;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
